// The protocol slots of str (Objects/unicodeobject.c): repr, hash, comparison, concatenation,
// repetition, containment, subscripts and iteration, attached to the type declared in str.ts.
import { PyGCObject, PyObject, decref, newref } from '../object.js';
import { CompareOp, TypeFlags, type PyType } from '../type.js';
import { defineType, extendType } from '../define.js';
import { allocObject, freeObject } from '../heap.js';
import { gcTrack, gcUntrack } from '../../gc/track.js';
import { PyStr, newStr, strAllocSize, strSizeof, strFromCodePoint, strResult, strType, emptyStr } from '../str.js';
import { newInt, True, False } from '../int.js';
import { newTuple } from '../tuple.js';
import { NotImplemented } from '../singletons.js';
import { indexError, overflowError, typeError } from '../exceptions.js';
import { asIndex, str } from '../abstract.js';
import { unpackKeywords } from './args.js';
import { withBytes } from '../buffer.js';
import { decodeBytes, encodeText } from './codecs.js';
import { bytesResult } from '../bytes.js';
import { percentFormat } from './percent.js';
import { formatStringWithSpec, parseFormatSpec, unknownFormatCode } from '../formatspec.js';
import { hashBytes, hashLatin1 } from '../siphash.js';
import { unicodeRepr } from './repr.js';
import { codePointAt, compareText, substring } from './text.js';
import { isIndexable, isSlice, sliceRange } from './sliceargs.js';

const PY_SSIZE_T_MAX = 9223372036854775807;

/** The str's characters as CPython stores them: 1, 2 or 4 little-endian bytes each. */
export function rawBuffer(s: PyStr): Uint8Array {
  const out = new Uint8Array(s.length * s.kind);
  const v = s.value;
  if (s.kind === 1) {
    for (let i = 0; i < v.length; i++) out[i] = v.charCodeAt(i);
  } else if (s.kind === 2) {
    for (let i = 0; i < v.length; i++) {
      const c = v.charCodeAt(i);
      out[2 * i] = c & 0xff;
      out[2 * i + 1] = c >>> 8;
    }
  } else {
    let j = 0;
    for (const ch of v) {
      const c = ch.codePointAt(0)!;
      out[j] = c & 0xff;
      out[j + 1] = (c >>> 8) & 0xff;
      out[j + 2] = c >>> 16;
      j += 4;
    }
  }
  return out;
}

// Objects/unicodeobject.c unicode_hash: SipHash of the raw buffer, cached in the object.
export function strHash(o: PyObject): bigint {
  const s = o as PyStr;
  if (s.hash === null) s.hash = s.kind === 1 ? hashLatin1(s.value) : hashBytes(rawBuffer(s));
  return s.hash;
}

function unicodeRepr_(o: PyObject): PyObject {
  return newStr(unicodeRepr((o as PyStr).value));
}

// Objects/unicodeobject.c unicode_str (unicode_result_unchanged): an exact str is itself.
function unicodeStr(o: PyObject): PyObject {
  return o.type === strType ? newref(o) : newStr((o as PyStr).value);
}

export function isStr(o: PyObject): o is PyStr {
  return o instanceof PyStr;
}

// Objects/unicodeobject.c PyUnicode_RichCompare
function unicodeRichCompare(a: PyObject, b: PyObject, op: CompareOp): PyObject {
  if (!isStr(a) || !isStr(b)) return newref(NotImplemented);
  let r: boolean;
  if (op === CompareOp.EQ || op === CompareOp.NE) {
    r = a === b || a.value === b.value;
    if (op === CompareOp.NE) r = !r;
  } else {
    const c = a === b ? 0 : a.kind === 4 || b.kind === 4 ? compareText(a.value, b.value) : a.value < b.value ? -1 : a.value > b.value ? 1 : 0;
    r = op === CompareOp.LT ? c < 0 : op === CompareOp.LE ? c <= 0 : op === CompareOp.GT ? c > 0 : c >= 0;
  }
  return newref(r ? True : False);
}

// Objects/unicodeobject.c PyUnicode_Concat
function unicodeConcat(a: PyObject, b: PyObject): PyObject {
  if (!isStr(b)) throw typeError(`can only concatenate str (not "${b.type.name}") to str`);
  const sa = a as PyStr;
  if (b.length === 0 && sa.type === strType) return newref(sa);
  if (sa.length === 0 && b.type === strType) return newref(b);
  if (sa.length > PY_SSIZE_T_MAX - b.length) throw overflowError('strings are too large to concat');
  const kind = sa.kind > b.kind ? sa.kind : b.kind;
  return strResult(sa.value + b.value, { length: sa.length + b.length, kind, ascii: sa.ascii && b.ascii });
}

// Objects/unicodeobject.c unicode_repeat
function unicodeRepeat(o: PyObject, n: number): PyObject {
  const s = o as PyStr;
  if (n < 1 || s.length === 0) return newref(emptyStr);
  if (n === 1) return unicodeStr(s);
  if (s.length > PY_SSIZE_T_MAX / n) throw overflowError('repeated string is too long');
  return strResult(s.value.repeat(n), { length: s.length * n, kind: s.kind, ascii: s.ascii });
}

// Objects/unicodeobject.c PyUnicode_Contains
function unicodeContains(o: PyObject, sub: PyObject): boolean {
  if (!isStr(sub)) throw typeError(`'in <string>' requires string as left operand, not ${sub.type.name}`);
  return (o as PyStr).value.includes(sub.value);
}

// Objects/unicodeobject.c unicode_getitem
function unicodeGetItem(o: PyObject, i: number): PyObject {
  const s = o as PyStr;
  if (i < 0) i += s.length;
  if (i < 0 || i >= s.length) throw indexError('string index out of range');
  return strFromCodePoint(codePointAt(s, i));
}

// Objects/unicodeobject.c unicode_subscript
function unicodeSubscript(o: PyObject, key: PyObject): PyObject {
  const s = o as PyStr;
  if (isIndexable(key)) return unicodeGetItem(s, asIndex(key));
  if (!isSlice(key)) throw typeError(`string indices must be integers, not '${key.type.name}'`);
  const r = sliceRange(key, s.length);
  if (r.length <= 0) return newref(emptyStr);
  if (r.start === 0 && r.step === 1 && r.length === s.length && s.type === strType) return newref(s);
  if (r.step === 1) return strResult(substring(s, r.start, r.start + r.length));
  const chars = s.kind === 4 ? Array.from(s.value) : null;
  let out = '';
  for (let k = 0, i = r.start; k < r.length; k++, i += r.step) out += chars ? chars[i]! : s.value[i]!;
  return strResult(out);
}

/** unicodeiterobject: the str and the index of the next character. */
class PyStrIter extends PyGCObject {
  constructor(type: PyObject['type'], public seq: PyStr | null, public index = 0) {
    super(type);
  }
}

function deallocStrIter(o: PyObject): void {
  const it = o as PyStrIter;
  gcUntrack(it);
  if (it.seq) decref(it.seq);
  it.seq = null;
  freeObject(it);
}

// Objects/unicodeobject.c unicodeiter_next / unicode_ascii_iter_next
function strIterNext(o: PyObject): PyObject | null {
  const it = o as PyStrIter;
  const s = it.seq;
  if (s === null) return null;
  if (it.index < s.length) return strFromCodePoint(codePointAt(s, it.index++));
  it.seq = null;
  decref(s);
  return null;
}

function strIterLengthHint(o: PyObject): PyObject {
  const it = o as PyStrIter;
  return newInt(it.seq ? it.seq.length - it.index : 0);
}

const iterSpec = (name: string) => ({
  name,
  flags: TypeFlags.HAVE_GC,
  layout: { basicsize: 32 },
  slots: {
    tp_dealloc: deallocStrIter,
    tp_iter: (o: PyObject) => newref(o),
    tp_iternext: strIterNext,
    tp_traverse: (o: PyObject, visit: (c: PyObject) => void) => {
      const s = (o as PyStrIter).seq;
      if (s) visit(s);
    },
  },
  methods: { __length_hint__: { kind: 'noargs' as const, fn: strIterLengthHint } },
});

export const strAsciiIterType = defineType(iterSpec('str_ascii_iterator'));
export const strIterType = defineType(iterSpec('str_iterator'));

// Objects/unicodeobject.c unicode_iter
function unicodeIter(o: PyObject): PyObject {
  const s = o as PyStr;
  const it = new PyStrIter(s.ascii ? strAsciiIterType : strIterType, newref(s));
  allocObject(it, 32);
  gcTrack(it);
  return it;
}

// Objects/unicodeobject.c unicode_new_impl and unicode_subtype_new
function unicodeNew(type: PyType, args: PyObject[], kwnames: readonly string[] | null): PyObject {
  const [obj, encoding, errors] = unpackKeywords('str', ['object', 'encoding', 'errors'], args, kwnames);
  let result: PyObject;
  if (obj === undefined) result = newref(emptyStr);
  else if (encoding === undefined && errors === undefined) result = str(obj);
  else {
    const enc = encoding === undefined ? 'utf-8' : textArg('str', 'encoding', encoding);
    const err = errors === undefined ? 'strict' : textArg('str', 'errors', errors);
    if (obj instanceof PyStr) throw typeError('decoding str is not supported');
    const text = withBytes(obj, (d) => decodeBytes(d, enc, err), (o) => `decoding to str: need a bytes-like object, ${o.type.name} found`);
    result = strResult(text);
  }
  if (type === strType) return result;
  const sub = new PyStr(type, (result as PyStr).value);
  decref(result);
  allocObject(sub, strAllocSize(sub));
  return sub;
}

/** A str argument named `name` of `fname`, as its JS text. */
export function textArg(fname: string, name: string, o: PyObject): string {
  if (!(o instanceof PyStr)) throw typeError(`${fname}() argument '${name}' must be str, not ${o.type.name}`);
  return o.value;
}

// Objects/unicodeobject.c unicode_encode_impl
function unicodeEncode(o: PyObject, args: PyObject[], kwnames: readonly string[] | null): PyObject {
  const [encoding, errors] = unpackKeywords('encode', ['encoding', 'errors'], args, kwnames);
  const enc = encoding === undefined ? 'utf-8' : textArg('encode', 'encoding', encoding);
  const err = errors === undefined ? 'strict' : textArg('encode', 'errors', errors);
  return bytesResult(encodeText((o as PyStr).value, enc, err));
}

// Objects/unicodeobject.c unicode___format___impl
function unicodeFormat(o: PyObject, specObj: PyObject): PyObject {
  if (!(specObj instanceof PyStr)) throw typeError(`__format__() argument must be str, not ${specObj.type.name}`);
  const s = o as PyStr;
  if (specObj.length === 0) return unicodeStr(s);
  const spec = parseFormatSpec(specObj.value, 'str', 's', '<');
  if (spec.type !== 's') throw unknownFormatCode(spec.type, 'str');
  const out = formatStringWithSpec(s.value, spec);
  return out === s.value ? unicodeStr(s) : strResult(out);
}

extendType(strType, {
  slots: {
    tp_new: unicodeNew,
    tp_repr: unicodeRepr_,
    tp_str: unicodeStr,
    tp_hash: strHash,
    tp_richcompare: unicodeRichCompare,
    tp_iter: unicodeIter,
    nb_remainder: (a, b) => (isStr(a) ? strResult(percentFormat(a.value, b, 'str')) : newref(NotImplemented)),
    sq_length: (o) => (o as PyStr).length,
    sq_concat: unicodeConcat,
    sq_repeat: unicodeRepeat,
    sq_item: unicodeGetItem,
    sq_contains: unicodeContains,
    mp_length: (o) => (o as PyStr).length,
    mp_subscript: unicodeSubscript,
  },
  methods: {
    encode: { kind: 'fastkw', fn: unicodeEncode },
    __format__: { kind: 'o', fn: unicodeFormat },
    __sizeof__: { kind: 'noargs', fn: (o) => newInt(strSizeof(o as PyStr)) },
    __getnewargs__: { kind: 'noargs', fn: (o) => newTuple([newStr((o as PyStr).value)]) },
  },
});
