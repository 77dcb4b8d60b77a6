// %memoryview: which bytes a view covers in its exporter's buffer, and the export counts that
// keep a bytearray from resizing while views exist.
import type { MemoryviewReport } from '../api.js';
import { PyMemoryView } from '../objects/memoryview.js';
import { PyByteArray } from '../objects/bytearray.js';
import { summarize } from './summary.js';

export function memoryviewReport(m: PyMemoryView): MemoryviewReport {
  const master = m.mbuf.master;
  const view = m.view;
  const base = master.obj;
  return {
    object: summarize(m),
    base: summarize(base),
    // A slice's view keeps the master's address and moves its offset into the same storage.
    viewStart: master.addr + (view.offset - master.offset),
    viewBytes: view.len,
    bufferStart: master.addr,
    bufferBytes: master.len,
    format: view.format,
    itemsize: view.itemsize,
    ndim: view.ndim,
    shape: [...view.shape],
    strides: [...view.strides],
    readonly: view.readonly,
    exports: m.mbuf.exports,
    baseExports: base instanceof PyByteArray ? base.exports : null,
  };
}
