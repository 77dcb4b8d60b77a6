// slice objects (Objects/sliceobject.c): start, stop and step as objects, their conversion to
// indices of a sequence of a given length, and the one-slot slice cache of 3.11.
import { PyGCObject, PyObject, decref, newref } from './object.js';
import { CompareOp, TypeFlags, type PyType } from './type.js';
import { defineType } from './define.js';
import { allocObject, freeObject, preHeaderSize } from './heap.js';
import { gcTrack, gcUntrack } from '../gc/track.js';
import { None } from './singletons.js';
import { newInt } from './int.js';
import { newStr } from './str.js';
import { asIndex, newNotImplemented, reprString, richCompare } from './abstract.js';
import { typeError, valueError } from './exceptions.js';
import { newTuple } from './tuple.js';
import { FreeListSlot } from './freelists.js';
import { checkPositional, noKeywords } from './argcheck.js';

export class PySlice extends PyGCObject {
  constructor(type: PyType, public start: PyObject, public stop: PyObject, public step: PyObject) {
    super(type);
  }
}

/** sizeof(PySliceObject) */
const SLICE_SIZE = 40;
/** PY_SSIZE_T_MAX and PY_SSIZE_T_MIN, as doubles (exact enough for clamping). */
export const SSIZE_MAX = 9223372036854775807;
export const SSIZE_MIN = -9223372036854775808;

const sliceCache = new FreeListSlot('slice', ['PySliceObject', SLICE_SIZE]);

/** PySlice_New: arguments are borrowed; null stands for None. */
export function newSlice(start: PyObject | null, stop: PyObject | null, step: PyObject | null): PySlice {
  const s = new PySlice(sliceType, newref(start ?? None), newref(stop ?? None), newref(step ?? None));
  const kept = sliceCache.get().pop();
  if (kept !== undefined) s.addr = kept + preHeaderSize(sliceType);
  else allocObject(s, SLICE_SIZE);
  gcTrack(s);
  return s;
}

/** _PyEval_SliceIndex: None keeps the default; anything with __index__ is clamped to ssize_t. */
function sliceIndex(v: PyObject, dflt: number): number {
  if (v === None) return dflt;
  if (!v.type.nb_index) throw typeError('slice indices must be integers or None or have an __index__ method');
  const x = asIndex(v);
  return x > SSIZE_MAX ? SSIZE_MAX : x < SSIZE_MIN ? SSIZE_MIN : x;
}

/** PySlice_Unpack: [start, stop, step] with the defaults of the step's direction. */
export function sliceUnpack(s: PySlice): [number, number, number] {
  let step = 1;
  if (s.step !== None) {
    step = sliceIndex(s.step, 1);
    if (step === 0) throw valueError('slice step cannot be zero');
    if (step < -SSIZE_MAX) step = -SSIZE_MAX;
  }
  const start = sliceIndex(s.start, step < 0 ? SSIZE_MAX : 0);
  const stop = sliceIndex(s.stop, step < 0 ? SSIZE_MIN : SSIZE_MAX);
  return [start, stop, step];
}

/** PySlice_AdjustIndices: clips to a sequence of `length`; returns the slice length. */
export function sliceAdjustIndices(length: number, se: [number, number, number]): number {
  let [start, stop] = se;
  const step = se[2];
  if (start < 0) {
    start += length;
    if (start < 0) start = step < 0 ? -1 : 0;
  } else if (start >= length) {
    start = step < 0 ? length - 1 : length;
  }
  if (stop < 0) {
    stop += length;
    if (stop < 0) stop = step < 0 ? -1 : 0;
  } else if (stop >= length) {
    stop = step < 0 ? length - 1 : length;
  }
  se[0] = start;
  se[1] = stop;
  if (step < 0) return stop < start ? Math.floor((start - stop - 1) / -step) + 1 : 0;
  return start < stop ? Math.floor((stop - start - 1) / step) + 1 : 0;
}

/** Unpack and adjust in one: [start, stop, step, slicelength]. */
export function sliceIndicesFor(s: PySlice, length: number): [number, number, number, number] {
  const se = sliceUnpack(s);
  const n = sliceAdjustIndices(length, se);
  return [se[0], se[1], se[2], n];
}

function sliceTuple(s: PySlice): PyObject {
  return newTuple([newref(s.start), newref(s.stop), newref(s.step)]);
}

/** slice.indices(len): like PySlice_GetIndicesEx, but for any length. */
function sliceIndicesMethod(self: PyObject, arg: PyObject): PyObject {
  const length = asIndex(arg);
  if (length < 0) throw valueError('length should not be negative');
  const [start, stop, step] = sliceIndicesFor(self as PySlice, length);
  return newTuple([newInt(start), newInt(stop), newInt(step)]);
}

export const sliceType = defineType({
  name: 'slice',
  flags: TypeFlags.HAVE_GC,
  layout: { basicsize: SLICE_SIZE },
  slots: {
    tp_dealloc: (o) => {
      const s = o as PySlice;
      gcUntrack(s);
      decref(s.step);
      decref(s.start);
      decref(s.stop);
      if (sliceCache.get().push(s.addr - preHeaderSize(sliceType))) {
        s.addr = 0;
        return;
      }
      freeObject(s);
    },
    tp_traverse: (o, visit) => {
      const s = o as PySlice;
      visit(s.start);
      visit(s.stop);
      visit(s.step);
    },
    tp_repr: (o) => {
      const s = o as PySlice;
      return newStr(`slice(${reprString(s.start)}, ${reprString(s.stop)}, ${reprString(s.step)})`);
    },
    tp_richcompare: (a, b, op: CompareOp) => {
      if (!(a instanceof PySlice) || !(b instanceof PySlice)) return newNotImplemented();
      const ta = sliceTuple(a);
      const tb = sliceTuple(b);
      try {
        return richCompare(ta, tb, op);
      } finally {
        decref(ta);
        decref(tb);
      }
    },
    tp_new: (_type, args, kwnames) => {
      noKeywords('slice', kwnames);
      checkPositional('slice', args.length, 1, 3);
      if (args.length === 1) return newSlice(null, args[0]!, null);
      return newSlice(args[0]!, args[1]!, args[2] ?? null);
    },
  },
  methods: {
    indices: { kind: 'o', fn: sliceIndicesMethod },
    // slice_reduce: rebuilt by calling slice(start, stop, step).
    __reduce__: {
      kind: 'noargs',
      fn: (self) => {
        const s = self as PySlice;
        return newTuple([newref(sliceType), newTuple([newref(s.start), newref(s.stop), newref(s.step)])]);
      },
    },
  },
  getsets: {
    start: { get: (o) => newref((o as PySlice).start) },
    stop: { get: (o) => newref((o as PySlice).stop) },
    step: { get: (o) => newref((o as PySlice).step) },
  },
  attributes: () => ({ __hash__: None }),
  doc: 'slice(stop)\nslice(start, stop[, step])\n\nCreate a slice object.  This is used for extended slicing (e.g. a[0:10:2]).',
});
