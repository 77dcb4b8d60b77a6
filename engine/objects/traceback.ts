// Traceback objects (Python/traceback.c PyTraceBack_Type): one per frame an exception passed
// through, linked from the outermost frame to the innermost.
import { PyGCObject, PyObject, decref, newref, xdecref } from './object.js';
import { TypeFlags } from './type.js';
import { defineType } from './define.js';
import { allocObject, freeObject } from './heap.js';
import { gcTrack, gcUntrack } from '../gc/track.js';
import { newInt } from './int.js';
import { None } from './singletons.js';
import type { PyFrameObject } from './frame.js';

export class PyTraceback extends PyGCObject {
  constructor(public next: PyTraceback | null, public frame: PyFrameObject, public lasti: number, public lineno: number) {
    super(tracebackType);
  }
}

/** sizeof(PyTracebackObject) */
const TRACEBACK_SIZE = 40;

export const tracebackType = defineType({
  name: 'traceback',
  flags: TypeFlags.HAVE_GC,
  layout: { basicsize: TRACEBACK_SIZE },
  slots: {
    tp_dealloc: (o) => {
      const tb = o as PyTraceback;
      gcUntrack(tb);
      xdecref(tb.next);
      decref(tb.frame);
      freeObject(tb);
    },
    tp_traverse: (o, visit) => {
      const tb = o as PyTraceback;
      if (tb.next) visit(tb.next);
      visit(tb.frame);
    },
  },
  getsets: {
    tb_next: { get: (o) => newref((o as PyTraceback).next ?? None) },
    tb_frame: { get: (o) => newref((o as PyTraceback).frame) },
    tb_lasti: { get: (o) => newInt((o as PyTraceback).lasti * 2) },
    tb_lineno: { get: (o) => newInt((o as PyTraceback).lineno) },
  },
});

/** PyTraceBack_Here: a new head entry for `frame` in front of `next` (both borrowed). */
export function newTraceback(next: PyObject | null, frame: PyFrameObject, lasti: number, lineno: number): PyTraceback {
  const tb = new PyTraceback(next instanceof PyTraceback ? newref(next) : null, newref(frame), lasti, lineno);
  allocObject(tb, TRACEBACK_SIZE);
  gcTrack(tb);
  return tb;
}
