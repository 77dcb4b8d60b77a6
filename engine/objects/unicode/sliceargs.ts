// Subscript keys of the sequence types of this area: PyIndex_Check, and slices resolved against
// a length through the slice module (Objects/sliceobject.c PySlice_GetIndicesEx).
import type { PyObject } from '../object.js';
import { PyInt } from '../int.js';
import { PySlice, sliceIndicesFor } from '../slice.js';

/** PyIndex_Check */
export function isIndexable(o: PyObject): boolean {
  return o instanceof PyInt || o.type.nb_index !== undefined;
}

export function isSlice(o: PyObject): o is PySlice {
  return o instanceof PySlice;
}

/** Resolved slice bounds: start, stop, step and the number of items selected. */
export interface SliceRange {
  start: number;
  stop: number;
  step: number;
  length: number;
}

export function sliceRange(slice: PySlice, len: number): SliceRange {
  const [start, stop, step, length] = sliceIndicesFor(slice, len);
  return { start, stop, step, length };
}
