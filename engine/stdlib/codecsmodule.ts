// _codecs (Modules/_codecsmodule.c and the error handlers of Python/codecs.c): encode and decode
// through the engine's built-in codecs, the UTF-8 codec functions the incremental codecs use,
// and the error handler registry with the standard handlers as builtin functions.
import { PyObject, newref } from '../objects/object.js';
import { newCFunction } from '../objects/descr.js';
import { PyStr, newStr } from '../objects/str.js';
import { PyInt, newInt } from '../objects/int.js';
import { bytesResult } from '../objects/bytes.js';
import { newTuple } from '../objects/tuple.js';
import { isCallable, isTrue } from '../objects/abstract.js';
import {
  PyBaseException, UnicodeDecodeError, UnicodeEncodeError, UnicodeTranslateError, isException, pyErr, LookupError,
  typeError,
} from '../objects/exceptions.js';
import { withBytes } from '../objects/buffer.js';
import { None } from '../objects/singletons.js';
import { builtinCodecName, decodeBytes, encodeText } from '../objects/unicode/codecs.js';
import { registerErrorHandler, registeredErrorHandler } from '../objects/unicode/errorhandlers.js';
import { unpackKeywords } from '../objects/unicode/args.js';
import type { NativeFunctionDef } from '../objects/native.js';
import type { NativeModuleDef } from './moduledef.js';

function textArg(fname: string, o: PyObject): string {
  if (!(o instanceof PyStr)) throw typeError(`${fname}() argument 1 must be str, not ${o.type.name}`);
  return o.value;
}

function nameArg(fname: string, o: PyObject | undefined, n: number, fallback: string): string {
  if (o === undefined || o === None) return fallback;
  if (!(o instanceof PyStr)) throw typeError(`${fname}() argument ${n} must be str, not ${o.type.name}`);
  return o.value;
}

/** The UnicodeError an error handler was given: its kind, its object's length and its span. */
function errorSpan(exc: PyObject): { kind: 'encode' | 'decode' | 'translate'; start: number; end: number; object: PyObject } {
  if (!isException(exc)) throw typeError("don't know how to handle " + exc.type.name + ' in error callback');
  const e = exc as PyBaseException;
  const kind = e.type.isSubtype(UnicodeEncodeError) ? 'encode'
    : e.type.isSubtype(UnicodeDecodeError) ? 'decode'
      : e.type.isSubtype(UnicodeTranslateError) ? 'translate' : null;
  if (!kind) throw typeError(`don't know how to handle ${e.type.name} in error callback`);
  const num = (name: string): number => {
    const v = e.field(name);
    return v instanceof PyInt ? Number(v.value) : 0;
  };
  return { kind, start: num('start'), end: num('end'), object: e.field('object') };
}

function codePoints(o: PyObject, start: number, end: number): number[] {
  return Array.from(o instanceof PyStr ? o.value : '', (c) => c.codePointAt(0)!).slice(start, end);
}

function bytesOf(o: PyObject, start: number, end: number): number[] {
  return withBytes(o, (b) => Array.from(b.subarray(start, end)));
}

function resumeAt(replacement: PyObject, end: number): PyObject {
  return newTuple([replacement, newInt(end)]);
}

function cannotHandle(exc: PyObject): never {
  throw typeError(`don't know how to handle ${exc.type.name} in error callback`);
}

const hex = (n: number, w: number): string => n.toString(16).padStart(w, '0');

/** The standard handlers, by the name lookup_error knows them under (Python/codecs.c). */
const STANDARD: Record<string, NativeFunctionDef> = {
  strict: {
    name: 'strict_errors',
    code: {
      kind: 'o',
      fn: (_m, exc) => {
        if (isException(exc)) throw newref(exc as PyBaseException);
        throw typeError('codec must pass exception instance');
      },
    },
  },
  ignore: { name: 'ignore_errors', code: { kind: 'o', fn: (_m, exc) => resumeAt(newStr(''), errorSpan(exc).end) } },
  replace: {
    name: 'replace_errors',
    code: {
      kind: 'o',
      fn: (_m, exc) => {
        const s = errorSpan(exc);
        const text = s.kind === 'decode' ? '\ufffd' : (s.kind === 'encode' ? '?' : '\ufffd').repeat(s.end - s.start);
        return resumeAt(newStr(text), s.end);
      },
    },
  },
  backslashreplace: {
    name: 'backslashreplace_errors',
    code: {
      kind: 'o',
      fn: (_m, exc) => {
        const s = errorSpan(exc);
        if (s.kind === 'decode') return resumeAt(newStr(bytesOf(s.object, s.start, s.end).map((b) => `\\x${hex(b, 2)}`).join('')), s.end);
        const text = codePoints(s.object, s.start, s.end)
          .map((c) => (c <= 0xff ? `\\x${hex(c, 2)}` : c <= 0xffff ? `\\u${hex(c, 4)}` : `\\U${hex(c, 8)}`)).join('');
        return resumeAt(newStr(text), s.end);
      },
    },
  },
  xmlcharrefreplace: {
    name: 'xmlcharrefreplace_errors',
    code: {
      kind: 'o',
      fn: (_m, exc) => {
        const s = errorSpan(exc);
        if (s.kind !== 'encode') cannotHandle(exc);
        return resumeAt(newStr(codePoints(s.object, s.start, s.end).map((c) => `&#${c};`).join('')), s.end);
      },
    },
  },
  surrogateescape: {
    name: 'surrogateescape',
    code: {
      kind: 'o',
      fn: (_m, exc) => {
        const s = errorSpan(exc);
        if (s.kind === 'decode') {
          const run = bytesOf(s.object, s.start, s.end);
          if (run.some((b) => b < 128)) throw newref(exc as PyBaseException);
          return resumeAt(newStr(run.map((b) => String.fromCharCode(0xdc00 + b)).join('')), s.end);
        }
        if (s.kind !== 'encode') cannotHandle(exc);
        const run = codePoints(s.object, s.start, s.end);
        if (run.some((c) => c < 0xdc80 || c > 0xdcff)) throw newref(exc as PyBaseException);
        return resumeAt(bytesResult(Uint8Array.from(run, (c) => c - 0xdc00)), s.end);
      },
    },
  },
};

/** The builtin function objects of the standard handlers, made on first lookup. */
const standardObjects = new Map<string, PyObject>();

function lookupError(name: string): PyObject {
  const registered = registeredErrorHandler(name);
  if (registered) return newref(registered);
  const def = STANDARD[name];
  if (!def) throw pyErr(LookupError, `unknown error handler name '${name}'`);
  let f = standardObjects.get(name);
  if (!f) {
    f = newCFunction(def, null, null);
    standardObjects.set(name, f);
  }
  return newref(f);
}

/** _codecs.encode / _codecs.decode: obj, encoding='utf-8', errors='strict'. */
function transcode(fname: 'encode' | 'decode') {
  return (_m: PyObject, args: PyObject[], kwnames: readonly string[] | null): PyObject => {
    const [obj, enc, err] = unpackKeywords(fname, ['obj', 'encoding', 'errors'], args, kwnames);
    if (obj === undefined) throw typeError(`${fname}() missing required argument 'obj' (pos 1)`);
    const encoding = nameArg(fname, enc, 2, 'utf-8');
    const errors = nameArg(fname, err, 3, 'strict');
    const codecName = `${encoding.toLowerCase().replace(/-/g, '_')}_${fname}`;
    if (fname === 'encode') return bytesResult(encodeText(textArg(codecName, obj), encoding, errors));
    return newStr(withBytes(obj, (b) => decodeBytes(b, encoding, errors)));
  };
}

/** How many bytes at the end of data start a UTF-8 sequence that is not complete yet. */
function incompleteTail(data: Uint8Array): number {
  for (let back = 1; back <= Math.min(3, data.length); back++) {
    const b = data[data.length - back]!;
    if (b < 0x80) return 0;
    if (b >= 0xc0) {
      const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
      return need > back ? back : 0;
    }
  }
  return 0;
}

const functions: NativeFunctionDef[] = [
  { name: 'encode', code: { kind: 'fastkw', fn: transcode('encode') } },
  { name: 'decode', code: { kind: 'fastkw', fn: transcode('decode') } },
  {
    // Which of the engine's codecs an encoding name stands for (None when none does), for the
    // codec registry of codecs.py.
    name: '_builtin_codec_name',
    code: {
      kind: 'o',
      fn: (_m, name) => {
        const codec = builtinCodecName(textArg('_builtin_codec_name', name));
        return codec === null ? newref(None) : newStr(codec);
      },
    },
  },
  { name: 'lookup_error', code: { kind: 'o', fn: (_m, name) => lookupError(textArg('lookup_error', name)) } },
  {
    name: 'register_error',
    code: {
      kind: 'fast',
      fn: (_m, args) => {
        if (args.length !== 2) throw typeError(`register_error expected 2 arguments, got ${args.length}`);
        const name = textArg('register_error', args[0]!);
        if (!isCallable(args[1]!)) throw typeError('handler must be callable');
        registerErrorHandler(name, args[1]!);
        return newref(None);
      },
    },
  },
  {
    name: 'utf_8_encode',
    code: {
      kind: 'fast',
      fn: (_m, args) => {
        const text = textArg('utf_8_encode', args[0] ?? None);
        const errors = nameArg('utf_8_encode', args[1], 2, 'strict');
        return newTuple([bytesResult(encodeText(text, 'utf-8', errors)), newInt([...text].length)]);
      },
    },
  },
  {
    name: 'utf_8_decode',
    code: {
      kind: 'fast',
      fn: (_m, args) => {
        const errors = nameArg('utf_8_decode', args[1], 2, 'strict');
        const final = args[2] !== undefined && isTrue(args[2]);
        return withBytes(args[0] ?? None, (data) => {
          const used = final ? data.length : data.length - incompleteTail(data);
          return newTuple([newStr(decodeBytes(data.subarray(0, used), 'utf-8', errors)), newInt(used)]);
        });
      },
    },
  },
];

export const codecsNativeModule: NativeModuleDef = { name: '_codecs', functions, attributes: () => ({}) };
