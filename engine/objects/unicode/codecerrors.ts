// UnicodeEncodeError and UnicodeDecodeError (Objects/exceptions.c): their five fields, the
// constructor that checks them, and the messages CPython builds from them.
import { decref, type PyObject } from '../object.js';
import { newTuple } from '../tuple.js';
import { extendType } from '../define.js';
import { PyBaseException, UnicodeDecodeError, UnicodeEncodeError, newException, typeError } from '../exceptions.js';
import { PyStr, newStr } from '../str.js';
import { PyInt, newInt } from '../int.js';
import { newBytes, PyBytes } from '../bytes.js';

const FIELDS = ['encoding', 'object', 'start', 'end', 'reason'] as const;

export function unicodeEncodeError(encoding: string, text: string, start: number, end: number, reason: string): PyBaseException {
  return build(UnicodeEncodeError, [newStr(encoding), newStr(text), newInt(start), newInt(end), newStr(reason)]);
}

export function unicodeDecodeError(encoding: string, data: Uint8Array, start: number, end: number, reason: string): PyBaseException {
  return build(UnicodeDecodeError, [newStr(encoding), newBytes(data.slice()), newInt(start), newInt(end), newStr(reason)]);
}

function build(type: typeof UnicodeEncodeError, args: PyObject[]): PyBaseException {
  const e = newException(type, args);
  for (const a of args) decref(a);
  return e;
}

function field(e: PyObject, name: string): PyObject {
  return (e as PyBaseException).field(name);
}

function num(e: PyObject, name: string): number {
  const v = field(e, name);
  return v instanceof PyInt ? Number(v.value) : 0;
}

function text(e: PyObject, name: string): string {
  const v = field(e, name);
  return v instanceof PyStr ? v.value : '';
}

// Objects/exceptions.c UnicodeEncodeError_init / UnicodeDecodeError_init
function initWith(objectCheck: (o: PyObject) => boolean, objectKind: string, typeName: string) {
  return (self: PyObject, args: PyObject[], kwnames: readonly string[] | null): void => {
    if (kwnames && kwnames.length) throw typeError(`${typeName}() takes no keyword arguments`);
    const e = self as PyBaseException;
    const old = e.args;
    for (const a of args) a.refcnt++;
    e.args = newTuple(args.slice());
    decref(old);
    if (args.length !== 5) throw typeError(`function takes exactly 5 arguments (${args.length} given)`);
    const [enc, obj, start, end, reason] = args as [PyObject, PyObject, PyObject, PyObject, PyObject];
    if (!(enc instanceof PyStr)) throw typeError(`argument 1 must be str, not ${enc.type.name}`);
    if (!objectCheck(obj)) throw typeError(`argument 2 must be ${objectKind}, not ${obj.type.name}`);
    if (!(start instanceof PyInt)) throw typeError(`'${start.type.name}' object cannot be interpreted as an integer`);
    if (!(end instanceof PyInt)) throw typeError(`'${end.type.name}' object cannot be interpreted as an integer`);
    if (!(reason instanceof PyStr)) throw typeError(`argument 5 must be str, not ${reason.type.name}`);
    FIELDS.forEach((f, i) => e.setField(f, args[i]!));
  };
}

const getsets = Object.fromEntries(FIELDS.map((f) => [f, { get: (o: PyObject) => { const v = field(o, f); v.refcnt++; return v; } }]));

function escapeChar(cp: number): string {
  if (cp <= 0xff) return `\\x${cp.toString(16).padStart(2, '0')}`;
  if (cp <= 0xffff) return `\\u${cp.toString(16).padStart(4, '0')}`;
  return `\\U${cp.toString(16).padStart(8, '0')}`;
}

// Objects/exceptions.c UnicodeEncodeError_str
function encodeErrorStr(o: PyObject): PyObject {
  const obj = field(o, 'object');
  if (!(obj instanceof PyStr)) return newStr('');
  const start = num(o, 'start');
  const end = num(o, 'end');
  const head = `'${text(o, 'encoding')}' codec can't encode`;
  if (end === start + 1) {
    const cp = Array.from(obj.value)[start]?.codePointAt(0) ?? 0;
    return newStr(`${head} character '${escapeChar(cp)}' in position ${start}: ${text(o, 'reason')}`);
  }
  return newStr(`${head} characters in position ${start}-${end - 1}: ${text(o, 'reason')}`);
}

// Objects/exceptions.c UnicodeDecodeError_str
function decodeErrorStr(o: PyObject): PyObject {
  const obj = field(o, 'object');
  if (!(obj instanceof PyBytes)) return newStr('');
  const start = num(o, 'start');
  const end = num(o, 'end');
  const head = `'${text(o, 'encoding')}' codec can't decode`;
  if (end === start + 1) {
    const b = obj.data[start] ?? 0;
    return newStr(`${head} byte 0x${b.toString(16).padStart(2, '0')} in position ${start}: ${text(o, 'reason')}`);
  }
  return newStr(`${head} bytes in position ${start}-${end - 1}: ${text(o, 'reason')}`);
}

extendType(UnicodeEncodeError, {
  slots: { tp_str: encodeErrorStr, tp_init: initWith((o) => o instanceof PyStr, 'str', 'UnicodeEncodeError') },
  getsets,
});
extendType(UnicodeDecodeError, {
  slots: { tp_str: decodeErrorStr, tp_init: initWith((o) => o instanceof PyBytes, 'a bytes-like object', 'UnicodeDecodeError') },
  getsets,
});
