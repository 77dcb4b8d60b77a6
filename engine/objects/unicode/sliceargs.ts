// Slice subscripts for the sequence types of this area (Objects/sliceobject.c PySlice_Unpack and
// PySlice_AdjustIndices). The slice object itself belongs to the containers' module; it is read
// here through its start/stop/step fields.
import type { PyObject } from '../object.js';
import { None } from '../singletons.js';
import { typeError, valueError } from '../exceptions.js';
import { asIndex } from '../abstract.js';
import { PyInt } from '../int.js';

interface SliceFields {
  start: PyObject;
  stop: PyObject;
  step: PyObject;
}

/** PyIndex_Check */
export function isIndexable(o: PyObject): boolean {
  return o instanceof PyInt || o.type.nb_index !== undefined;
}

export function isSlice(o: PyObject): o is PyObject & SliceFields {
  return o.type.name === 'slice' && 'start' in o && 'stop' in o && 'step' in o;
}

/** Resolved slice bounds: start, stop, step and the number of items selected. */
export interface SliceRange {
  start: number;
  stop: number;
  step: number;
  length: number;
}

const SSIZE_MAX = 9223372036854775807;

// Python/ceval.c _PyEval_SliceIndex
function sliceIndex(o: PyObject, dflt: number): number {
  if (o === None) return dflt;
  if (!isIndexable(o)) throw typeError('slice indices must be integers or None or have an __index__ method');
  const v = asIndex(o);
  return Math.max(-SSIZE_MAX, Math.min(SSIZE_MAX, v));
}

// Objects/sliceobject.c PySlice_Unpack + PySlice_AdjustIndices
export function sliceRange(slice: PyObject & SliceFields, len: number): SliceRange {
  let step = 1;
  if (slice.step !== None) {
    step = sliceIndex(slice.step, 1);
    if (step === 0) throw valueError('slice step cannot be zero');
  }
  let start = sliceIndex(slice.start, step < 0 ? SSIZE_MAX : 0);
  let stop = sliceIndex(slice.stop, step < 0 ? -SSIZE_MAX : SSIZE_MAX);
  if (start < 0) {
    start += len;
    if (start < 0) start = step < 0 ? -1 : 0;
  } else if (start >= len) start = step < 0 ? len - 1 : len;
  if (stop < 0) {
    stop += len;
    if (stop < 0) stop = step < 0 ? -1 : 0;
  } else if (stop >= len) stop = step < 0 ? len - 1 : len;
  let length = 0;
  if (step < 0) {
    if (stop < start) length = Math.floor((start - stop - 1) / -step) + 1;
  } else if (start < stop) length = Math.floor((stop - start - 1) / step) + 1;
  return { start, stop, step, length };
}
