// bytes (Objects/bytesobject.c): immutable byte strings stored inline after a 32-byte header,
// with the empty and one-byte singletons 3.11 keeps in its runtime state.
import { PyGCObject, PyObject, decref, newref } from './object.js';
import { CompareOp, TypeFlags, type PyType } from './type.js';
import { defineType, extendType } from './define.js';
import { allocObject, allocStatic, freeObject, heap } from './heap.js';
import { gcTrack, gcUntrack } from '../gc/track.js';
import { objectLayouts } from '../profiles/objects.js';
import { True, False, newInt } from './int.js';
import { NotImplemented } from './singletons.js';
import { PyBaseException, TypeError, bufferError, exceptionMatches, indexError, overflowError, typeError, valueError } from './exceptions.js';
import { asIndex, call, forEach, getIter, lookupSpecial } from './abstract.js';
import { hashBytes, seedListeners } from './siphash.js';
import { byteView, checkBuffer, registerBufferProcs, withBytes } from './buffer.js';
import { isIndexable, isSlice, sliceRange } from './unicode/sliceargs.js';
import type { PySlice } from './slice.js';
import { PyStr, STATIC_REFCNT, newStr } from './str.js';
import { newTuple } from './tuple.js';
import { bytesMaketrans, fromHex, sharedByteMethods, type Seq } from './bytesmethods.js';
import { unpackKeywords } from './unicode/args.js';
import { encodeText } from './unicode/codecs.js';
import { fromLatin1, latin1 } from './unicode/latin1.js';
import { percentFormat } from './unicode/percent.js';
import { registerWorldState } from '../os/worldRoots.js';

export class PyBytes extends PyObject {
  /** Cached hash (bytes_hash keeps ob_shash); null until computed. */
  hash: bigint | null = null;
  /** The bytes as latin-1 text for the text algorithms, kept once made (bytes never change). */
  latin1Text: string | null = null;
  constructor(type: PyObject['type'], public data: Uint8Array) {
    super(type);
  }
}

/** Bytes of a bytes object: header, the bytes and their trailing NUL (PyBytesObject_SIZE + n). */
export function bytesAllocSize(n: number): number {
  return objectLayouts(heap.profile).bytesHeader + n + 1;
}

function deallocBytes(o: PyObject): void {
  freeObject(o);
}

export const bytesType = defineType({
  name: 'bytes',
  flags: TypeFlags.BASETYPE | TypeFlags.BYTES_SUBCLASS | TypeFlags.MATCH_SELF,
  layout: { basicsize: 33, itemsize: 1 },
  slots: { tp_dealloc: deallocBytes },
});

/** A bytes object holding `data` (which it takes over): always a new object. */
export function newBytes(data: Uint8Array): PyBytes {
  const b = new PyBytes(bytesType, data);
  allocObject(b, bytesAllocSize(data.length));
  return b;
}

function runtimeStatic(data: Uint8Array): PyBytes {
  const b = new PyBytes(bytesType, data);
  allocStatic(b, bytesAllocSize(data.length));
  b.refcnt = STATIC_REFCNT;
  return b;
}

/** b'' (_Py_SINGLETON(bytes_empty)) and the 256 one-byte strings (bytes_characters). */
export const emptyBytes = runtimeStatic(new Uint8Array(0));
const byteChars: PyBytes[] = [];
registerWorldState(byteChars);
for (let c = 0; c < 256; c++) byteChars.push(runtimeStatic(Uint8Array.of(c)));
seedListeners.push(() => {
  for (const b of byteChars) b.hash = null;
});

/** PyBytes_FromStringAndSize: the singletons for 0 and 1 bytes, a new object otherwise. */
export function bytesResult(data: Uint8Array): PyBytes {
  const b = data.length === 0 ? emptyBytes : data.length === 1 ? byteChars[data[0]!]! : null;
  if (b) {
    b.refcnt++;
    return b;
  }
  return newBytes(data);
}

// Objects/bytesobject.c PyBytes_Repr (and bytearray_repr's inner part): quotes as str's repr
// chooses them, escapes for everything outside printable ASCII. bytearray's repr escapes a
// single quote even inside double quotes.
export function bytesReprText(data: Uint8Array, alwaysEscapeSingle = false): string {
  let hasSingle = false;
  let hasDouble = false;
  for (const c of data) {
    if (c === 0x27) hasSingle = true;
    else if (c === 0x22) hasDouble = true;
  }
  const quote = hasSingle && !hasDouble ? '"' : "'";
  let out = quote;
  for (const c of data) {
    if (c === quote.charCodeAt(0) || c === 0x5c || (alwaysEscapeSingle && c === 0x27)) out += '\\' + String.fromCharCode(c);
    else if (c === 9) out += '\\t';
    else if (c === 10) out += '\\n';
    else if (c === 13) out += '\\r';
    else if (c < 0x20 || c >= 0x7f) out += '\\x' + c.toString(16).padStart(2, '0');
    else out += String.fromCharCode(c);
  }
  return out + quote;
}

/** The bytes of an exact-or-subclass bytes object. */
export function isBytes(o: PyObject): o is PyBytes {
  return o instanceof PyBytes;
}

/** Lexicographic comparison of byte strings (memcmp, then lengths). */
export function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

export function compareResult(c: number, op: CompareOp): PyObject {
  const r = op === CompareOp.EQ ? c === 0 : op === CompareOp.NE ? c !== 0 : op === CompareOp.LT ? c < 0
    : op === CompareOp.LE ? c <= 0 : op === CompareOp.GT ? c > 0 : c >= 0;
  return newref(r ? True : False);
}

// Objects/bytesobject.c bytes_richcompare
function bytesRichCompare(a: PyObject, b: PyObject, op: CompareOp): PyObject {
  if (!isBytes(a) || !isBytes(b)) return newref(NotImplemented);
  if (a === b && (op === CompareOp.EQ || op === CompareOp.NE)) return compareResult(0, op);
  return compareResult(compareBytes(a.data, b.data), op);
}

// Objects/bytesobject.c bytes_concat
function bytesConcat(a: PyObject, b: PyObject): PyObject {
  const x = (a as PyBytes).data;
  const y = withBytes(b, (d) => d.slice(), (o) => `can't concat ${o.type.name} to ${a.type.name}`);
  if (y.length === 0 && a.type === bytesType) return newref(a);
  if (x.length === 0 && b.type === bytesType) return newref(b);
  const out = new Uint8Array(x.length + y.length);
  out.set(x);
  out.set(y, x.length);
  return bytesResult(out);
}

/** Repetition of a byte string (bytes_repeat, bytearray_repeat). */
export function repeatBytes(data: Uint8Array, n: number): Uint8Array {
  if (n <= 0 || data.length === 0) return new Uint8Array(0);
  if (data.length > 9223372036854775807 / n) throw overflowError('repeated bytes are too long');
  const out = new Uint8Array(data.length * n);
  for (let i = 0; i < n; i++) out.set(data, i * data.length);
  return out;
}

function bytesRepeat(o: PyObject, n: number): PyObject {
  if (n === 1 && o.type === bytesType) return newref(o);
  return bytesResult(repeatBytes((o as PyBytes).data, n));
}

// Objects/bytes_methods.c _Py_bytes_contains
export function bytesContains(data: Uint8Array, arg: PyObject): boolean {
  if (isIndexable(arg)) {
    const v = asIndex(arg);
    if (v < 0 || v > 255) throw valueError('byte must be in range(0, 256)');
    return data.includes(v);
  }
  const sub = withBytes(arg, (d) => d.slice());
  return latin1(data).includes(latin1(sub));
}

/** Item i of a byte sequence as an int (IndexError with the type's message). */
export function byteItem(data: Uint8Array, i: number, message: string): PyObject {
  if (i < 0) i += data.length;
  if (i < 0 || i >= data.length) throw indexError(message);
  return newInt(data[i]!);
}

/** The bytes a slice selects (a copy). */
export function sliceBytes(data: Uint8Array, key: PyObject): Uint8Array {
  const r = sliceRange(key as PySlice, data.length);
  if (r.step === 1) return data.slice(r.start, r.start + r.length);
  const out = new Uint8Array(Math.max(0, r.length));
  for (let k = 0, i = r.start; k < r.length; k++, i += r.step) out[k] = data[i]!;
  return out;
}

// Objects/bytesobject.c bytes_subscript
function bytesSubscript(o: PyObject, key: PyObject): PyObject {
  const b = o as PyBytes;
  if (isIndexable(key)) return byteItem(b.data, asIndex(key), 'index out of range');
  if (!isSlice(key)) throw typeError(`byte indices must be integers or slices, not ${key.type.name}`);
  const r = sliceRange(key, b.data.length);
  if (r.start === 0 && r.step === 1 && r.length === b.data.length && b.type === bytesType) return newref(b);
  return bytesResult(sliceBytes(b.data, key));
}

/** striterobject of bytes: the sequence and the next index. */
export class PyBytesIter extends PyGCObject {
  constructor(type: PyObject['type'], public seq: PyObject | null, public index = 0) {
    super(type);
  }
}

/** The byte iterators of bytes and bytearray: `bytesOf` reads the current contents. */
export function defineByteIterator(name: string, bytesOf: (seq: PyObject) => Uint8Array) {
  const type = defineType({
    name,
    flags: TypeFlags.HAVE_GC,
    layout: { basicsize: 32 },
    slots: {
      tp_dealloc: (o) => {
        const it = o as PyBytesIter;
        gcUntrack(it);
        if (it.seq) decref(it.seq);
        it.seq = null;
        freeObject(it);
      },
      tp_iter: (o) => newref(o),
      tp_iternext: (o) => {
        const it = o as PyBytesIter;
        if (it.seq === null) return null;
        const data = bytesOf(it.seq);
        if (it.index < data.length) return newInt(data[it.index++]!);
        decref(it.seq);
        it.seq = null;
        return null;
      },
      tp_traverse: (o, visit) => {
        const s = (o as PyBytesIter).seq;
        if (s) visit(s);
      },
    },
    methods: {
      __length_hint__: {
        kind: 'noargs',
        fn: (o) => {
          const it = o as PyBytesIter;
          return newInt(it.seq ? Math.max(0, bytesOf(it.seq).length - it.index) : 0);
        },
      },
    },
  });
  return (seq: PyObject): PyObject => {
    const it = new PyBytesIter(type, newref(seq));
    allocObject(it, 32);
    gcTrack(it);
    return it;
  };
}

const bytesIter = defineByteIterator('bytes_iterator', (o) => (o as PyBytes).data);

// The slots are attached once the iterator type above exists.
Object.assign(bytesType, {
  tp_repr: (o: PyObject) => newStr('b' + bytesReprText((o as PyBytes).data)),
  tp_hash: (o: PyObject) => {
    const b = o as PyBytes;
    if (b.hash === null) b.hash = hashBytes(b.data);
    return b.hash;
  },
  tp_richcompare: bytesRichCompare,
  tp_iter: bytesIter,
  nb_remainder: (a: PyObject, b: PyObject) =>
    isBytes(a) ? bytesResult(fromLatin1(percentFormat(latin1(a.data), b, 'bytes'))) : newref(NotImplemented),
  sq_length: (o: PyObject) => (o as PyBytes).data.length,
  sq_concat: bytesConcat,
  sq_repeat: bytesRepeat,
  sq_contains: (o: PyObject, x: PyObject) => bytesContains((o as PyBytes).data, x),
  mp_length: (o: PyObject) => (o as PyBytes).data.length,
  mp_subscript: bytesSubscript,
});

registerBufferProcs(bytesType, {
  getBuffer: (o, writable) => {
    if (writable) throw bufferError('Object is not writable.');
    const b = o as PyBytes;
    return byteView(o, b.data, 0, b.data.length, true, b.addr + objectLayouts(heap.profile).bytesHeader);
  },
});

const bytesSeq: Seq = {
  name: 'bytes',
  bytes: (o) => (o as PyBytes).data,
  make: bytesResult,
  same: (o) => (o.type === bytesType ? newref(o) : null),
  text: (o) => {
    const b = o as PyBytes;
    b.latin1Text ??= latin1(b.data);
    return b.latin1Text;
  },
};

/** The bytes of an object for bytes(x) and bytearray(x): an int count of zeros, a buffer's
 *  contents, or the ints of an iterable (Objects/bytesobject.c bytes_new_impl's cases). */
export function bytesFromObject(x: PyObject, typeName: string): Uint8Array {
  if (x instanceof PyStr) throw typeError('string argument without an encoding');
  if (isIndexable(x)) {
    const n = asIndex(x);
    if (n < 0) throw valueError('negative count');
    return new Uint8Array(n);
  }
  if (checkBuffer(x)) return withBytes(x, (d) => d.slice());
  let it: PyObject;
  try {
    it = getIter(x);
  } catch (e) {
    if (e instanceof PyBaseException && exceptionMatches(e, TypeError)) {
      decref(e);
      throw typeError(`cannot convert '${x.type.name}' object to ${typeName}`);
    }
    throw e;
  }
  decref(it);
  const out: number[] = [];
  forEach(x, (item) => {
    const v = asIndex(item);
    if (v < 0 || v > 255) throw valueError(`${typeName === 'bytes' ? 'bytes' : 'byte'} must be in range(0, 256)`);
    out.push(v);
  });
  return Uint8Array.from(out);
}

/** The encoding arguments of bytes(str, encoding, errors) and bytearray(...). */
export function encodeForConstructor(x: PyObject | undefined, encoding: PyObject | undefined, errors: PyObject | undefined, fname: string): Uint8Array | null {
  if (encoding === undefined && errors === undefined) return null;
  if (!(x instanceof PyStr)) throw typeError(x === undefined && encoding !== undefined ? 'encoding without a string argument' : 'encoding without a string argument');
  const text = (name: string, v: PyObject | undefined, dflt: string): string => {
    if (v === undefined) return dflt;
    if (!(v instanceof PyStr)) throw typeError(`${fname}() argument '${name}' must be str, not ${v.type.name}`);
    return v.value;
  };
  if (encoding === undefined) throw typeError('string argument without an encoding');
  return encodeText(x.value, text('encoding', encoding, 'utf-8'), text('errors', errors, 'strict'));
}

// Objects/bytesobject.c bytes_new_impl
function bytesNew(type: PyType, args: PyObject[], kwnames: readonly string[] | null): PyObject {
  const [x, encoding, errors] = unpackKeywords('bytes', ['source', 'encoding', 'errors'], args, kwnames);
  let data: Uint8Array;
  const encoded = encodeForConstructor(x, encoding, errors, 'bytes');
  if (encoded !== null) data = encoded;
  else if (x === undefined) data = new Uint8Array(0);
  else {
    const method = x instanceof PyStr ? null : lookupSpecial(x, '__bytes__');
    if (method !== null) {
      const r = call(method, []);
      decref(method);
      if (!(r instanceof PyBytes)) {
        const tn = r.type.name;
        decref(r);
        throw typeError(`__bytes__ returned non-bytes (type ${tn})`);
      }
      if (type === bytesType) return r;
      data = r.data;
      decref(r);
    } else data = bytesFromObject(x, 'bytes');
  }
  if (type === bytesType) return bytesResult(data);
  const b = new PyBytes(type, data);
  allocObject(b, bytesAllocSize(data.length));
  return b;
}

extendType(bytesType, {
  slots: { tp_new: bytesNew },
  methods: {
    ...sharedByteMethods(bytesSeq),
    __bytes__: { kind: 'noargs', fn: (o) => (o.type === bytesType ? newref(o) : bytesResult((o as PyBytes).data)) },
    __getnewargs__: { kind: 'noargs', fn: (o) => newTuple([newBytes((o as PyBytes).data.slice())]) },
    __sizeof__: { kind: 'noargs', fn: (o) => newInt(bytesAllocSize((o as PyBytes).data.length)) },
  },
  classMethods: {
    fromhex: { kind: 'o', fn: (cls, s) => fromHexFor(cls as PyType, s) },
    maketrans: { kind: 'fast', fn: bytesMaketrans },
  },
});

function fromHexFor(cls: PyType, s: PyObject): PyObject {
  const b = bytesResult(fromHex(s));
  if (cls === bytesType) return b;
  try {
    return call(cls, [b]);
  } finally {
    decref(b);
  }
}
