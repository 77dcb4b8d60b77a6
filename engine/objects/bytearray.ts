// bytearray (Objects/bytearrayobject.c): a mutable byte string whose storage is a separate heap
// buffer, over-allocated as PyByteArray_Resize does, and which refuses to move while a
// memoryview (or any buffer consumer) holds it.
import { PyObject, decref, newref } from './object.js';
import { CompareOp, TypeFlags, type PyType } from './type.js';
import { defineType, extendType } from './define.js';
import { allocBuffer, allocObject, freeBuffer, freeObject, reallocBuffer } from './heap.js';
import { intType, newInt } from './int.js';
import { listType, type PyList } from './list.js';
import { tupleType, type PyTuple } from './tuple.js';
import { None, NotImplemented } from './singletons.js';
import { bufferError, indexError, overflowError, typeError, valueError, PyBaseException, exceptionMatches, TypeError } from './exceptions.js';
import { asIndex, forEach, getIter } from './abstract.js';
import { newStr } from './str.js';
import { byteView, checkBuffer, registerBufferProcs, withBytes } from './buffer.js';
import { isIndexable, isSlice, sliceRange } from './unicode/sliceargs.js';
import {
  byteItem, bytesContains, bytesFromObject, bytesReprText, compareBytes, compareResult, defineByteIterator,
  encodeForConstructor, repeatBytes,
} from './bytes.js';
import { bytesArg, bytesMaketrans, fromHex, sharedByteMethods, type Seq } from './bytesmethods.js';
import { unpackKeywords } from './unicode/args.js';
import { percentFormat } from './unicode/percent.js';
import { fromLatin1, latin1 } from './unicode/latin1.js';

export class PyByteArray extends PyObject {
  /** The allocated storage (ob_bytes); its length is ob_alloc. */
  buf = new Uint8Array(0);
  /** ob_start - ob_bytes: deleting from the front advances the start instead of moving bytes. */
  start = 0;
  /** Py_SIZE */
  size = 0;
  /** Simulated address of ob_bytes (0 while nothing is allocated). */
  bufAddr = 0;
  /** ob_exports: buffers lent out; resizing is refused while it is not 0. */
  exports = 0;
}

/** sizeof(PyByteArrayObject) */
const BYTEARRAY_SIZE = 56;

/** The current contents (a window on the storage, not a copy). */
export function byteArrayBytes(b: PyByteArray): Uint8Array {
  return b.buf.subarray(b.start, b.start + b.size);
}

function deallocByteArray(o: PyObject): void {
  const b = o as PyByteArray;
  freeBuffer(b.bufAddr);
  b.bufAddr = 0;
  freeObject(o);
}

export const byteArrayType = defineType({
  name: 'bytearray',
  flags: TypeFlags.BASETYPE | TypeFlags.SEQUENCE | TypeFlags.MATCH_SELF,
  layout: { basicsize: BYTEARRAY_SIZE },
  slots: { tp_dealloc: deallocByteArray },
});

// Objects/bytearrayobject.c _canresize
function canResize(b: PyByteArray): void {
  if (b.exports > 0) throw bufferError('Existing exports of data: object cannot be re-sized');
}

// Objects/bytearrayobject.c PyByteArray_Resize (3.11)
export function byteArrayResize(b: PyByteArray, size: number): void {
  if (size === b.size) return;
  canResize(b);
  let alloc = b.buf.length;
  const offset = b.start;
  if (size + offset + 1 <= alloc) {
    if (size < Math.floor(alloc / 2)) alloc = size + 1;
    else {
      b.size = size;
      b.buf[b.start + size] = 0;
      return;
    }
  } else if (size <= alloc * 1.125) alloc = size + (size >> 3) + (size < 9 ? 3 : 6);
  else alloc = size + 1;
  if (alloc > 9223372036854775807) throw overflowError('cannot resize bytearray');
  const next = new Uint8Array(alloc);
  next.set(b.buf.subarray(b.start, b.start + Math.min(size, b.size)));
  if (offset > 0) {
    const addr = allocBuffer(alloc);
    freeBuffer(b.bufAddr);
    b.bufAddr = addr;
  } else b.bufAddr = reallocBuffer(b.bufAddr, alloc);
  b.buf = next;
  b.start = 0;
  b.size = size;
}

/** PyByteArray_FromStringAndSize: storage of exactly size + 1 bytes (none for an empty one). */
export function newByteArray(data: Uint8Array, type: PyType = byteArrayType): PyByteArray {
  const b = new PyByteArray(type);
  allocObject(b, BYTEARRAY_SIZE);
  if (data.length > 0) {
    b.buf = new Uint8Array(data.length + 1);
    b.buf.set(data);
    b.bufAddr = allocBuffer(data.length + 1);
    b.size = data.length;
  }
  return b;
}

/** Replaces bytes [lo, hi) with `data` (bytearray_setslice_linear): deleting from the front
 *  advances the start, other changes move the tail and resize. */
function setSliceLinear(b: PyByteArray, lo: number, hi: number, data: Uint8Array): void {
  const growth = data.length - (hi - lo);
  const size = b.size;
  if (growth < 0) {
    canResize(b);
    if (lo === 0) b.start -= growth;
    else b.buf.copyWithin(b.start + lo + data.length, b.start + hi, b.start + size);
    byteArrayResize(b, size + growth);
  } else if (growth > 0) {
    byteArrayResize(b, size + growth);
    b.buf.copyWithin(b.start + lo + data.length, b.start + hi, b.start + size);
  }
  b.buf.set(data, b.start + lo);
}

function byteValue(o: PyObject): number {
  const v = asIndex(o);
  if (v < 0 || v > 255) throw valueError('byte must be in range(0, 256)');
  return v;
}

// Objects/bytearrayobject.c bytearray_ass_subscript
function assSubscript(o: PyObject, key: PyObject, value: PyObject | null): void {
  const b = o as PyByteArray;
  if (isIndexable(key)) {
    let i = asIndex(key);
    if (i < 0) i += b.size;
    if (i < 0 || i >= b.size) throw indexError('bytearray index out of range');
    if (value === null) setSliceLinear(b, i, i + 1, new Uint8Array(0));
    else b.buf[b.start + i] = byteValue(value);
    return;
  }
  if (!isSlice(key)) throw typeError(`bytearray indices must be integers or slices, not ${key.type.name}`);
  let data: Uint8Array;
  if (value === null) data = new Uint8Array(0);
  else if (value === b) data = byteArrayBytes(b).slice();
  else if (checkBuffer(value)) data = bytesArg(value);
  else if (isIndexable(value) || value.type.name === 'str') {
    throw typeError('can assign only bytes, buffers, or iterables of ints in range(0, 256)');
  } else data = bytesFromObject(value, 'bytearray');
  const r = sliceRange(key, b.size);
  if (r.step === 1) {
    setSliceLinear(b, r.start, Math.max(r.start, r.start + r.length), data);
    return;
  }
  if (value === null) {
    const keep: number[] = [];
    const drop = new Set<number>();
    for (let k = 0, i = r.start; k < r.length; k++, i += r.step) drop.add(i);
    byteArrayBytes(b).forEach((c, i) => {
      if (!drop.has(i)) keep.push(c);
    });
    if (drop.size) setSliceLinear(b, 0, b.size, Uint8Array.from(keep));
    return;
  }
  if (data.length !== r.length) {
    throw valueError(`attempt to assign bytes of size ${data.length} to extended slice of size ${r.length}`);
  }
  for (let k = 0, i = r.start; k < r.length; k++, i += r.step) b.buf[b.start + i] = data[k]!;
}

function subscript(o: PyObject, key: PyObject): PyObject {
  const b = o as PyByteArray;
  if (isIndexable(key)) return byteItem(byteArrayBytes(b), asIndex(key), 'bytearray index out of range');
  if (!isSlice(key)) throw typeError(`bytearray indices must be integers or slices, not ${key.type.name}`);
  const r = sliceRange(key, b.size);
  const out = new Uint8Array(Math.max(0, r.length));
  for (let k = 0, i = r.start; k < r.length; k++, i += r.step) out[k] = b.buf[b.start + i]!;
  return newByteArray(out);
}

// Objects/bytearrayobject.c bytearray_richcompare: any two buffers compare by their bytes.
function richCompare(a: PyObject, w: PyObject, op: CompareOp): PyObject {
  if (!checkBuffer(a) || !checkBuffer(w)) return newref(NotImplemented);
  const x = withBytes(a, (d) => d.slice());
  const y = withBytes(w, (d) => d.slice());
  return compareResult(compareBytes(x, y), op);
}

function concat(a: PyObject, w: PyObject): PyObject {
  const y = withBytes(w, (d) => d.slice(), (o) => `can't concat ${o.type.name} to ${a.type.name}`);
  const x = byteArrayBytes(a as PyByteArray);
  const out = new Uint8Array(x.length + y.length);
  out.set(x);
  out.set(y, x.length);
  return newByteArray(out);
}

// Objects/bytearrayobject.c bytearray_iconcat
function inplaceConcat(a: PyObject, w: PyObject): PyObject {
  const b = a as PyByteArray;
  const y = withBytes(w, (d) => d.slice(), (o) => `can't concat ${o.type.name} to ${a.type.name}`);
  const size = b.size;
  byteArrayResize(b, size + y.length);
  b.buf.set(y, b.start + size);
  return newref(b);
}

// Objects/bytearrayobject.c bytearray_irepeat
function inplaceRepeat(a: PyObject, n: number): PyObject {
  const b = a as PyByteArray;
  const data = repeatBytes(byteArrayBytes(b).slice(), n);
  byteArrayResize(b, data.length);
  b.buf.set(data, b.start);
  return newref(b);
}

const byteArrayIter = defineByteIterator('bytearray_iterator', (o) => byteArrayBytes(o as PyByteArray));

function repr(o: PyObject): PyObject {
  return newStr(`${o.type.qualname}(b${bytesReprText(byteArrayBytes(o as PyByteArray), true)})`);
}

// Objects/bytearrayobject.c bytearray___init___impl
function init(self: PyObject, args: PyObject[], kwnames: readonly string[] | null): void {
  const b = self as PyByteArray;
  const [x, encoding, errors] = unpackKeywords('bytearray', ['source', 'encoding', 'errors'], args, kwnames);
  if (b.size !== 0) byteArrayResize(b, 0);
  const encoded = encodeForConstructor(x, encoding, errors, 'bytearray');
  if (encoded !== null) {
    appendBytes(b, encoded);
    return;
  }
  if (x === undefined) return;
  if (isIndexable(x) || checkBuffer(x)) {
    appendBytes(b, bytesFromObject(x, 'bytearray'));
    return;
  }
  if (x.type.name === 'str') throw typeError('string argument without an encoding');
  if (x.type === listType || x.type === tupleType) {
    // The storage is sized once for a list or tuple; an item that is not an exact int empties
    // it again and sends the whole sequence down the iterator path.
    const items = (x as PyList | PyTuple).items;
    byteArrayResize(b, items.length);
    if (items.every((item) => item.type === intType)) {
      b.buf.set(items.map(byteValue), b.start);
      return;
    }
    if (b.size !== 0) byteArrayResize(b, 0);
  }
  // An iterable grows the storage one item at a time, as the C loop does.
  try {
    decref(getIter(x));
  } catch (e) {
    if (e instanceof PyBaseException && exceptionMatches(e, TypeError)) {
      decref(e);
      throw typeError(`cannot convert '${x.type.name}' object to bytearray`);
    }
    throw e;
  }
  forEach(x, (item) => {
    const v = byteValue(item);
    if (b.size + 1 < b.buf.length) b.size++;
    else byteArrayResize(b, b.size + 1);
    b.buf[b.start + b.size - 1] = v;
  });
}

function appendBytes(b: PyByteArray, data: Uint8Array): void {
  const size = b.size;
  byteArrayResize(b, size + data.length);
  b.buf.set(data, b.start + size);
}

const seq: Seq = {
  name: 'bytearray',
  bytes: (o) => byteArrayBytes(o as PyByteArray),
  make: (d) => newByteArray(d),
  same: () => null,
};

type Args = PyObject[];

function self(o: PyObject): PyByteArray {
  return o as PyByteArray;
}

// Objects/bytearrayobject.c bytearray_extend: a buffer is copied at once, an iterable collected
// first; either way the storage is resized once.
function extend(o: PyObject, iterable: PyObject): PyObject {
  let data: Uint8Array;
  if (checkBuffer(iterable)) data = bytesArg(iterable);
  else {
    try {
      decref(getIter(iterable));
    } catch (e) {
      if (e instanceof PyBaseException && exceptionMatches(e, TypeError)) {
        decref(e);
        throw typeError(`can't extend bytearray with ${iterable.type.name}`);
      }
      throw e;
    }
    const out: number[] = [];
    forEach(iterable, (item) => out.push(byteValue(item)));
    data = Uint8Array.from(out);
  }
  appendBytes(self(o), data);
  return newref(None);
}

function pop(o: PyObject, args: Args): PyObject {
  const b = self(o);
  if (args.length > 1) throw typeError(`pop expected at most 1 argument, got ${args.length}`);
  if (b.size === 0) throw indexError('pop from empty bytearray');
  let i = args.length ? asIndex(args[0]!) : -1;
  if (i < 0) i += b.size;
  if (i < 0 || i >= b.size) throw indexError('pop index out of range');
  canResize(b);
  const v = b.buf[b.start + i]!;
  b.buf.copyWithin(b.start + i, b.start + i + 1, b.start + b.size);
  byteArrayResize(b, b.size - 1);
  return newInt(v);
}

function insert(o: PyObject, args: Args): PyObject {
  if (args.length !== 2) throw typeError(`insert expected 2 arguments, got ${args.length}`);
  const b = self(o);
  let i = asIndex(args[0]!);
  const v = byteValue(args[1]!);
  const n = b.size;
  byteArrayResize(b, n + 1);
  if (i < 0) {
    i += n;
    if (i < 0) i = 0;
  }
  if (i > n) i = n;
  b.buf.copyWithin(b.start + i + 1, b.start + i, b.start + n);
  b.buf[b.start + i] = v;
  return newref(None);
}

function remove(o: PyObject, x: PyObject): PyObject {
  const b = self(o);
  const v = byteValue(x);
  const i = byteArrayBytes(b).indexOf(v);
  if (i < 0) throw valueError('value not found in bytearray');
  canResize(b);
  b.buf.copyWithin(b.start + i, b.start + i + 1, b.start + b.size);
  byteArrayResize(b, b.size - 1);
  return newref(None);
}

function append(o: PyObject, x: PyObject): PyObject {
  const b = self(o);
  const v = byteValue(x);
  byteArrayResize(b, b.size + 1);
  b.buf[b.start + b.size - 1] = v;
  return newref(None);
}

Object.assign(byteArrayType, {
  tp_repr: repr,
  tp_str: repr,
  tp_richcompare: richCompare,
  tp_hash: undefined,
  tp_iter: byteArrayIter,
  nb_remainder: (a: PyObject, b: PyObject) =>
    a instanceof PyByteArray ? newByteArray(fromLatin1(percentFormat(latin1(byteArrayBytes(a)), b, 'bytes'))) : newref(NotImplemented),
  tp_new: (type: PyType) => newByteArray(new Uint8Array(0), type),
  tp_init: init,
  sq_length: (o: PyObject) => self(o).size,
  sq_concat: concat,
  sq_repeat: (o: PyObject, n: number) => newByteArray(repeatBytes(byteArrayBytes(self(o)), n)),
  sq_contains: (o: PyObject, x: PyObject) => bytesContains(byteArrayBytes(self(o)), x),
  sq_inplace_concat: inplaceConcat,
  sq_inplace_repeat: inplaceRepeat,
  mp_length: (o: PyObject) => self(o).size,
  mp_subscript: subscript,
  mp_ass_subscript: assSubscript,
});

extendType(byteArrayType, {
  methods: {
    ...sharedByteMethods(seq),
    append: { kind: 'o', fn: append },
    extend: { kind: 'o', fn: extend },
    insert: { kind: 'fast', fn: insert },
    pop: { kind: 'fast', fn: pop },
    remove: { kind: 'o', fn: remove },
    reverse: { kind: 'noargs', fn: (o) => (byteArrayBytes(self(o)).reverse(), newref(None)) },
    clear: { kind: 'noargs', fn: (o) => (byteArrayResize(self(o), 0), newref(None)) },
    copy: { kind: 'noargs', fn: (o) => newByteArray(byteArrayBytes(self(o)).slice()) },
    __alloc__: { kind: 'noargs', fn: (o) => newInt(self(o).buf.length) },
    __sizeof__: { kind: 'noargs', fn: (o) => newInt(BYTEARRAY_SIZE + self(o).buf.length) },
  },
  classMethods: {
    fromhex: { kind: 'o', fn: (_cls, s) => newByteArray(fromHex(s)) },
    maketrans: { kind: 'fast', fn: bytesMaketrans },
  },
  attributes: () => ({ __hash__: None }),
});

registerBufferProcs(byteArrayType, {
  getBuffer: (o) => {
    const b = self(o);
    b.exports++;
    return byteView(o, b.buf, b.start, b.size, false, b.bufAddr + b.start);
  },
  releaseBuffer: (o) => {
    self(o).exports--;
  },
});
