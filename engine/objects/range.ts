// range (Objects/rangeobject.c): start, stop, step and length as int objects; length,
// membership, index and count by arithmetic; slicing into a new range; iterators that count
// in machine words (range_iterator) or in ints (longrange_iterator).
import { PyObject, decref, newref } from './object.js';
import { CompareOp, PyType } from './type.js';
import { defineType } from './define.js';
import { allocObject, freeObject } from './heap.js';
import { False, PyInt, True, boolType, intType, newInt, normInt } from './int.js';
import { newStr } from './str.js';
import { None } from './singletons.js';
import {
  forEach, hash, index as numberIndex, newNotImplemented, reprString, richCompareBool,
} from './abstract.js';
import { indexError, overflowError, typeError, valueError } from './exceptions.js';
import { newTuple } from './tuple.js';
import { PySlice, sliceIndicesFor } from './slice.js';
import { checkPositional, noKeywords } from './argcheck.js';

export class PyRange extends PyObject {
  constructor(type: PyType, readonly start: bigint, readonly stop: bigint, readonly step: bigint, readonly len: bigint) {
    super(type);
  }
}

/** sizeof(rangeobject) and of both iterator objects */
const RANGE_SIZE = 48;
const SSIZE_MAX = (1n << 63n) - 1n;
const LONG_MIN = -(1n << 63n);

/** compute_range_length */
function rangeLength(start: bigint, stop: bigint, step: bigint): bigint {
  if (step > 0n) return start < stop ? (stop - start - 1n) / step + 1n : 0n;
  return start > stop ? (start - stop - 1n) / -step + 1n : 0n;
}

function big(o: PyObject): bigint {
  const v = (o as PyInt).value;
  return typeof v === 'bigint' ? v : BigInt(v);
}

function pyInt(v: bigint): PyObject {
  return newInt(normInt(v));
}

function indexValue(o: PyObject): bigint {
  const i = numberIndex(o);
  const v = big(i);
  decref(i);
  return v;
}

export function newRange(start: bigint, stop: bigint, step: bigint): PyRange {
  const r = new PyRange(rangeType, start, stop, step, rangeLength(start, stop, step));
  allocObject(r, RANGE_SIZE);
  return r;
}

/** range_new / range_vectorcall */
function rangeNew(_type: PyType, args: PyObject[], kwnames: readonly string[] | null): PyObject {
  noKeywords('range', kwnames);
  checkPositional('range', args.length, 1, 3);
  if (args.length === 1) return newRange(0n, indexValue(args[0]!), 1n);
  const start = indexValue(args[0]!);
  const stop = indexValue(args[1]!);
  const step = args.length === 3 ? indexValue(args[2]!) : 1n;
  if (step === 0n) throw valueError('range() arg 3 must not be zero');
  return newRange(start, stop, step);
}

/** compute_item */
function item(r: PyRange, i: bigint): bigint {
  return r.start + i * r.step;
}

/** range_contains_long: membership by arithmetic for ints and bools. */
function rangeContainsInt(r: PyRange, v: bigint): boolean {
  if (r.step > 0n ? !(r.start <= v && v < r.stop) : !(r.stop < v && v <= r.start)) return false;
  return (v - r.start) % r.step === 0n;
}

function isExactInt(o: PyObject): boolean {
  return o.type === intType || o.type === boolType;
}

function rangeContains(o: PyObject, v: PyObject): boolean {
  const r = o as PyRange;
  if (isExactInt(v)) return rangeContainsInt(r, big(v));
  let found = false;
  forEach(r, (x) => {
    if (!found && richCompareBool(x, v, CompareOp.EQ)) found = true;
  });
  return found;
}

function rangeSubscript(o: PyObject, key: PyObject): PyObject {
  const r = o as PyRange;
  if (key.type.nb_index) {
    let i = indexValue(key);
    if (i < 0n) i += r.len;
    if (i < 0n || i >= r.len) throw indexError('range object index out of range');
    return pyInt(item(r, i));
  }
  if (key instanceof PySlice) {
    const len = r.len > SSIZE_MAX ? Number(SSIZE_MAX) : Number(r.len);
    const [start, stop, step, n] = sliceIndicesFor(key, len);
    const s = BigInt(step);
    const first = item(r, BigInt(start));
    const nr = new PyRange(rangeType, first, item(r, BigInt(stop)), r.step * s, BigInt(n));
    allocObject(nr, RANGE_SIZE);
    return nr;
  }
  throw typeError(`range indices must be integers or slices, not ${key.type.name}`);
}

/** range_equals: equal as sequences. */
function rangeEquals(a: PyRange, b: PyRange): boolean {
  if (a === b) return true;
  if (a.len !== b.len) return false;
  if (a.len === 0n) return true;
  if (a.start !== b.start) return false;
  if (a.len === 1n) return true;
  return a.step === b.step;
}

/** range_hash: the hash of (len, start, step) with the unused parts as None. */
function rangeHash(o: PyObject): bigint {
  const r = o as PyRange;
  const parts = [pyInt(r.len), None, None];
  None.refcnt += 2;
  if (r.len > 0n) {
    None.refcnt--;
    parts[1] = pyInt(r.start);
    if (r.len > 1n) {
      None.refcnt--;
      parts[2] = pyInt(r.step);
    }
  }
  const t = newTuple(parts);
  try {
    return hash(t);
  } finally {
    decref(t);
  }
}

function rangeRepr(o: PyObject): PyObject {
  const r = o as PyRange;
  return newStr(r.step === 1n ? `range(${r.start}, ${r.stop})` : `range(${r.start}, ${r.stop}, ${r.step})`);
}

function rangeCount(self: PyObject, v: PyObject): PyObject {
  if (isExactInt(v)) return newInt(rangeContainsInt(self as PyRange, big(v)) ? 1 : 0);
  let n = 0;
  forEach(self, (x) => {
    if (richCompareBool(x, v, CompareOp.EQ)) n++;
  });
  return newInt(n);
}

function rangeIndex(self: PyObject, v: PyObject): PyObject {
  const r = self as PyRange;
  if (isExactInt(v)) {
    const x = big(v);
    if (rangeContainsInt(r, x)) return pyInt((x - r.start) / r.step);
  } else {
    let i = 0;
    let found = -1;
    forEach(self, (x) => {
      if (found < 0 && richCompareBool(x, v, CompareOp.EQ)) found = i;
      i++;
    });
    if (found >= 0) return newInt(found);
  }
  throw valueError(`${reprString(v)} is not in range`);
}

// ------------------------------------------------------------------ iterators

/** rangeiterobject and longrangeiterobject: the next value, the step, and how many remain;
 *  kept as doubles while every value is a safe integer (the common, fast case). */
export class PyRangeIter extends PyObject {
  fast: boolean;
  next: number;
  step: number;
  left: number;
  bigNext: bigint;
  bigStep: bigint;
  bigLeft: bigint;
  constructor(type: PyType, next: bigint, step: bigint, left: bigint) {
    super(type);
    const end = next + step * left;
    this.fast = [next, step, left, end].every((v) => v >= -MAX_SAFE && v <= MAX_SAFE);
    this.next = Number(next);
    this.step = Number(step);
    this.left = Number(left);
    this.bigNext = next;
    this.bigStep = step;
    this.bigLeft = left;
  }
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

function rangeIterNext(o: PyObject): PyObject | null {
  const it = o as PyRangeIter;
  if (it.fast) {
    if (it.left <= 0) return null;
    const v = it.next;
    it.next = v + it.step;
    it.left--;
    return newInt(v);
  }
  if (it.bigLeft <= 0n) return null;
  const v = it.bigNext;
  it.bigNext = v + it.bigStep;
  it.bigLeft--;
  return pyInt(v);
}

function iterLeft(it: PyRangeIter): PyObject {
  return it.fast ? newInt(Math.max(0, it.left)) : pyInt(it.bigLeft);
}

function iterType(name: string): PyType {
  return defineType({
    name,
    layout: { basicsize: RANGE_SIZE },
    slots: {
      tp_dealloc: freeObject,
      tp_iter: (o) => newref(o),
      tp_iternext: rangeIterNext,
    },
    methods: {
      __length_hint__: { kind: 'noargs', fn: (self) => iterLeft(self as PyRangeIter) },
    },
  });
}

export const rangeIterType = iterType('range_iterator');
export const longRangeIterType = iterType('longrange_iterator');

const fitsLong = (v: bigint): boolean => v >= LONG_MIN && v <= SSIZE_MAX;

/** range_iter / range_reverse: machine-word iterators when every value fits a C long. */
function rangeIter(r: PyRange, reversed: boolean): PyObject {
  const start = reversed ? r.start + (r.len - 1n) * r.step : r.start;
  const step = reversed ? -r.step : r.step;
  const end = start + r.len * step;
  const small = fitsLong(r.start) && fitsLong(r.stop) && fitsLong(r.step) && fitsLong(r.len) && fitsLong(end) && fitsLong(step);
  const it = new PyRangeIter(small ? rangeIterType : longRangeIterType, start, step, r.len);
  allocObject(it, RANGE_SIZE);
  return it;
}

export const rangeType = defineType({
  name: 'range',
  layout: { basicsize: RANGE_SIZE },
  slots: {
    tp_dealloc: freeObject,
    tp_repr: rangeRepr,
    tp_hash: rangeHash,
    tp_richcompare: (a, b, op) => {
      if (!(a instanceof PyRange) || !(b instanceof PyRange) || (op !== CompareOp.EQ && op !== CompareOp.NE)) {
        return newNotImplemented();
      }
      const eq = rangeEquals(a, b);
      return newref(eq === (op === CompareOp.EQ) ? True : False);
    },
    tp_iter: (o) => rangeIter(o as PyRange, false),
    tp_new: rangeNew,
    nb_bool: (o) => (o as PyRange).len !== 0n,
    sq_length: (o) => {
      const n = (o as PyRange).len;
      if (n > SSIZE_MAX) throw overflowError('Python int too large to convert to C ssize_t');
      return Number(n);
    },
    sq_contains: rangeContains,
    mp_subscript: rangeSubscript,
  },
  methods: {
    __reversed__: { kind: 'noargs', fn: (self) => rangeIter(self as PyRange, true) },
    // range_reduce: rebuilt by calling range(start, stop, step).
    __reduce__: {
      kind: 'noargs',
      fn: (self) => {
        const r = self as PyRange;
        return newTuple([newref(rangeType), newTuple([pyInt(r.start), pyInt(r.stop), pyInt(r.step)])]);
      },
    },
    count: { kind: 'o', fn: rangeCount },
    index: { kind: 'o', fn: rangeIndex },
  },
  getsets: {
    start: { get: (o) => pyInt((o as PyRange).start) },
    stop: { get: (o) => pyInt((o as PyRange).stop) },
    step: { get: (o) => pyInt((o as PyRange).step) },
  },
  doc: 'range(stop) -> range object\nrange(start, stop[, step]) -> range object\n\n'
    + 'Return an object that produces a sequence of integers from start (inclusive)\n'
    + 'to stop (exclusive) by step.  range(i, j) produces i, i+1, i+2, ..., j-1.\n'
    + 'start defaults to 0, and stop is omitted!  range(4) produces 0, 1, 2, 3.\n'
    + 'These are exactly the valid indices for a list of 4 elements.\n'
    + 'When step is given, it specifies the increment (or decrement).',
});

