// The buffer protocol (Include/cpython/object.h Py_buffer, Objects/abstract.c
// PyObject_GetBuffer): how bytes, bytearray, memoryview and other exporters (array, mmap) lend
// their storage without copying. A view is a window on the exporter's own Uint8Array, so writes
// through a memoryview are writes to the exporter's bytes.
import type { PyObject } from './object.js';
import type { PyType } from './type.js';
import { typeError, bufferError } from './exceptions.js';

/** Py_buffer: the exporter, its storage and the window the consumer may use. */
export interface BufferView {
  obj: PyObject;
  /** The exporter's storage; the view covers data[offset, offset + len). */
  data: Uint8Array;
  offset: number;
  len: number;
  readonly: boolean;
  itemsize: number;
  /** struct-module format of one item ('B' for bytes) */
  format: string;
  ndim: number;
  shape: number[];
  strides: number[];
  /** Simulated address of the first byte (what ctypes or the buffer's repr would show). */
  addr: number;
}

/** bf_getbuffer / bf_releasebuffer of one type. getBuffer counts the export when the exporter
 *  must refuse resizing while it is lent (bytearray, array, mmap). */
export interface BufferProcs {
  getBuffer(o: PyObject, writable: boolean): BufferView;
  releaseBuffer?(o: PyObject, view: BufferView): void;
}

const procs = new WeakMap<PyType, BufferProcs>();

export function registerBufferProcs(type: PyType, p: BufferProcs): void {
  procs.set(type, p);
}

/** The buffer procedures of a type or its nearest base that has them (tp_as_buffer is inherited). */
export function bufferProcsOf(type: PyType): BufferProcs | undefined {
  for (const t of type.mro) {
    const p = procs.get(t);
    if (p) return p;
  }
  return undefined;
}

/** PyObject_CheckBuffer */
export function checkBuffer(o: PyObject): boolean {
  return bufferProcsOf(o.type) !== undefined;
}

// Objects/abstract.c PyObject_GetBuffer; `what` words the TypeError for non-exporters.
export function getBuffer(o: PyObject, writable = false, what?: (o: PyObject) => string): BufferView {
  const p = bufferProcsOf(o.type);
  if (!p) throw typeError(what ? what(o) : `a bytes-like object is required, not '${o.type.name}'`);
  return p.getBuffer(o, writable);
}

/** PyBuffer_Release */
export function releaseBuffer(view: BufferView): void {
  bufferProcsOf(view.obj.type)?.releaseBuffer?.(view.obj, view);
}

/** Runs `fn` on the bytes of a bytes-like object (a copy-free window when the view is
 *  contiguous, its items gathered in C order otherwise), releasing the buffer after. */
export function withBytes<T>(o: PyObject, fn: (bytes: Uint8Array) => T, what?: (o: PyObject) => string): T {
  const view = getBuffer(o, false, what);
  try {
    return fn(isCContiguous(view) ? view.data.subarray(view.offset, view.offset + view.len) : viewBytes(view));
  } finally {
    releaseBuffer(view);
  }
}

/** A writable view when the exporter allows it, BufferError otherwise. */
export function requireWritable(view: BufferView): void {
  if (view.readonly) throw bufferError('Object is not writable.');
}

/** The simple contiguous view most exporters give: unsigned bytes, one dimension. */
export function byteView(obj: PyObject, data: Uint8Array, offset: number, len: number, readonly: boolean, addr: number): BufferView {
  return { obj, data, offset, len, readonly, itemsize: 1, format: 'B', ndim: 1, shape: [len], strides: [1], addr };
}

/** Byte offsets of every item in C order (a view may have any strides after slicing). */
export function itemOffsets(v: BufferView): number[] {
  const out: number[] = [];
  const walk = (dim: number, base: number): void => {
    if (dim === v.ndim) {
      out.push(base);
      return;
    }
    for (let i = 0; i < v.shape[dim]!; i++) walk(dim + 1, base + i * v.strides[dim]!);
  };
  walk(0, v.offset);
  return out;
}

/** The view's bytes in C order (a copy). */
export function viewBytes(v: BufferView): Uint8Array {
  if (isCContiguous(v)) return v.data.slice(v.offset, v.offset + v.len);
  const out = new Uint8Array(v.len);
  let k = 0;
  for (const at of itemOffsets(v)) {
    out.set(v.data.subarray(at, at + v.itemsize), k);
    k += v.itemsize;
  }
  return out;
}

export function isCContiguous(v: BufferView): boolean {
  let stride = v.itemsize;
  for (let d = v.ndim - 1; d >= 0; d--) {
    if (v.shape[d]! > 1 && v.strides[d] !== stride) return false;
    stride *= v.shape[d]!;
  }
  return true;
}

