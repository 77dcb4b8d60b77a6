// What list and tuple share (Objects/listobject.c and tupleobject.c do the same things each on
// its own): item-by-item comparison, the bounds of index(x, start, stop), counting, and the
// type-checked integer or slice subscript.
import { PyObject, decref, newref } from './object.js';
import { CompareOp } from './type.js';
import { False, True } from './int.js';
import { asIndex, richCompare, richCompareBool } from './abstract.js';
import { typeError } from './exceptions.js';
import { SSIZE_MAX, SSIZE_MIN } from './slice.js';
import { None } from './singletons.js';

/** list_richcompare / tuplerichcompare over two item arrays (re-read as they may change); only
 *  lists answer == and != from the lengths alone. */
export function sequenceRichCompare(v: PyObject[], w: PyObject[], op: CompareOp, lengthShortcut: boolean): PyObject {
  if (lengthShortcut && v.length !== w.length && (op === CompareOp.EQ || op === CompareOp.NE)) {
    return newref(op === CompareOp.EQ ? False : True);
  }
  let i = 0;
  for (; i < v.length && i < w.length; i++) {
    const a = newref(v[i]!);
    const b = newref(w[i]!);
    let eq: boolean;
    try {
      eq = richCompareBool(a, b, CompareOp.EQ);
    } finally {
      decref(a);
      decref(b);
    }
    if (!eq) break;
  }
  if (i >= v.length || i >= w.length) return newref(compareNumbers(v.length, w.length, op) ? True : False);
  if (op === CompareOp.EQ) return newref(False);
  if (op === CompareOp.NE) return newref(True);
  const a = newref(v[i]!);
  const b = newref(w[i]!);
  try {
    return richCompare(a, b, op);
  } finally {
    decref(a);
    decref(b);
  }
}

/** Py_RETURN_RICHCOMPARE */
export function compareNumbers(a: number, b: number, op: CompareOp): boolean {
  switch (op) {
    case CompareOp.LT: return a < b;
    case CompareOp.LE: return a <= b;
    case CompareOp.EQ: return a === b;
    case CompareOp.NE: return a !== b;
    case CompareOp.GT: return a > b;
    case CompareOp.GE: return a >= b;
  }
}

/** _PyEval_SliceIndexNotNone for index()'s start and stop, made relative to `length`. */
export function indexBounds(args: PyObject[], length: number): [number, number] {
  const bound = (o: PyObject | undefined, dflt: number): number => {
    if (o === undefined) return dflt;
    if (o === None || !o.type.nb_index) throw typeError('slice indices must be integers or have an __index__ method');
    const x = asIndex(o);
    return x > SSIZE_MAX ? SSIZE_MAX : x < SSIZE_MIN ? SSIZE_MIN : x;
  };
  let start = bound(args[1], 0);
  let stop = bound(args[2], SSIZE_MAX);
  if (start < 0) start = Math.max(0, start + length);
  if (stop < 0) stop = Math.max(0, stop + length);
  return [start, stop];
}

/** The first index in [start, stop) whose item equals value (items re-read each step), or -1. */
export function findItem(items: PyObject[], value: PyObject, start: number, stop: number): number {
  for (let i = start; i < stop && i < items.length; i++) {
    const x = newref(items[i]!);
    let eq: boolean;
    try {
      eq = richCompareBool(x, value, CompareOp.EQ);
    } finally {
      decref(x);
    }
    if (eq) return i;
  }
  return -1;
}

/** list.count / tuple.count */
export function countItems(items: PyObject[], value: PyObject): number {
  let n = 0;
  for (let i = 0; i < items.length; i++) {
    const x = newref(items[i]!);
    try {
      if (richCompareBool(x, value, CompareOp.EQ)) n++;
    } finally {
      decref(x);
    }
  }
  return n;
}

/** sq_contains of list and tuple */
export function containsItem(items: PyObject[], value: PyObject): boolean {
  return findItem(items, value, 0, items.length) >= 0;
}
