// memoryview (Objects/memoryobject.c): zero-copy views on an exporter's storage. Every view of
// one exporter goes through a managed buffer that holds the exporter's buffer once and lets go
// of it when its last view is released, which is when a bytearray may resize again.
import { PyGCObject, PyObject, decref, newref } from './object.js';
import { CompareOp, TypeFlags, type PyType } from './type.js';
import { defineType, extendType } from './define.js';
import { allocObject, freeObject } from './heap.js';
import { gcTrack, gcUntrack } from '../gc/track.js';
import { PyFloat, newFloat } from './float.js';
import { PyInt, newBool, newInt, True, False } from './int.js';
import { None, NotImplemented } from './singletons.js';
import { PyTuple, newTuple } from './tuple.js';
import { PyStr, newStr, strResult } from './str.js';
import { PyBaseException, bufferError, exceptionMatches, indexError, notImplementedError, typeError, valueError, TypeError } from './exceptions.js';
import { asIndex, isTrue } from './abstract.js';
import { newList } from './list.js';
import { bytesResult } from './bytes.js';
import { hashBytes } from './siphash.js';
import { getBuffer, isCContiguous, itemOffsets, registerBufferProcs, releaseBuffer, viewBytes, type BufferView } from './buffer.js';
import { isIndexable, isSlice, sliceRange } from './unicode/sliceargs.js';
import { unpackKeywords } from './unicode/args.js';
import { hexText } from './bytesmethods.js';
import { unpackHalfBits } from './float16.js';

/** _PyManagedBufferObject: the exporter's buffer, held once for all views built on it. */
export class PyManagedBuffer extends PyGCObject {
  /** Views registered on it (exports), and whether the exporter's buffer was given back. */
  exports = 0;
  released = false;
  constructor(type: PyType, public master: BufferView) {
    super(type);
  }
}

/** sizeof(_PyManagedBufferObject) */
const MBUF_SIZE = 112;

export const managedBufferType = defineType({
  name: 'managedbuffer',
  flags: TypeFlags.HAVE_GC,
  layout: { basicsize: MBUF_SIZE },
  slots: {
    tp_dealloc: (o) => {
      const m = o as PyManagedBuffer;
      gcUntrack(m);
      mbufRelease(m);
      freeObject(m);
    },
    tp_traverse: (o, visit) => visit((o as PyManagedBuffer).master.obj),
  },
});

// Objects/memoryobject.c mbuf_release: the exporter's buffer is given back once.
function mbufRelease(m: PyManagedBuffer): void {
  if (m.released) return;
  m.released = true;
  gcUntrack(m);
  releaseBuffer(m.master);
  decref(m.master.obj);
}

export class PyMemoryView extends PyGCObject {
  /** The exports of this memoryview itself (buffers consumers took from it). */
  exports = 0;
  released = false;
  hash: bigint | null = null;
  constructor(type: PyType, public mbuf: PyManagedBuffer, public view: BufferView) {
    super(type);
  }
}

/** offsetof(PyMemoryViewObject, ob_array): shape, strides and suboffsets follow, ndim each. */
const MEMORYVIEW_BASIC = 144;

export const memoryViewType = defineType({
  name: 'memoryview',
  flags: TypeFlags.HAVE_GC | TypeFlags.SEQUENCE,
  layout: { basicsize: MEMORYVIEW_BASIC, itemsize: 8 },
  slots: {
    tp_dealloc: (o) => {
      const m = o as PyMemoryView;
      gcUntrack(m);
      memoryRelease(m, true);
      decref(m.mbuf);
      freeObject(m);
    },
    tp_traverse: (o, visit) => visit((o as PyMemoryView).mbuf),
  },
});

// Objects/memoryobject.c memory_alloc + mbuf_add_view: a view registered on a managed buffer.
function mbufAddView(mbuf: PyManagedBuffer, view: BufferView, type: PyType = memoryViewType): PyMemoryView {
  const m = new PyMemoryView(type, newref(mbuf), view);
  allocObject(m, MEMORYVIEW_BASIC + 8 * 3 * view.ndim);
  mbuf.exports++;
  gcTrack(m);
  return m;
}

// Objects/memoryobject.c _memory_release
function memoryRelease(m: PyMemoryView, dealloc: boolean): void {
  if (m.released) return;
  if (m.exports > 0 && !dealloc) {
    throw bufferError(`memoryview has ${m.exports} exported buffer${m.exports === 1 ? '' : 's'}`);
  }
  m.released = true;
  if (--m.mbuf.exports === 0) mbufRelease(m.mbuf);
}

// Objects/memoryobject.c PyMemoryView_FromObject
export function memoryViewFromObject(o: PyObject): PyMemoryView {
  if (o instanceof PyMemoryView) {
    checkReleased(o);
    return mbufAddView(o.mbuf, { ...o.view, shape: o.view.shape.slice(), strides: o.view.strides.slice() });
  }
  const master = getBuffer(o, false, (x) => `memoryview: a bytes-like object is required, not '${x.type.name}'`);
  master.obj.refcnt++;
  const mbuf = new PyManagedBuffer(managedBufferType, master);
  allocObject(mbuf, MBUF_SIZE);
  gcTrack(mbuf);
  const m = mbufAddView(mbuf, { ...master, shape: master.shape.slice(), strides: master.strides.slice() });
  decref(mbuf);
  return m;
}

function checkReleased(m: PyMemoryView): void {
  if (m.released || m.mbuf.released) throw valueError('operation forbidden on released memoryview object');
}

function mv(o: PyObject): PyMemoryView {
  const m = o as PyMemoryView;
  checkReleased(m);
  return m;
}

// ------------------------------------------------------------------ item formats (struct codes)

const ITEM_SIZES: Record<string, number> = {
  c: 1, b: 1, B: 1, '?': 1, h: 2, H: 2, i: 4, I: 4, l: 8, L: 8, q: 8, Q: 8, n: 8, N: 8, f: 4, d: 8, e: 2, P: 8,
};

/** The struct code of a format ('@' prefix allowed), or null for formats memoryview cannot unpack. */
function nativeCode(format: string): string | null {
  const f = format.startsWith('@') ? format.slice(1) : format;
  return f.length === 1 && ITEM_SIZES[f] !== undefined ? f : null;
}

function readItem(data: Uint8Array, at: number, format: string): PyObject {
  const code = nativeCode(format);
  if (code === null) throw notImplementedError(`memoryview: format ${format} not supported`);
  const dv = new DataView(data.buffer, data.byteOffset + at, ITEM_SIZES[code]);
  switch (code) {
    case 'B': return newInt(dv.getUint8(0));
    case 'b': return newInt(dv.getInt8(0));
    case 'c': return bytesResult(data.slice(at, at + 1));
    case '?': return newBool(dv.getUint8(0) !== 0);
    case 'h': return newInt(dv.getInt16(0, true));
    case 'H': return newInt(dv.getUint16(0, true));
    case 'i': return newInt(dv.getInt32(0, true));
    case 'I': return newInt(dv.getUint32(0, true));
    case 'l': case 'q': case 'n': return newInt(dv.getBigInt64(0, true));
    case 'L': case 'Q': case 'N': case 'P': return newInt(dv.getBigUint64(0, true));
    case 'f': return newFloat(dv.getFloat32(0, true));
    case 'd': return newFloat(dv.getFloat64(0, true));
    default: return newFloat(unpackHalfBits(dv.getUint16(0, true)));
  }
}

const INT_RANGES: Record<string, [bigint, bigint]> = {
  B: [0n, 255n], b: [-128n, 127n], h: [-32768n, 32767n], H: [0n, 65535n], i: [-(2n ** 31n), 2n ** 31n - 1n],
  I: [0n, 2n ** 32n - 1n], l: [-(2n ** 63n), 2n ** 63n - 1n], q: [-(2n ** 63n), 2n ** 63n - 1n], n: [-(2n ** 63n), 2n ** 63n - 1n],
  L: [0n, 2n ** 64n - 1n], Q: [0n, 2n ** 64n - 1n], N: [0n, 2n ** 64n - 1n], P: [0n, 2n ** 64n - 1n],
};

// Objects/memoryobject.c pack_single
function writeItem(data: Uint8Array, at: number, format: string, v: PyObject): void {
  const code = nativeCode(format);
  if (code === null) throw notImplementedError(`memoryview: format ${format} not supported`);
  const dv = new DataView(data.buffer, data.byteOffset + at, ITEM_SIZES[code]);
  const invalidType = () => typeError(`memoryview: invalid type for format '${format}'`);
  const range = INT_RANGES[code];
  if (range) {
    if (!isIndexable(v)) throw invalidType();
    const x = asBig(v);
    if (x < range[0] || x > range[1]) throw valueError(`memoryview: invalid value for format '${format}'`);
    const size = ITEM_SIZES[code]!;
    for (let k = 0; k < size; k++) dv.setUint8(k, Number((BigInt.asUintN(64, x) >> BigInt(8 * k)) & 0xffn));
    return;
  }
  if (code === 'c') {
    const b = v as { data?: Uint8Array };
    if (v.type.name !== 'bytes' || !b.data) throw invalidType();
    if (b.data.length !== 1) throw valueError(`memoryview: invalid value for format '${format}'`);
    dv.setUint8(0, b.data[0]!);
    return;
  }
  if (code === '?') {
    dv.setUint8(0, isTrue(v) ? 1 : 0);
    return;
  }
  let x: number;
  if (v instanceof PyFloat) x = v.value;
  else if (v instanceof PyInt) x = Number(v.value);
  else throw invalidType();
  if (code === 'f') dv.setFloat32(0, x, true);
  else if (code === 'd') dv.setFloat64(0, x, true);
  else throw notImplementedError(`memoryview: format ${format} not supported`);
}

function asBig(v: PyObject): bigint {
  if (v instanceof PyInt) return BigInt(v.value);
  return BigInt(asIndex(v));
}


// ------------------------------------------------------------------ layout

function product(xs: number[]): number {
  return xs.reduce((a, b) => a * b, 1);
}

function isFContiguous(v: BufferView): boolean {
  let stride = v.itemsize;
  for (let d = 0; d < v.ndim; d++) {
    if (v.shape[d]! > 1 && v.strides[d] !== stride) return false;
    stride *= v.shape[d]!;
  }
  return true;
}

function cStrides(shape: number[], itemsize: number): number[] {
  const strides = new Array<number>(shape.length);
  let s = itemsize;
  for (let d = shape.length - 1; d >= 0; d--) {
    strides[d] = s;
    s *= shape[d]!;
  }
  return strides;
}

// ------------------------------------------------------------------ protocols

// Objects/memoryobject.c memory_subscript
function subscript(o: PyObject, key: PyObject): PyObject {
  const m = mv(o);
  const v = m.view;
  if (v.ndim === 0) {
    if (key instanceof PyTuple && key.items.length === 0) return readItem(v.data, v.offset, v.format);
    throw typeError('invalid indexing of 0-dim memory');
  }
  if (isIndexable(key)) {
    if (v.ndim > 1) throw notImplementedError('multi-dimensional sub-views are not implemented');
    return readItem(v.data, itemAt(v, 0, asIndex(key)), v.format);
  }
  if (isSlice(key)) {
    if (v.ndim > 1) throw notImplementedError('multi-dimensional slicing is not implemented');
    const r = sliceRange(key, v.shape[0]!);
    const sub: BufferView = {
      ...v, offset: v.offset + r.start * v.strides[0]!, shape: [r.length], strides: [v.strides[0]! * r.step],
      len: r.length * v.itemsize,
    };
    return mbufAddView(m.mbuf, sub);
  }
  if (key instanceof PyTuple) {
    if (key.items.length < v.ndim) throw notImplementedError('sub-views are not implemented');
    if (key.items.length > v.ndim) throw typeError(`cannot index ${v.ndim}-dimension view with ${key.items.length}-element tuple`);
    let at = v.offset;
    key.items.forEach((k, d) => {
      if (!isIndexable(k)) throw typeError('memoryview: invalid slice key');
      at = itemAt({ ...v, offset: at }, d, asIndex(k));
    });
    return readItem(v.data, at, v.format);
  }
  throw typeError('memoryview: invalid slice key');
}

/** Byte offset of index i along dimension d from the view's offset (IndexError when outside). */
function itemAt(v: BufferView, d: number, i: number): number {
  const n = v.shape[d]!;
  if (i < 0) i += n;
  if (i < 0 || i >= n) throw indexError(`index out of bounds on dimension ${d + 1}`);
  return v.offset + i * v.strides[d]!;
}

// Objects/memoryobject.c memory_ass_sub
function assSubscript(o: PyObject, key: PyObject, value: PyObject | null): void {
  const m = mv(o);
  const v = m.view;
  if (v.readonly) throw typeError('cannot modify read-only memory');
  if (value === null) throw typeError('cannot delete memory');
  if (v.ndim === 0) throw typeError('invalid indexing of 0-dim memory');
  if (isIndexable(key)) {
    if (v.ndim > 1) throw notImplementedError('sub-views are not implemented');
    writeItem(v.data, itemAt(v, 0, asIndex(key)), v.format, value);
    return;
  }
  if (isSlice(key) && v.ndim === 1) {
    const r = sliceRange(key, v.shape[0]!);
    const src = getBuffer(value);
    try {
      if (src.format.replace('@', '') !== v.format.replace('@', '') || src.ndim !== 1 || src.shape[0] !== r.length) {
        throw valueError('memoryview assignment: lvalue and rvalue have different structures');
      }
      const bytes = viewBytes(src);
      for (let k = 0; k < r.length; k++) {
        const at = v.offset + (r.start + k * r.step) * v.strides[0]!;
        v.data.set(bytes.subarray(k * v.itemsize, (k + 1) * v.itemsize), at);
      }
    } finally {
      releaseBuffer(src);
    }
    return;
  }
  if (key instanceof PyTuple && key.items.length === v.ndim) {
    let at = v.offset;
    key.items.forEach((k, d) => {
      at = itemAt({ ...v, offset: at }, d, asIndex(k));
    });
    writeItem(v.data, at, v.format, value);
    return;
  }
  throw typeError('memoryview: invalid slice key');
}

// Objects/memoryobject.c memory_richcompare: equal when both unpack to the same values.
function richCompare(a: PyObject, b: PyObject, op: CompareOp): PyObject {
  if (op !== CompareOp.EQ && op !== CompareOp.NE) return newref(NotImplemented);
  let equal: boolean;
  const ma = a as PyMemoryView;
  if (a === b) equal = true;
  else if (ma.released || (b instanceof PyMemoryView && b.released)) equal = false;
  else {
    let other: BufferView;
    try {
      other = b instanceof PyMemoryView ? b.view : getBuffer(b);
    } catch (e) {
      if (e instanceof PyBaseException && exceptionMatches(e, TypeError)) {
        decref(e);
        return newref(NotImplemented);
      }
      throw e;
    }
    try {
      equal = sameValues(ma.view, other);
    } finally {
      if (!(b instanceof PyMemoryView)) releaseBuffer(other);
    }
  }
  return newref((op === CompareOp.EQ) === equal ? True : False);
}

function sameValues(x: BufferView, y: BufferView): boolean {
  if (x.ndim !== y.ndim || x.shape.some((n, d) => n !== y.shape[d])) return false;
  const fx = x.format.replace('@', '');
  const fy = y.format.replace('@', '');
  if (fx === fy && (fx === 'B' || fx === 'b' || fx === 'c')) {
    const bx = viewBytes(x);
    const by = viewBytes(y);
    return bx.every((c, i) => c === by[i]);
  }
  const ox = itemOffsets(x);
  const oy = itemOffsets(y);
  return ox.every((at, i) => {
    const p = readItem(x.data, at, x.format);
    const q = readItem(y.data, oy[i]!, y.format);
    const same = valueOf(p) === valueOf(q);
    decref(p);
    decref(q);
    return same;
  });
}

function valueOf(o: PyObject): unknown {
  if (o instanceof PyInt) return BigInt(o.value);
  if (o instanceof PyFloat) return o.value;
  return (o as { data?: Uint8Array }).data?.[0];
}

// Objects/memoryobject.c memory_hash
function hash(o: PyObject): bigint {
  const m = o as PyMemoryView;
  if (m.hash !== null) return m.hash;
  checkReleased(m);
  if (!m.view.readonly) throw valueError('cannot hash writable memoryview object');
  const f = m.view.format.replace('@', '');
  if (f !== 'B' && f !== 'b' && f !== 'c') throw valueError("memoryview: hashing is restricted to formats 'B', 'b' or 'c'");
  m.hash = hashBytes(viewBytes(m.view));
  return m.hash;
}

function repr(o: PyObject): PyObject {
  const m = o as PyMemoryView;
  return newStr(`<${m.released || m.mbuf.released ? 'released ' : ''}memory at 0x${m.addr.toString(16)}>`);
}

// Objects/memoryobject.c memory_tolist
function tolist(o: PyObject): PyObject {
  const v = mv(o).view;
  if (v.ndim === 0) return readItem(v.data, v.offset, v.format);
  const build = (dim: number, base: number): PyObject => {
    const items: PyObject[] = [];
    for (let i = 0; i < v.shape[dim]!; i++) {
      const at = base + i * v.strides[dim]!;
      items.push(dim === v.ndim - 1 ? readItem(v.data, at, v.format) : build(dim + 1, at));
    }
    return newList(items);
  };
  return build(0, v.offset);
}


// Objects/memoryobject.c memoryview_cast_impl
function cast(o: PyObject, args: PyObject[], kwnames: readonly string[] | null): PyObject {
  const m = mv(o);
  const [fmtArg, shapeArg] = unpackKeywords('cast', ['format', 'shape'], args, kwnames);
  if (fmtArg === undefined) throw typeError("cast() missing required argument 'format' (pos 1)");
  if (!(fmtArg instanceof PyStr)) throw typeError(`cast() argument 'format' must be str, not ${fmtArg.type.name}`);
  const v = m.view;
  if (!isCContiguous(v)) throw typeError('memoryview: casts are restricted to C-contiguous views');
  const code = nativeCode(fmtArg.value);
  if (code === null) {
    throw valueError("memoryview: destination format must be a native single character format prefixed with an optional '@'");
  }
  const isByte = (f: string): boolean => ['B', 'b', 'c'].includes(f.replace('@', ''));
  if (!isByte(v.format) && !isByte(code)) throw typeError('memoryview: cannot cast between two non-byte formats');
  const itemsize = ITEM_SIZES[code]!;
  let shape: number[];
  if (shapeArg === undefined || shapeArg === None) {
    if (v.len % itemsize !== 0) throw typeError('memoryview: length is not a multiple of itemsize');
    shape = [v.len / itemsize];
  } else {
    if (!(shapeArg instanceof PyTuple) && shapeArg.type.name !== 'list') throw typeError('shape must be a list or a tuple');
    const items = (shapeArg as unknown as { items: PyObject[] }).items;
    shape = items.map((x) => {
      const n = asIndex(x);
      if (n <= 0) throw valueError('memoryview.cast(): elements of shape must be integers > 0');
      return n;
    });
    if (shape.length > 64) throw valueError('memoryview: number of dimensions must not exceed 64');
    if (product(shape) * itemsize !== v.len) throw typeError('memoryview: product(shape) * itemsize != buffer size');
  }
  return mbufAddView(m.mbuf, { ...v, format: code, itemsize, ndim: shape.length, shape, strides: cStrides(shape, itemsize) });
}

function tupleOf(xs: number[]): PyObject {
  return newTuple(xs.map((x) => newInt(x)));
}

const getter = (fn: (v: BufferView, m: PyMemoryView) => PyObject) => ({ get: (o: PyObject) => fn(mv(o).view, o as PyMemoryView) });

const memIter = defineType({
  name: 'memory_iterator',
  flags: TypeFlags.HAVE_GC,
  layout: { basicsize: 48 },
  slots: {
    tp_dealloc: (o) => {
      const it = o as PyMemIter;
      gcUntrack(it);
      if (it.seq) decref(it.seq);
      freeObject(it);
    },
    tp_iter: (o) => newref(o),
    tp_iternext: (o) => {
      const it = o as PyMemIter;
      const m = it.seq;
      if (m === null) return null;
      checkReleased(m);
      if (it.index < m.view.shape[0]!) return readItem(m.view.data, m.view.offset + it.index++ * m.view.strides[0]!, m.view.format);
      it.seq = null;
      decref(m);
      return null;
    },
    tp_traverse: (o, visit) => {
      const s = (o as PyMemIter).seq;
      if (s) visit(s);
    },
  },
});

class PyMemIter extends PyGCObject {
  index = 0;
  constructor(public seq: PyMemoryView | null) {
    super(memIter);
  }
}

// Objects/memoryobject.c memory_iter
function iter(o: PyObject): PyObject {
  const m = mv(o);
  if (m.view.ndim === 0) throw typeError('invalid indexing of 0-dim memory');
  if (m.view.ndim !== 1) throw notImplementedError('multi-dimensional sub-views are not implemented');
  const it = new PyMemIter(newref(m));
  allocObject(it, 48);
  gcTrack(it);
  return it;
}

function length(o: PyObject): number {
  const v = mv(o).view;
  if (v.ndim === 0) throw typeError('0-dim memory has no length');
  return v.shape[0]!;
}

Object.assign(memoryViewType, {
  tp_new: (_type: PyType, args: PyObject[], kwnames: readonly string[] | null) => {
    const [obj] = unpackKeywords('memoryview', ['object'], args, kwnames);
    if (obj === undefined) throw typeError("memoryview() missing required argument 'object' (pos 1)");
    return memoryViewFromObject(obj);
  },
  tp_repr: repr,
  tp_hash: hash,
  tp_richcompare: richCompare,
  tp_iter: iter,
  sq_length: length,
  mp_length: length,
  mp_subscript: subscript,
  mp_ass_subscript: assSubscript,
});

extendType(memoryViewType, {
  methods: {
    release: { kind: 'noargs', fn: (o) => (memoryRelease(o as PyMemoryView, false), newref(None)) },
    tobytes: {
      kind: 'fastkw',
      fn: (o, args, kw) => {
        unpackKeywords('tobytes', ['order'], args, kw);
        return bytesResult(viewBytes(mv(o).view));
      },
    },
    tolist: { kind: 'noargs', fn: tolist },
    hex: {
      kind: 'fastkw',
      fn: (o, args, kw) => {
        const [sep, per] = unpackKeywords('hex', ['sep', 'bytes_per_sep'], args, kw);
        return strResult(hexText(viewBytes(mv(o).view), sep, per));
      },
    },
    cast: { kind: 'fastkw', fn: cast },
    toreadonly: { kind: 'noargs', fn: (o) => mbufAddView(mv(o).mbuf, { ...mv(o).view, readonly: true }) },
    __enter__: { kind: 'noargs', fn: (o) => newref(mv(o)) },
    __exit__: { kind: 'fast', fn: (o) => (memoryRelease(o as PyMemoryView, false), newref(None)) },
    __sizeof__: { kind: 'noargs', fn: (o) => newInt(MEMORYVIEW_BASIC + 8 * 3 * (o as PyMemoryView).view.ndim) },
  },
  getsets: {
    obj: getter((v) => newref(v.obj)),
    nbytes: getter((v) => newInt(v.len)),
    readonly: getter((v) => newBool(v.readonly)),
    itemsize: getter((v) => newInt(v.itemsize)),
    format: getter((v) => newStr(v.format)),
    ndim: getter((v) => newInt(v.ndim)),
    shape: getter((v) => tupleOf(v.shape)),
    strides: getter((v) => tupleOf(v.strides)),
    suboffsets: getter(() => tupleOf([])),
    c_contiguous: getter((v) => newBool(isCContiguous(v))),
    f_contiguous: getter((v) => newBool(isFContiguous(v))),
    contiguous: getter((v) => newBool(isCContiguous(v) || isFContiguous(v))),
  },
});

// A memoryview is itself an exporter: consumers get its window and count as its exports.
registerBufferProcs(memoryViewType, {
  getBuffer: (o, writable) => {
    const m = mv(o);
    if (writable && m.view.readonly) throw bufferError('memoryview: underlying buffer is not writable');
    m.exports++;
    return { ...m.view, obj: o, shape: m.view.shape.slice(), strides: m.view.strides.slice() };
  },
  releaseBuffer: (o) => {
    (o as PyMemoryView).exports--;
  },
});

