// The array module (Modules/arraymodule.c): typed arrays whose items live in one PyMem block,
// grown by array_resize's mild over-allocation, lent to memoryview through the buffer protocol
// and refusing to resize while lent.
import { PyGCObject, PyObject, decref, newref } from '../objects/object.js';
import { CompareOp, TypeFlags, type PyType } from '../objects/type.js';
import { defineType, extendType } from '../objects/define.js';
import { allocBuffer, allocObject, freeBuffer, freeObject, heap, reallocBuffer } from '../objects/heap.js';
import { gcTrack, gcUntrack } from '../gc/track.js';
import { clearWeakrefs } from '../objects/weakref.js';
import { PyInt, newBool, newInt, True, False } from '../objects/int.js';
import { PyStr, newStr, strResult } from '../objects/str.js';
import { newFloat } from '../objects/float.js';
import { PyBytes, bytesResult } from '../objects/bytes.js';
import { PyByteArray } from '../objects/bytearray.js';
import { PyTuple, newTuple } from '../objects/tuple.js';
import { PyList, newList } from '../objects/list.js';
import { None, NotImplemented } from '../objects/singletons.js';
import {
  asIndex, call, forEach, getAttrOrNull, getIter, isSubclass, reprString, richCompare, richCompareBool,
} from '../objects/abstract.js';
import { bufferError, indexError, typeError, valueError } from '../objects/exceptions.js';
import { getBuffer, registerBufferProcs, releaseBuffer } from '../objects/buffer.js';
import { isIndexable, isSlice, sliceRange } from '../objects/unicode/sliceargs.js';
import { checkPositional } from '../objects/unicode/args.js';
import { typeType } from '../objects/typeobject.js';
import type { NativeCode } from '../objects/native.js';
import { newCFunction } from '../objects/descr.js';
import type { NativeModuleDef } from './moduledef.js';
import { DESCRIPTORS, TYPECODES, type ArrayDescr } from './arraytypes.js';

/** sizeof(arrayobject): the var header, ob_item, allocated, ob_descr, weakreflist, ob_exports */
const ARRAY_SIZE = 64;
/** sizeof(arrayiterobject) */
const ARRAYITER_SIZE = 40;

const EMPTY: Uint8Array = new Uint8Array(0);

export class PyArray extends PyGCObject {
  /** The storage (ob_item); its length is allocated * itemsize. */
  data: Uint8Array = EMPTY;
  dv: DataView = new DataView(EMPTY.buffer);
  /** Py_SIZE: items in use. */
  size = 0;
  allocated = 0;
  /** Simulated address of ob_item (0 while it is NULL). */
  bufAddr = 0;
  /** ob_exports: buffers lent out. */
  exports = 0;
  constructor(type: PyType, public descr: ArrayDescr) {
    super(type);
  }
}

function setData(a: PyArray, data: Uint8Array): void {
  a.data = data;
  a.dv = new DataView(data.buffer, data.byteOffset, data.byteLength);
}

/** The bytes of the items in use (a window on the storage). */
export function arrayBytes(a: PyArray): Uint8Array {
  return a.data.subarray(0, a.size * a.descr.itemsize);
}

// Modules/arraymodule.c array_resize: grow by about 1/16th, shrink only by 16 items or more.
function arrayResize(a: PyArray, newsize: number): void {
  if (a.exports > 0 && newsize !== a.size) throw bufferError('cannot resize an array that is exporting buffers');
  if (a.allocated >= newsize && a.size < newsize + 16 && a.bufAddr !== 0) {
    a.size = newsize;
    return;
  }
  if (newsize === 0) {
    freeBuffer(a.bufAddr);
    a.bufAddr = 0;
    setData(a, EMPTY);
    a.size = 0;
    a.allocated = 0;
    return;
  }
  const allocated = (newsize >> 4) + (a.size < 8 ? 3 : 7) + newsize;
  const nbytes = allocated * a.descr.itemsize;
  if (nbytes > 2 ** 40) throw heap.memoryError();
  a.bufAddr = reallocBuffer(a.bufAddr, nbytes);
  const next = new Uint8Array(nbytes);
  next.set(a.data.subarray(0, Math.min(a.size, newsize) * a.descr.itemsize));
  setData(a, next);
  a.size = newsize;
  a.allocated = allocated;
}

// Modules/arraymodule.c newarrayobject: exactly `size` items (no storage at all for none).
function newArrayObject(type: PyType, size: number, descr: ArrayDescr): PyArray {
  const a = new PyArray(type, descr);
  const nbytes = size * descr.itemsize;
  if (nbytes > 2 ** 40) throw heap.memoryError();
  allocObject(a, type.basicsize);
  if (size > 0) {
    a.bufAddr = allocBuffer(nbytes);
    setData(a, new Uint8Array(nbytes));
  }
  a.size = size;
  a.allocated = size;
  gcTrack(a);
  return a;
}

const arrayType: PyType = defineType({
  name: 'array.array',
  flags: TypeFlags.BASETYPE | TypeFlags.HAVE_GC | TypeFlags.SEQUENCE,
  layout: { basicsize: ARRAY_SIZE },
  weakrefable: true,
  slots: {
    tp_dealloc: (o) => {
      const a = o as PyArray;
      gcUntrack(a);
      clearWeakrefs(a);
      freeBuffer(a.bufAddr);
      a.bufAddr = 0;
      freeObject(a);
    },
    tp_traverse: () => undefined,
  },
});

export function isArray(o: PyObject): o is PyArray {
  return o instanceof PyArray;
}

function item(a: PyArray, i: number): PyObject {
  return a.descr.get(a.dv, i * a.descr.itemsize);
}

/** setitem(self, -1, v): converts v into scratch bytes first, so a bad value changes nothing. */
const scratch = new DataView(new ArrayBuffer(8));

function convert(a: PyArray, v: PyObject): Uint8Array {
  a.descr.set(scratch, 0, v);
  return new Uint8Array(scratch.buffer, 0, a.descr.itemsize);
}

// Modules/arraymodule.c ins1
function ins1(a: PyArray, where: number, v: PyObject): void {
  const bytes = convert(a, v);
  const n = a.size;
  const isz = a.descr.itemsize;
  arrayResize(a, n + 1);
  if (where < 0) {
    where += n;
    if (where < 0) where = 0;
  }
  if (where > n) where = n;
  if (where !== n) a.data.copyWithin((where + 1) * isz, where * isz, n * isz);
  a.data.set(bytes, where * isz);
}

// array_del_slice
function delSlice(a: PyArray, lo: number, hi: number): void {
  const isz = a.descr.itemsize;
  const d = hi - lo;
  if (d <= 0) return;
  if (a.exports > 0) throw bufferError('cannot resize an array that is exporting buffers');
  a.data.copyWithin(lo * isz, hi * isz, a.size * isz);
  arrayResize(a, a.size - d);
}

// array_iter_extend
function iterExtend(a: PyArray, iterable: PyObject): void {
  forEach(iterable, (v) => ins1(a, a.size, v));
}

// array_do_extend
function doExtend(a: PyArray, other: PyObject): void {
  if (!(other instanceof PyArray)) {
    iterExtend(a, other);
    return;
  }
  if (other.descr !== a.descr) throw typeError('can only extend with array of same kind');
  const old = a.size;
  const add = other.size;
  arrayResize(a, old + add);
  a.data.set(other.data.subarray(0, add * a.descr.itemsize), old * a.descr.itemsize);
}

/** A new array of `type` holding a copy of items [lo, hi) (array_slice). */
function arraySlice(a: PyArray, lo: number, hi: number): PyArray {
  const n = Math.max(0, hi - lo);
  const out = newArrayObject(arrayType, n, a.descr);
  out.data.set(a.data.subarray(lo * a.descr.itemsize, hi * a.descr.itemsize));
  return out;
}

// ------------------------------------------------------------------ construction

function typecodeArg(o: PyObject | undefined): string {
  if (!(o instanceof PyStr) || [...o.value].length !== 1) {
    throw typeError(`array() argument 1 must be a unicode character, not ${o ? o.type.name : 'None'}`);
  }
  return o.value;
}

function descrFor(c: string): ArrayDescr {
  const d = DESCRIPTORS.get(c);
  if (!d) throw valueError('bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)');
  return d;
}

// Modules/arraymodule.c array_new
function arrayNew(type: PyType, args: PyObject[], kwnames: readonly string[] | null): PyObject {
  if (kwnames && kwnames.length && (type === arrayType || type.tp_init === arrayType.tp_init)) {
    throw typeError('array.array() takes no keyword arguments');
  }
  const pos = args.slice(0, args.length - (kwnames?.length ?? 0));
  if (pos.length < 1) throw typeError(`array() takes at least 1 argument (${pos.length} given)`);
  if (pos.length > 2) throw typeError(`array() takes at most 2 arguments (${pos.length} given)`);
  const c = typecodeArg(pos[0]);
  let initial: PyObject | undefined = pos[1];
  if (initial !== undefined && c !== 'u') {
    if (initial instanceof PyStr) throw typeError(`cannot use a str to initialize an array with typecode '${c}'`);
    if (initial instanceof PyArray && initial.descr.typecode === 'u') {
      throw typeError(`cannot use a unicode array to initialize an array with typecode '${c}'`);
    }
  }
  const descr = descrFor(c);
  let it: PyObject | null = null;
  const direct = initial === undefined || initial instanceof PyList || initial instanceof PyTuple ||
    initial instanceof PyByteArray || initial instanceof PyBytes || (c === 'u' && initial instanceof PyStr) ||
    (initial instanceof PyArray && initial.descr === descr);
  if (!direct) {
    it = getIter(initial!);
    initial = undefined;
  }
  try {
    let len = 0;
    if (initial instanceof PyList || initial instanceof PyTuple) len = initial.items.length;
    else if (initial instanceof PyArray) len = initial.size;
    const a = newArrayObject(type, len, descr);
    try {
      if (len > 0 && (initial instanceof PyList || initial instanceof PyTuple)) {
        const items = initial.items;
        for (let i = 0; i < len; i++) descr.set(a.dv, i * descr.itemsize, items[i]!);
      } else if (initial instanceof PyArray) {
        a.data.set(arrayBytes(initial));
      } else if (initial instanceof PyStr) {
        const cps = [...initial.value].map((ch) => ch.codePointAt(0)!);
        if (cps.length > 0) {
          // PyUnicode_AsWideCharString's block (one more wchar_t for the terminator) becomes ob_item.
          a.bufAddr = allocBuffer((cps.length + 1) * 4);
          setData(a, new Uint8Array(cps.length * 4));
          cps.forEach((cp, i) => a.dv.setUint32(i * 4, cp, true));
          a.size = cps.length;
          a.allocated = cps.length;
        }
      } else if (initial instanceof PyBytes || initial instanceof PyByteArray) {
        decref(frombytes(a, initial));
      }
      if (it) iterExtend(a, it);
    } catch (e) {
      decref(a);
      throw e;
    }
    return a;
  } finally {
    if (it) decref(it);
  }
}

// ------------------------------------------------------------------ methods

function self(o: PyObject): PyArray {
  return o as PyArray;
}

// array_array_frombytes_impl
function frombytes(o: PyObject, buffer: PyObject): PyObject {
  const a = self(o);
  const view = getBuffer(buffer);
  try {
    if (view.itemsize !== 1) throw typeError('a bytes-like object is required');
    const isz = a.descr.itemsize;
    if (view.len % isz !== 0) throw valueError('bytes length not a multiple of item size');
    const n = view.len / isz;
    if (n > 0) {
      const old = a.size;
      const src = view.data.slice(view.offset, view.offset + view.len);
      arrayResize(a, old + n);
      a.data.set(src, old * isz);
    }
  } finally {
    releaseBuffer(view);
  }
  return newref(None);
}

// array_array_fromlist: a bad item leaves the array as it was.
function fromlist(o: PyObject, list: PyObject): PyObject {
  const a = self(o);
  if (!(list instanceof PyList)) throw typeError('arg must be list');
  const n = list.items.length;
  if (n > 0) {
    const old = a.size;
    arrayResize(a, old + n);
    try {
      for (let i = 0; i < n; i++) {
        if (list.items.length !== n) throw runtimeChanged();
        a.descr.set(a.dv, (old + i) * a.descr.itemsize, list.items[i]!);
      }
    } catch (e) {
      arrayResize(a, old);
      throw e;
    }
  }
  return newref(None);
}

function runtimeChanged(): PyObject {
  return typeError('list changed size during iteration');
}

function requireUnicode(a: PyArray, what: string): void {
  if (a.descr.typecode !== 'u') throw valueError(`${what}() may only be called on unicode type arrays`);
}

function fromunicode(o: PyObject, s: PyObject): PyObject {
  const a = self(o);
  if (!(s instanceof PyStr)) throw typeError(`fromunicode() argument must be str, not ${s.type.name}`);
  requireUnicode(a, 'fromunicode');
  const cps = [...s.value].map((ch) => ch.codePointAt(0)!);
  if (cps.length > 0) {
    const old = a.size;
    arrayResize(a, old + cps.length);
    cps.forEach((cp, i) => a.dv.setUint32((old + i) * 4, cp, true));
  }
  return newref(None);
}

function tounicode(o: PyObject): PyObject {
  const a = self(o);
  requireUnicode(a, 'tounicode');
  let s = '';
  for (let i = 0; i < a.size; i++) s += String.fromCodePoint(a.dv.getUint32(i * 4, true));
  return strResult(s);
}

function tolist(o: PyObject): PyObject {
  const a = self(o);
  const items: PyObject[] = [];
  for (let i = 0; i < a.size; i++) items.push(item(a, i));
  return newList(items);
}

/** True when item i equals v, comparing host values when v is a plain int or float. */
function itemEquals(a: PyArray, i: number, v: PyObject): boolean {
  if (v.type.name === 'int' || v.type.name === 'float' || v.type.name === 'bool') {
    const x = a.descr.raw(a.dv, i * a.descr.itemsize);
    if (typeof x === 'string') return false;
    const y = (v as PyInt).value ?? (v as unknown as { value: number }).value;
    // eslint-disable-next-line eqeqeq
    return x == y;
  }
  const it = item(a, i);
  try {
    return richCompareBool(it, v, CompareOp.EQ);
  } finally {
    decref(it);
  }
}

/** _PyEval_SliceIndexNotNone: a bound clipped into [0, size]. */
function boundArg(o: PyObject | undefined, size: number, dflt: number): number {
  if (o === undefined) return dflt;
  let i = asIndex(o);
  if (i < 0) {
    i += size;
    if (i < 0) i = 0;
  }
  return Math.min(i, size);
}

function indexOf(o: PyObject, args: PyObject[]): PyObject {
  checkPositional('index', args, 1, 3);
  const a = self(o);
  const start = boundArg(args[1], a.size, 0);
  const stop = boundArg(args[2], a.size, a.size);
  for (let i = start; i < stop && i < a.size; i++) if (itemEquals(a, i, args[0]!)) return newInt(i);
  throw valueError('array.index(x): x not in array');
}

function count(o: PyObject, v: PyObject): PyObject {
  const a = self(o);
  let n = 0;
  for (let i = 0; i < a.size; i++) if (itemEquals(a, i, v)) n++;
  return newInt(n);
}

function remove(o: PyObject, v: PyObject): PyObject {
  const a = self(o);
  for (let i = 0; i < a.size; i++) {
    if (itemEquals(a, i, v)) {
      delSlice(a, i, i + 1);
      return newref(None);
    }
  }
  throw valueError('array.remove(x): x not in array');
}

function pop(o: PyObject, args: PyObject[]): PyObject {
  checkPositional('pop', args, 0, 1);
  const a = self(o);
  let i = args.length ? asIndex(args[0]!) : -1;
  if (a.size === 0) throw indexError('pop from empty array');
  if (i < 0) i += a.size;
  if (i < 0 || i >= a.size) throw indexError('pop index out of range');
  const v = item(a, i);
  try {
    delSlice(a, i, i + 1);
  } catch (e) {
    decref(v);
    throw e;
  }
  return v;
}

function insert(o: PyObject, args: PyObject[]): PyObject {
  checkPositional('insert', args, 2, 2);
  ins1(self(o), asIndex(args[0]!), args[1]!);
  return newref(None);
}

function reverse(o: PyObject): PyObject {
  const a = self(o);
  const isz = a.descr.itemsize;
  const tmp = new Uint8Array(isz);
  for (let lo = 0, hi = a.size - 1; lo < hi; lo++, hi--) {
    tmp.set(a.data.subarray(lo * isz, lo * isz + isz));
    a.data.copyWithin(lo * isz, hi * isz, hi * isz + isz);
    a.data.set(tmp, hi * isz);
  }
  return newref(None);
}

function byteswap(o: PyObject): PyObject {
  const a = self(o);
  const isz = a.descr.itemsize;
  for (let i = 0; i < a.size; i++) a.data.subarray(i * isz, i * isz + isz).reverse();
  return newref(None);
}

/** The instance's __dict__ for __reduce_ex__, or None. */
function stateOf(o: PyObject): PyObject {
  const d = getAttrOrNull(o, '__dict__');
  return d ?? newref(None);
}

let reconstructor: PyObject | null = null;

// array_array___reduce_ex___impl: protocol 3 and later rebuild from the raw bytes.
function reduceEx(o: PyObject, protocol: PyObject): PyObject {
  const a = self(o);
  const p = asIndex(protocol);
  const typecode = newStr(a.descr.typecode);
  const state = stateOf(o);
  if (p < 3 || reconstructor === null) {
    return newTuple([newref(a.type), newTuple([typecode, tolist(o)]), state]);
  }
  const args = newTuple([newref(a.type), typecode, newInt(a.descr.mformat), bytesResult(arrayBytes(a).slice())]);
  return newTuple([newref(reconstructor), args, state]);
}

const methods: Record<string, NativeCode> = {
  append: { kind: 'o', fn: (o, v) => (ins1(self(o), self(o).size, v), newref(None)) },
  buffer_info: { kind: 'noargs', fn: (o) => newTuple([newInt(self(o).bufAddr), newInt(self(o).size)]) },
  byteswap: { kind: 'noargs', fn: byteswap },
  count: { kind: 'o', fn: count },
  extend: { kind: 'o', fn: (o, v) => (doExtend(self(o), v), newref(None)) },
  frombytes: { kind: 'o', fn: frombytes },
  fromlist: { kind: 'o', fn: fromlist },
  fromunicode: { kind: 'o', fn: fromunicode },
  index: { kind: 'fast', fn: indexOf },
  insert: { kind: 'fast', fn: insert },
  pop: { kind: 'fast', fn: pop },
  remove: { kind: 'o', fn: remove },
  reverse: { kind: 'noargs', fn: reverse },
  tobytes: { kind: 'noargs', fn: (o) => bytesResult(arrayBytes(self(o)).slice()) },
  tolist: { kind: 'noargs', fn: tolist },
  tounicode: { kind: 'noargs', fn: tounicode },
  __copy__: { kind: 'noargs', fn: (o) => arraySlice(self(o), 0, self(o).size) },
  __deepcopy__: { kind: 'o', fn: (o) => arraySlice(self(o), 0, self(o).size) },
  __reduce_ex__: { kind: 'o', fn: reduceEx },
  __sizeof__: { kind: 'noargs', fn: (o) => newInt(o.type.basicsize + self(o).allocated * self(o).descr.itemsize) },
};

// ------------------------------------------------------------------ sequence protocol

function subscript(o: PyObject, key: PyObject): PyObject {
  const a = self(o);
  if (isIndexable(key)) {
    let i = asIndex(key);
    if (i < 0) i += a.size;
    if (i < 0 || i >= a.size) throw indexError('array index out of range');
    return item(a, i);
  }
  if (!isSlice(key)) throw typeError('array indices must be integers');
  const r = sliceRange(key, a.size);
  if (r.length <= 0) return newArrayObject(arrayType, 0, a.descr);
  if (r.step === 1) return arraySlice(a, r.start, r.start + r.length);
  const out = newArrayObject(arrayType, r.length, a.descr);
  const isz = a.descr.itemsize;
  for (let k = 0, i = r.start; k < r.length; k++, i += r.step) out.data.set(a.data.subarray(i * isz, i * isz + isz), k * isz);
  return out;
}

// array_ass_subscr
function assSubscript(o: PyObject, key: PyObject, value: PyObject | null): void {
  const a = self(o);
  if (isIndexable(key)) {
    let i = asIndex(key);
    if (i < 0) i += a.size;
    if (i < 0 || i >= a.size) throw indexError('array assignment index out of range');
    if (value === null) delSlice(a, i, i + 1);
    else a.descr.set(a.dv, i * a.descr.itemsize, value);
    return;
  }
  if (!isSlice(key)) throw typeError('array indices must be integers');
  let other: PyArray | null = null;
  if (value !== null) {
    if (!(value instanceof PyArray)) throw typeError(`can only assign array (not "${value.type.name}") to array slice`);
    if (value.descr !== a.descr) throw typeError('bad argument type for built-in operation');
    other = value === a ? arraySlice(a, 0, a.size) : value;
  }
  try {
    assignSlice(a, sliceRange(key, a.size), other);
  } finally {
    if (other && other !== value) decref(other);
  }
}

function assignSlice(a: PyArray, r: { start: number; stop: number; step: number; length: number }, other: PyArray | null): void {
  const isz = a.descr.itemsize;
  const needed = other ? other.size : 0;
  const slicelength = Math.max(0, r.length);
  let stop = r.stop;
  if ((r.step > 0 && stop < r.start) || (r.step < 0 && stop > r.start)) stop = r.start;
  if ((needed === 0 || slicelength !== needed) && a.exports > 0) {
    throw bufferError('cannot resize an array that is exporting buffers');
  }
  if (r.step === 1) {
    const start = r.start;
    if (slicelength > needed) {
      a.data.copyWithin((start + needed) * isz, stop * isz, a.size * isz);
      arrayResize(a, a.size - slicelength + needed);
    } else if (slicelength < needed) {
      const size = a.size;
      arrayResize(a, size + needed - slicelength);
      a.data.copyWithin((start + needed) * isz, stop * isz, size * isz);
    }
    if (needed > 0) a.data.set(other!.data.subarray(0, needed * isz), start * isz);
    return;
  }
  if (needed === 0) {
    const drop = new Set<number>();
    for (let k = 0, i = r.start; k < slicelength; k++, i += r.step) drop.add(i);
    let w = 0;
    for (let i = 0; i < a.size; i++) {
      if (drop.has(i)) continue;
      if (w !== i) a.data.copyWithin(w * isz, i * isz, i * isz + isz);
      w++;
    }
    arrayResize(a, a.size - slicelength);
    return;
  }
  if (needed !== slicelength) {
    throw valueError(`attempt to assign array of size ${needed} to extended slice of size ${slicelength}`);
  }
  for (let k = 0, i = r.start; k < slicelength; k++, i += r.step) {
    a.data.set(other!.data.subarray(k * isz, k * isz + isz), i * isz);
  }
}

// array_richcompare: equal lengths first for ==/!=, then the first differing item decides.
function arrayRichCompare(v: PyObject, w: PyObject, op: CompareOp): PyObject {
  if (!(v instanceof PyArray) || !(w instanceof PyArray)) return newref(NotImplemented);
  if (v.size !== w.size && (op === CompareOp.EQ || op === CompareOp.NE)) return newBool(op === CompareOp.NE);
  let i = 0;
  const n = Math.min(v.size, w.size);
  for (; i < n; i++) {
    const x = v.descr.raw(v.dv, i * v.descr.itemsize);
    const y = w.descr.raw(w.dv, i * w.descr.itemsize);
    if (typeof x === typeof y || (typeof x !== 'string' && typeof y !== 'string')) {
      // eslint-disable-next-line eqeqeq
      if (x == y) continue;
      break;
    }
    const p = item(v, i);
    const q = item(w, i);
    const same = richCompareBool(p, q, CompareOp.EQ);
    decref(p);
    decref(q);
    if (!same) break;
  }
  if (i >= n) {
    const [x, y] = [v.size, w.size];
    const r = { [CompareOp.LT]: x < y, [CompareOp.LE]: x <= y, [CompareOp.EQ]: x === y, [CompareOp.NE]: x !== y, [CompareOp.GT]: x > y, [CompareOp.GE]: x >= y }[op];
    return newref(r ? True : False);
  }
  if (op === CompareOp.EQ) return newref(False);
  if (op === CompareOp.NE) return newref(True);
  const p = item(v, i);
  const q = item(w, i);
  try {
    return richCompare(p, q, op);
  } finally {
    decref(p);
    decref(q);
  }
}

function concat(o: PyObject, other: PyObject): PyObject {
  const a = self(o);
  if (!(other instanceof PyArray)) throw typeError(`can only append array (not "${other.type.name}") to array`);
  if (other.descr !== a.descr) throw typeError('bad argument type for built-in operation');
  const out = newArrayObject(arrayType, a.size + other.size, a.descr);
  out.data.set(arrayBytes(a));
  out.data.set(arrayBytes(other), a.size * a.descr.itemsize);
  return out;
}

function repeat(o: PyObject, n: number): PyObject {
  const a = self(o);
  const times = Math.max(0, n);
  if (a.size * a.descr.itemsize * times > 2 ** 40) throw heap.memoryError();
  const out = newArrayObject(arrayType, a.size * times, a.descr);
  const src = arrayBytes(a);
  for (let k = 0; k < times; k++) out.data.set(src, k * src.length);
  return out;
}

function inplaceConcat(o: PyObject, other: PyObject): PyObject {
  if (!(other instanceof PyArray)) throw typeError(`can only extend array with array (not "${other.type.name}")`);
  doExtend(self(o), other);
  return newref(o);
}

// array_inplace_repeat
function inplaceRepeat(o: PyObject, n: number): PyObject {
  const a = self(o);
  const size = a.size;
  if (size > 0 && n !== 1) {
    const times = Math.max(0, n);
    if (size * a.descr.itemsize * times > 2 ** 40) throw heap.memoryError();
    const src = arrayBytes(a).slice();
    arrayResize(a, size * times);
    for (let k = 0; k < times; k++) a.data.set(src, k * src.length);
  }
  return newref(o);
}

function arrayRepr(o: PyObject): PyObject {
  const a = self(o);
  const name = o.type.name.slice(o.type.name.lastIndexOf('.') + 1);
  const c = a.descr.typecode;
  if (a.size === 0) return newStr(`${name}('${c}')`);
  const v = c === 'u' ? tounicode(o) : tolist(o);
  try {
    return newStr(`${name}('${c}', ${reprString(v)})`);
  } finally {
    decref(v);
  }
}

function contains(o: PyObject, v: PyObject): boolean {
  const a = self(o);
  for (let i = 0; i < a.size; i++) if (itemEquals(a, i, v)) return true;
  return false;
}

// ------------------------------------------------------------------ iterator

class PyArrayIter extends PyGCObject {
  index = 0;
  constructor(type: PyType, public ao: PyArray | null) {
    super(type);
  }
}

const arrayIterType = defineType({
  name: 'array.arrayiterator',
  flags: TypeFlags.HAVE_GC,
  layout: { basicsize: ARRAYITER_SIZE },
  slots: {
    tp_dealloc: (o) => {
      const it = o as PyArrayIter;
      gcUntrack(it);
      if (it.ao) decref(it.ao);
      freeObject(it);
    },
    tp_traverse: (o, visit) => {
      const ao = (o as PyArrayIter).ao;
      if (ao) visit(ao);
    },
    tp_iter: (o) => newref(o),
    tp_iternext: (o) => {
      const it = o as PyArrayIter;
      const ao = it.ao;
      if (!ao) return null;
      if (it.index < ao.size) return item(ao, it.index++);
      it.ao = null;
      decref(ao);
      return null;
    },
  },
});

function arrayIter(o: PyObject): PyObject {
  const it = new PyArrayIter(arrayIterType, newref(self(o)));
  allocObject(it, ARRAYITER_SIZE);
  gcTrack(it);
  return it;
}

Object.assign(arrayType, {
  tp_new: arrayNew,
  tp_repr: arrayRepr,
  tp_richcompare: arrayRichCompare,
  tp_hash: undefined,
  tp_iter: arrayIter,
  sq_length: (o: PyObject) => self(o).size,
  sq_item: (o: PyObject, i: number) => {
    if (i < 0 || i >= self(o).size) throw indexError('array index out of range');
    return item(self(o), i);
  },
  sq_concat: concat,
  sq_repeat: repeat,
  sq_contains: contains,
  sq_inplace_concat: inplaceConcat,
  sq_inplace_repeat: inplaceRepeat,
  mp_length: (o: PyObject) => self(o).size,
  mp_subscript: subscript,
  mp_ass_subscript: assSubscript,
});

extendType(arrayType, {
  methods,
  getsets: {
    typecode: { get: (o) => newStr(self(o).descr.typecode) },
    itemsize: { get: (o) => newInt(self(o).descr.itemsize) },
  },
  attributes: () => ({ __hash__: None }),
});

// array_buffer_getbuf / array_buffer_relbuf: every export is counted, so resizing waits for it.
registerBufferProcs(arrayType, {
  getBuffer: (o) => {
    const a = self(o);
    a.exports++;
    const isz = a.descr.itemsize;
    return {
      obj: o, data: a.data, offset: 0, len: a.size * isz, readonly: false, itemsize: isz, format: a.descr.format,
      ndim: 1, shape: [a.size], strides: [isz], addr: a.bufAddr,
    };
  },
  releaseBuffer: (o) => {
    self(o).exports--;
  },
});

// ------------------------------------------------------------------ the module

/** Decodes the items of a machine format other than this machine's (array_reconstructor). */
function decodeForeign(mformat: number, data: Uint8Array): PyObject[] {
  const dv = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const little = mformat % 2 === 0;
  const out: PyObject[] = [];
  if (mformat >= 18) {
    const wide = mformat >= 20;
    const step = wide ? 4 : 2;
    let s = '';
    for (let at = 0; at + step <= data.length; at += step) {
      s += wide ? String.fromCodePoint(dv.getUint32(at, little)) : String.fromCharCode(dv.getUint16(at, little));
    }
    for (const ch of s) out.push(newStr(ch));
    return out;
  }
  if (mformat >= 14) {
    const size = mformat >= 16 ? 8 : 4;
    for (let at = 0; at + size <= data.length; at += size) {
      out.push(newFloat(size === 8 ? dv.getFloat64(at, little) : dv.getFloat32(at, little)));
    }
    return out;
  }
  const size = mformat <= 1 ? 1 : 2 ** (Math.floor((mformat - 2) / 4) + 1);
  const signed = mformat <= 1 ? mformat === 1 : Math.floor((mformat - 2) / 2) % 2 === 1;
  const isLittle = mformat <= 1 || little;
  for (let at = 0; at + size <= data.length; at += size) {
    let x = 0n;
    for (let k = 0; k < size; k++) x = (x << 8n) | BigInt(data[isLittle ? at + size - 1 - k : at + k]!);
    out.push(newInt(signed ? BigInt.asIntN(size * 8, x) : x));
  }
  return out;
}

// Modules/arraymodule.c array__array_reconstructor_impl
function arrayReconstructor(_m: PyObject, args: PyObject[]): PyObject {
  checkPositional('_array_reconstructor', args, 4, 4);
  const [arraytype, typecode, mformatArg, items] = args as [PyObject, PyObject, PyObject, PyObject];
  if (!(arraytype.type === typeType || isSubclass(arraytype.type, typeType))) {
    throw typeError(`first argument must be a type object, not ${arraytype.type.name}`);
  }
  if (!isSubclass(arraytype, arrayType)) throw typeError(`${(arraytype as PyType).name} is not a subtype of array.array`);
  const c = typecodeArg(typecode);
  if (!DESCRIPTORS.has(c)) throw valueError('second argument must be a valid type code');
  const mformat = asIndex(mformatArg);
  if (mformat < 0 || mformat > 21) throw valueError('third argument must be a valid machine format code.');
  if (!(items instanceof PyBytes)) throw typeError(`fourth argument should be bytes, not ${items.type.name}`);
  if (mformat === DESCRIPTORS.get(c)!.mformat) return call(arraytype, [typecode, items]);
  const values = newList(decodeForeign(mformat, items.data));
  try {
    return call(arraytype, [typecode, values]);
  } finally {
    decref(values);
  }
}

export const arrayModule: NativeModuleDef = {
  name: 'array',
  functions: [],
  attributes: () => {
    // Kept by the module state as well, so __reduce_ex__ can name it.
    if (reconstructor) decref(reconstructor);
    reconstructor = newCFunction({ name: '_array_reconstructor', code: { kind: 'fast', fn: arrayReconstructor } }, null, 'array');
    return {
      array: newref(arrayType), ArrayType: newref(arrayType), typecodes: newStr(TYPECODES),
      _array_reconstructor: newref(reconstructor),
    };
  },
};
