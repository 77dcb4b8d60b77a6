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

/** Runs `fn` on the bytes of a bytes-like object (a copy-free window), releasing it after. */
export function withBytes<T>(o: PyObject, fn: (bytes: Uint8Array) => T, what?: (o: PyObject) => string): T {
  const view = getBuffer(o, false, what);
  try {
    return fn(view.data.subarray(view.offset, view.offset + view.len));
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
