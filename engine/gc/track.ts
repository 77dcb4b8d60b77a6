// The generation lists of the cycle collector (Modules/gcmodule.c, Include/internal/pycore_gc.h):
// a tracked object sits in exactly one generation's doubly linked list. The collector itself
// builds on these lists; the object model only tracks and untracks.
import type { PyGCObject } from '../objects/object.js';

/** gcFlags bits: tracked, and the PEP 442 "finalizer already ran" bit. Like CPython, an object
 *  does not record its generation: the list it sits in says it. */
export const GC_TRACKED = 0b1;
export const GC_FINALIZED = 0b10;

/** A generation: a sentinel head of a circular list, its allocation count and threshold. */
export interface Generation {
  head: PyGCObject;
  count: number;
  threshold: number;
}

function sentinel(): PyGCObject {
  const h = { gcPrev: null, gcNext: null, gcRefs: 0, gcFlags: 0 } as unknown as PyGCObject;
  h.gcPrev = h;
  h.gcNext = h;
  return h;
}

/** generations[0..2] plus the permanent generation of gc.freeze() (index 3). */
export const generations: Generation[] = [
  { head: sentinel(), count: 0, threshold: 700 },
  { head: sentinel(), count: 0, threshold: 10 },
  { head: sentinel(), count: 0, threshold: 10 },
  { head: sentinel(), count: 0, threshold: 0 },
];

export function isTracked(o: PyGCObject): boolean {
  return (o.gcFlags & GC_TRACKED) !== 0;
}

/** _PyObject_GC_TRACK: append to the youngest generation. */
export function gcTrack(o: PyGCObject): void {
  if ((o.gcFlags & GC_TRACKED) !== 0) return;
  listAppend(generations[0]!.head, o);
  o.gcFlags |= GC_TRACKED;
}

/** _PyObject_GC_UNTRACK */
export function gcUntrack(o: PyGCObject): void {
  if ((o.gcFlags & GC_TRACKED) === 0) return;
  o.gcPrev!.gcNext = o.gcNext;
  o.gcNext!.gcPrev = o.gcPrev;
  o.gcPrev = null;
  o.gcNext = null;
  o.gcFlags &= ~GC_TRACKED;
}

export function listAppend(head: PyGCObject, o: PyGCObject): void {
  const last = head.gcPrev!;
  last.gcNext = o;
  o.gcPrev = last;
  o.gcNext = head;
  head.gcPrev = o;
}

