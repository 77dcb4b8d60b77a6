// An object's MIME bundle as IPython's DisplayFormatter builds it (IPython/core/formatters.py):
// `_ipython_display_` takes over, `_repr_mimebundle_` comes first, then one `_repr_*_` method per
// MIME type, each returning the data or a (data, metadata) pair; `text/plain` is the repr.
import type { MimeBundle } from '../api.js';
import { PyObject, decref } from '../objects/object.js';
import { PyStr, newStr } from '../objects/str.js';
import { PyBytes } from '../objects/bytes.js';
import { PyTuple } from '../objects/tuple.js';
import { PyList, newList } from '../objects/list.js';
import { dictItems, isDict } from '../objects/dict.js';
import { PyInt } from '../objects/int.js';
import { PyFloat } from '../objects/float.js';
import { PyType } from '../objects/type.js';
import { None } from '../objects/singletons.js';
import { PyBaseException } from '../objects/exceptions.js';
import { call, lookupSpecial, reprString, strString } from '../objects/abstract.js';
import { asPyException } from '../vm/eval.js';
import { formatException } from '../vm/traceback.js';
import { engineIO, writeErr } from '../vm/io.js';

/** IPython's formatters in the order the front end prefers them. */
const REPR_METHODS: readonly (readonly [string, string])[] = [
  ['_repr_html_', 'text/html'],
  ['_repr_markdown_', 'text/markdown'],
  ['_repr_svg_', 'image/svg+xml'],
  ['_repr_png_', 'image/png'],
  ['_repr_jpeg_', 'image/jpeg'],
  ['_repr_latex_', 'text/latex'],
  ['_repr_json_', 'application/json'],
  ['_repr_javascript_', 'application/javascript'],
  ['_repr_pdf_', 'application/pdf'],
];

const BINARY_MIMES = new Set(['image/png', 'image/jpeg', 'application/pdf']);

export interface Formatted {
  data: MimeBundle;
  metadata: Record<string, unknown>;
}

export function isJsonMime(mime: string): boolean {
  return mime === 'application/json' || (mime.startsWith('application/') && mime.endsWith('+json'));
}

/** A Python value as JSON for the wire (ipykernel's json_clean): containers, numbers, text. */
export function toJson(o: PyObject, depth = 0): unknown {
  if (depth > 100) throw new RangeError('maximum recursion depth exceeded');
  if (o === None) return null;
  if (o instanceof PyStr) return o.value;
  if (o instanceof PyInt) return o.type.name === 'bool' ? o.value !== 0 && o.value !== 0n : Number(o.value);
  if (o instanceof PyFloat) return Number.isFinite(o.value) ? o.value : null;
  if (o instanceof PyBytes) return Buffer.from(o.data).toString('base64');
  if (o instanceof PyTuple || o instanceof PyList) return o.items.map((item) => toJson(item, depth + 1));
  if (isDict(o)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of dictItems(o)) out[k instanceof PyStr ? k.value : strString(k)] = toJson(v, depth + 1);
    return out;
  }
  return strString(o);
}

/** One MIME value as the wire carries it: text, base64 for binary images, JSON for json types. */
export function mimeValue(mime: string, o: PyObject): unknown {
  if (isJsonMime(mime)) return toJson(o);
  if (o instanceof PyBytes) return BINARY_MIMES.has(mime) ? Buffer.from(o.data).toString('base64') : Buffer.from(o.data).toString('latin1');
  return o instanceof PyStr ? o.value : strString(o);
}

/** Merges a Python dict of MIME type -> value (or metadata) into a host record. */
export function mergeMimeDict(into: Record<string, unknown>, d: PyObject, asMime: boolean): void {
  if (!isDict(d)) return;
  for (const [k, v] of dictItems(d)) {
    const key = k instanceof PyStr ? k.value : strString(k);
    into[key] = asMime ? mimeValue(key, v) : toJson(v);
  }
}

/** IPython's get_real_method, looked up on the type as special methods are: no attribute errors
 *  are raised (and allocated) for the many objects that have none of these methods. Classes
 *  themselves are shown by their repr. */
function realMethod(o: PyObject, name: string): PyObject | null {
  if (o instanceof PyType) return null;
  return lookupSpecial(o, name);
}

/** A formatter that raised: IPython shows the traceback and leaves that MIME type out. */
function reportFormatterError(err: unknown): void {
  const e = asPyException(err);
  try {
    engineIO.flush();
    for (const line of formatException(e)) writeErr(line);
  } finally {
    decref(e);
  }
}

/** Calls a `_repr_*_` method; its (data, metadata) or null when it gave None or raised. */
function callFormatter(method: PyObject, args: PyObject[], kwnames: readonly string[] | null = null): [PyObject, PyObject | null] | null {
  let r: PyObject;
  try {
    r = call(method, args, kwnames);
  } catch (err) {
    if (!(err instanceof PyBaseException)) throw err;
    reportFormatterError(err);
    return null;
  } finally {
    decref(method);
  }
  if (r === None) {
    decref(r);
    return null;
  }
  if (r instanceof PyTuple && r.items.length === 2) {
    const [data, md] = r.items as [PyObject, PyObject];
    data.refcnt++;
    md.refcnt++;
    decref(r);
    return [data, md];
  }
  return [r, null];
}

/** True when the object displayed itself through `_ipython_display_`. */
export function selfDisplayed(o: PyObject): boolean {
  const method = realMethod(o, '_ipython_display_');
  if (!method) return false;
  const r = callFormatter(method, []);
  if (r) for (const part of r) if (part) decref(part);
  return true;
}

/** DisplayFormatter.format: the bundle and metadata of `o`, limited by include/exclude. */
export function formatObject(o: PyObject, include: ReadonlySet<string> | null = null, exclude: ReadonlySet<string> | null = null): Formatted {
  const data: MimeBundle = {};
  const metadata: Record<string, unknown> = {};
  const wanted = (mime: string): boolean => (include === null || include.has(mime)) && !(exclude?.has(mime) ?? false);
  const mimeBundleMethod = realMethod(o, '_repr_mimebundle_');
  if (mimeBundleMethod) {
    const args = [include, exclude].map((set) => (set === null ? (None.refcnt++, None) : newList([...set].map((mime) => newStr(mime)))));
    const r = callFormatter(mimeBundleMethod, args, ['include', 'exclude']);
    for (const arg of args) decref(arg);
    if (r) {
      const bundle: MimeBundle = {};
      mergeMimeDict(bundle, r[0], true);
      for (const [mime, value] of Object.entries(bundle)) if (wanted(mime)) data[mime] = value;
      if (r[1]) mergeMimeDict(metadata, r[1], false);
      for (const part of r) if (part) decref(part);
    }
  }
  for (const [name, mime] of REPR_METHODS) {
    if (mime in data || !wanted(mime)) continue;
    const method = realMethod(o, name);
    if (!method) continue;
    const r = callFormatter(method, []);
    if (!r) continue;
    const [value, md] = r;
    if (acceptable(mime, value)) {
      data[mime] = mimeValue(mime, value);
      if (md && md !== None) metadata[mime] = toJson(md);
    }
    decref(value);
    if (md) decref(md);
  }
  if (!('text/plain' in data) && wanted('text/plain')) data['text/plain'] = reprString(o);
  return { data, metadata };
}

/** IPython's formatters drop a value of the wrong type (a FormatterWarning) rather than show it. */
function acceptable(mime: string, value: PyObject): boolean {
  if (isJsonMime(mime)) return isDict(value) || value instanceof PyList || value instanceof PyTuple || value instanceof PyStr;
  if (BINARY_MIMES.has(mime)) return value instanceof PyBytes || value instanceof PyStr;
  return value instanceof PyStr;
}
