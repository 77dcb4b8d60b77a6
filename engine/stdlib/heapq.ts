// The heap primitives of heapq (Modules/_heapqmodule.c): the same sift loops, so the same
// comparisons in the same order as CPython; the rest of heapq is Python source.
import { PyObject, decref, newref } from '../objects/object.js';
import { CompareOp } from '../objects/type.js';
import type { NativeFunctionDef } from '../objects/native.js';
import { newNone, richCompareBool } from '../objects/abstract.js';
import { indexError, runtimeError, typeError } from '../objects/exceptions.js';
import { PyList, listAppend, listAssSlice, listType } from '../objects/list.js';
import { checkPositional } from '../objects/argcheck.js';
import type { NativeModuleDef, SourceModuleDef } from './moduledef.js';

function lessThan(a: PyObject, b: PyObject): boolean {
  newref(a);
  newref(b);
  try {
    return richCompareBool(a, b, CompareOp.LT);
  } finally {
    decref(a);
    decref(b);
  }
}

/** siftdown: move the item at pos up towards startpos while it is smaller than its parent. */
function siftdown(heap: PyList, startpos: number, pos: number): void {
  const size = heap.items.length;
  while (pos > startpos) {
    const parentpos = (pos - 1) >> 1;
    const lt = lessThan(heap.items[pos]!, heap.items[parentpos]!);
    if (size !== heap.items.length) throw runtimeError('list changed size during iteration');
    if (!lt) break;
    const arr = heap.items;
    [arr[parentpos], arr[pos]] = [arr[pos]!, arr[parentpos]!];
    pos = parentpos;
  }
}

/** siftup: move the smaller child up until a leaf, then sift the item down into place. */
function siftup(heap: PyList, pos: number): void {
  const endpos = heap.items.length;
  const startpos = pos;
  const limit = endpos >> 1;
  while (pos < limit) {
    let childpos = 2 * pos + 1;
    if (childpos + 1 < endpos) {
      const lt = lessThan(heap.items[childpos]!, heap.items[childpos + 1]!);
      if (!lt) childpos++;
      if (endpos !== heap.items.length) throw runtimeError('list changed size during iteration');
    }
    const arr = heap.items;
    [arr[childpos], arr[pos]] = [arr[pos]!, arr[childpos]!];
    pos = childpos;
  }
  siftdown(heap, startpos, pos);
}

/** Argument Clinic's list check: "heappush() argument 1 must be list, not tuple". */
function heapArg(o: PyObject, fn: string, which: string): PyList {
  if (!(o instanceof PyList) || !o.type.isSubtype(listType)) throw typeError(`${fn}() ${which} must be list, not ${o.type.name}`);
  return o;
}

function two(name: string, fn: (heap: PyList, item: PyObject) => PyObject): NativeFunctionDef {
  return {
    name,
    code: {
      kind: 'fast',
      fn: (_m, args) => {
        checkPositional(name, args.length, 2, 2);
        return fn(heapArg(args[0]!, name, 'argument 1'), args[1]!);
      },
    },
  };
}

/** heappop: the last item fills the root, which then sifts up. */
function heappop(heap: PyList): PyObject {
  const n = heap.items.length;
  if (n === 0) throw indexError('index out of range');
  const last = newref(heap.items[n - 1]!);
  listAssSlice(heap, n - 1, n, null);
  if (n - 1 === 0) return last;
  const top = heap.items[0]!;
  heap.items[0] = last;
  siftup(heap, 0);
  return top;
}

function replaceTop(heap: PyList, item: PyObject): PyObject {
  const top = heap.items[0]!;
  heap.items[0] = newref(item);
  siftup(heap, 0);
  return top;
}

const functions: NativeFunctionDef[] = [
  two('heappush', (heap, item) => {
    listAppend(heap, item);
    siftdown(heap, 0, heap.items.length - 1);
    return newNone();
  }),
  { name: 'heappop', code: { kind: 'o', fn: (_m, h) => heappop(heapArg(h, 'heappop', 'argument')) } },
  two('heapreplace', (heap, item) => {
    if (heap.items.length === 0) throw indexError('index out of range');
    return replaceTop(heap, item);
  }),
  two('heappushpop', (heap, item) => {
    if (heap.items.length === 0 || !lessThan(heap.items[0]!, item)) return newref(item);
    return replaceTop(heap, item);
  }),
  {
    name: 'heapify',
    code: {
      kind: 'o',
      fn: (_m, h) => {
        const heap = heapArg(h, 'heapify', 'argument');
        for (let i = (heap.items.length >> 1) - 1; i >= 0; i--) siftup(heap, i);
        return newNone();
      },
    },
  },
];

export const heapqNative: NativeModuleDef = {
  name: '_heapq',
  functions,
  attributes: () => ({}),
};

/** heapq: the primitives from _heapq, and nsmallest/nlargest/merge written in Python. */
export const heapqSource: SourceModuleDef = {
  name: 'heapq',
  source: `"""Heap queue algorithm (a.k.a. priority queue)."""
from _heapq import heappush, heappop, heapify, heapreplace, heappushpop

__all__ = ['heappush', 'heappop', 'heapify', 'heapreplace', 'merge',
           'nlargest', 'nsmallest', 'heappushpop']


def nsmallest(n, iterable, key=None):
    return sorted(iterable, key=key)[:n]


def nlargest(n, iterable, key=None):
    return sorted(iterable, key=key, reverse=True)[:n]


def merge(*iterables, key=None, reverse=False):
    return iter(sorted([x for it in iterables for x in it], key=key, reverse=reverse))
`,
};
