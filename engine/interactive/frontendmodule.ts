// `_pymemlab_frontend`: the native half of IPython.display and getpass. It formats objects into
// MIME bundles and hands display, clear and password requests to the engine's host (a Jupyter
// front end through the kernel, or nothing at all under `pymemlab exec`).
import { randomBytes } from 'node:crypto';
import type { DisplayRequest, MimeBundle } from '../api.js';
import { PyObject, newref } from '../objects/object.js';
import { PyStr, newStr } from '../objects/str.js';
import { None } from '../objects/singletons.js';
import { EOFError, pyErr, typeError } from '../objects/exceptions.js';
import { newBool } from '../objects/int.js';
import { collect, isTrue, strString } from '../objects/abstract.js';
import { decref } from '../objects/object.js';
import { engineIO } from '../vm/io.js';
import type { NativeModuleDef } from '../stdlib/moduledef.js';
import { formatObject, mergeMimeDict, selfDisplayed } from './formatters.js';

function send(request: DisplayRequest): void {
  engineIO.flush();
  engineIO.host?.display(request);
}

function displayIdOf(o: PyObject): string | undefined {
  return o === None ? undefined : strString(o);
}

/** A set of MIME types from a list, tuple or set argument; null for None. */
function mimeSet(o: PyObject): Set<string> | null {
  if (o === None) return null;
  const items = collect(o);
  const names = new Set(items.map((item) => strString(item)));
  for (const item of items) decref(item);
  return names;
}

function expectArgs(name: string, args: PyObject[], count: number): void {
  if (args.length !== count) throw typeError(`${name}() takes exactly ${count} arguments (${args.length} given)`);
}

// display_object(obj, include, exclude, metadata, display_id, update): IPython's display() for one
// formatted object; False when nothing was published (`_ipython_display_` took over).
function displayObject(_m: PyObject, args: PyObject[]): PyObject {
  expectArgs('display_object', args, 6);
  const [obj, include, exclude, metadata, displayId, update] = args as [PyObject, PyObject, PyObject, PyObject, PyObject, PyObject];
  if (selfDisplayed(obj)) return newBool(false);
  const formatted = formatObject(obj, mimeSet(include), mimeSet(exclude));
  if (Object.keys(formatted.data).length === 0) return newBool(false);
  mergeMimeDict(formatted.metadata, metadata, false);
  const id = displayIdOf(displayId);
  send({ kind: 'display', data: formatted.data, metadata: formatted.metadata, ...(id === undefined ? {} : { displayId: id }), update: isTrue(update) });
  return newBool(true);
}

// publish(data, metadata, display_id, update): publish_display_data with an already built bundle.
function publish(_m: PyObject, args: PyObject[]): PyObject {
  expectArgs('publish', args, 4);
  const [data, metadata, displayId, update] = args as [PyObject, PyObject, PyObject, PyObject];
  const bundle: MimeBundle = {};
  const md: Record<string, unknown> = {};
  mergeMimeDict(bundle, data, true);
  mergeMimeDict(md, metadata, false);
  const id = displayIdOf(displayId);
  send({ kind: 'display', data: bundle, metadata: md, ...(id === undefined ? {} : { displayId: id }), update: isTrue(update) });
  return newref(None);
}

function clearOutput(_m: PyObject, wait: PyObject): PyObject {
  send({ kind: 'clear', wait: isTrue(wait) });
  return newref(None);
}

/** getpass through the host: the front end hides what is typed (input_request with password). */
function readPassword(_m: PyObject, prompt: PyObject): PyObject {
  if (!(prompt instanceof PyStr)) throw typeError('prompt must be str');
  engineIO.flush();
  const line = engineIO.host ? engineIO.host.input(prompt.value, true) : null;
  if (line === null) throw pyErr(EOFError, 'EOF when reading a line');
  return newStr(line);
}

/** IPython's _new_id: 32 hex digits. */
function newDisplayId(): PyObject {
  return newStr(randomBytes(16).toString('hex'));
}

export const frontendModule: NativeModuleDef = {
  name: '_pymemlab_frontend',
  functions: [
    { name: 'display_object', code: { kind: 'fast', fn: displayObject } },
    { name: 'publish', code: { kind: 'fast', fn: publish } },
    { name: 'clear_output', code: { kind: 'o', fn: clearOutput } },
    { name: 'read_password', code: { kind: 'o', fn: readPassword } },
    { name: 'new_display_id', code: { kind: 'noargs', fn: newDisplayId } },
  ],
  attributes: () => ({}),
};
