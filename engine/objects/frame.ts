// Frame objects (Objects/frameobject.c): the Python view of an interpreter frame, created on
// demand (sys._getframe, tracebacks). When its frame finishes while the object is still
// referenced, the object keeps the frame's locals alive until it dies (take_ownership).
import { PyGCObject, newref } from './object.js';
import { TypeFlags } from './type.js';
import { defineType } from './define.js';
import { allocObject, freeObject } from './heap.js';
import { gcTrack, gcUntrack } from '../gc/track.js';
import { newStr } from './str.js';
import { newInt } from './int.js';
import { None } from './singletons.js';
import type { Frame } from '../vm/frame.js';
import { frameLocals } from '../vm/locals.js';

export class PyFrameObject extends PyGCObject {
  /** The frame has finished; this object now owns its locals. */
  owned = false;
  constructor(public frame: Frame) {
    super(frameType);
  }
}

/** offsetof(PyFrameObject, _f_frame_data) plus the interpreter frame's header, in 3.11 */
const FRAME_BASICSIZE = 48 + 72;

export const frameType = defineType({
  name: 'frame',
  flags: TypeFlags.HAVE_GC,
  layout: { basicsize: FRAME_BASICSIZE, itemsize: 8 },
  slots: {
    tp_dealloc: (o) => {
      const f = o as PyFrameObject;
      gcUntrack(f);
      if (f.owned) {
        f.owned = false;
        f.frame.clearLocals();
      }
      f.frame.frameObject = null;
      freeObject(f);
    },
    tp_traverse: (o, visit) => {
      const f = o as PyFrameObject;
      if (!f.owned) return;
      for (const v of f.frame.fast) if (v) visit(v);
    },
    tp_repr: (o) => {
      const fr = (o as PyFrameObject).frame;
      return newStr(`<frame at 0x${o.addr.toString(16)}, file '${fr.code.filename}', line ${fr.lineno}, code ${fr.code.name}>`);
    },
  },
  getsets: {
    f_code: { get: (o) => newref((o as PyFrameObject).frame.code) },
    f_globals: { get: (o) => newref((o as PyFrameObject).frame.globals) },
    f_builtins: { get: (o) => newref((o as PyFrameObject).frame.builtins) },
    f_locals: { get: (o) => frameLocals((o as PyFrameObject).frame) },
    f_lineno: { get: (o) => newInt((o as PyFrameObject).frame.lineno) },
    f_lasti: { get: (o) => newInt(Math.max(0, (o as PyFrameObject).frame.lasti) * 2) },
    f_back: {
      get: (o) => {
        const f = o as PyFrameObject;
        const back = f.owned ? null : f.frame.back;
        return back ? getFrameObject(back) : newref(None);
      },
    },
  },
});

/** _PyFrame_GetFrameObject: the frame's object, created the first time (a new reference). */
export function getFrameObject(frame: Frame): PyFrameObject {
  let fo = frame.frameObject;
  if (fo) return newref(fo);
  fo = new PyFrameObject(frame);
  allocObject(fo, FRAME_BASICSIZE + 8 * (frame.code.localsplusnames.length + frame.code.stacksize));
  fo.refcnt = 1;
  frame.frameObject = fo;
  gcTrack(fo);
  return newref(fo);
}
