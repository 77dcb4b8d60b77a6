// list against CPython 3.11: list_resize's over-allocation seen through sys.getsizeof, slice
// assignment, sorting, and the exact error messages.
import { beforeEach, describe, expect, it } from 'vitest';
import { bindFreshProcess, call, callMethod, getsizeof, py, r, raised } from './session.js';
import { PyList, listAppend, listType, newList, listExtend, sequenceList, listSort } from '../../engine/objects/list.js';
import { binaryOp, BinaryOp, getItem, richCompareBool, setItem } from '../../engine/objects/abstract.js';
import { CompareOp } from '../../engine/objects/type.js';
import { newSlice } from '../../engine/objects/slice.js';
import { newTuple } from '../../engine/objects/tuple.js';
import { newDict } from '../../engine/objects/dict.js';
import { PyObject as PyObjectBase } from '../../engine/objects/object.js';
import type { PyObject } from '../../engine/objects/object.js';
import { defineType } from '../../engine/objects/define.js';
import { newBool } from '../../engine/objects/int.js';
import { strType } from '../../engine/objects/str.js';

const range = (n: number): PyObject[] => Array.from({ length: n }, (_, i) => py(i));
const list = (...xs: (number | string)[]) => newList(xs.map(py));

describe('list', () => {
  beforeEach(() => {
    bindFreshProcess();
  });

  it('over-allocates as list_resize does (conformance c02)', () => {
    const literal = newList([]);
    listExtend(literal, newTuple([1, 2, 3, 4, 5].map(py)));
    expect(getsizeof(literal)).toBe(104);
    const b = newList([]);
    for (let i = 1; i <= 5; i++) listAppend(b, py(i));
    expect(getsizeof(b)).toBe(120);
    expect(richCompareBool(literal, b, CompareOp.EQ)).toBe(true);
    expect(getsizeof(call(listType, [call(listType, [newTuple(range(5))])]))).toBe(104);
    for (let i = 0; i < 3; i++) callMethod(b, 'pop', []);
    expect(getsizeof(b)).toBe(120);
    callMethod(b, 'insert', [py(0), py(0)]);
    expect(r(b)).toBe('[0, 1, 2]');
    expect(getsizeof(b)).toBe(120);
  });

  it('grows and shrinks like CPython through appends, pops, slices and repeats', () => {
    const l = newList([]);
    for (let i = 0; i < 17; i++) listAppend(l, py(i));
    expect(getsizeof(l)).toBe(248);
    while (l.items.length) callMethod(l, 'pop', []);
    expect(getsizeof(l)).toBe(56);
    const a = sequenceList(newList(range(20)));
    expect(getsizeof(a)).toBe(216);
    setItem(a, newSlice(py(2), py(5), null), newList([]));
    expect(getsizeof(a)).toBe(216);
    setItem(a, newSlice(null, null, py(2)), null);
    expect(r(a)).toBe('[1, 6, 8, 10, 12, 14, 16, 18]');
    expect(getsizeof(a)).toBe(152);
    const s = newList([]);
    binaryOp(s, py('abc'), BinaryOp.INPLACE_ADD);
    expect(getsizeof(s)).toBe(88);
    binaryOp(s, py(3), BinaryOp.INPLACE_MULTIPLY);
    expect(getsizeof(s)).toBe(184);
    expect(getsizeof(binaryOp(list(0), py(10), BinaryOp.MULTIPLY))).toBe(136);
    expect(getsizeof(call(listType, [py('abcdefg')]))).toBe(120);
  });

  it('assigns extended slices and reports size mismatches', () => {
    const a = newList(range(10));
    setItem(a, newSlice(null, null, py(3)), newList([py('x'), py('x'), py('x'), py('x')]));
    expect(r(a)).toBe("['x', 1, 2, 'x', 4, 5, 'x', 7, 8, 'x']");
    expect(raised(() => setItem(a, newSlice(null, null, py(3)), list(1, 2))))
      .toBe('ValueError: attempt to assign sequence of size 2 to extended slice of size 4');
    expect(raised(() => setItem(a, newSlice(py(0), py(2), null), py(5)))).toBe('TypeError: can only assign an iterable');
    expect(r(getItem(a, newSlice(py(-1), null, py(-4))))).toBe("['x', 5, 1]");
  });

  it('raises CPython errors', () => {
    const a = list(1, 2);
    expect(raised(() => getItem(a, py(7)))).toBe('IndexError: list index out of range');
    expect(raised(() => setItem(a, py(7), py(0)))).toBe('IndexError: list assignment index out of range');
    expect(raised(() => callMethod(newList([]), 'pop', []))).toBe('IndexError: pop from empty list');
    expect(raised(() => callMethod(a, 'pop', [py(5)]))).toBe('IndexError: pop index out of range');
    expect(raised(() => callMethod(a, 'remove', [py(5)]))).toBe('ValueError: list.remove(x): x not in list');
    expect(raised(() => callMethod(a, 'index', [py('x')]))).toBe("ValueError: 'x' is not in list");
    expect(raised(() => getItem(a, py('x')))).toBe('TypeError: list indices must be integers or slices, not str');
    expect(raised(() => binaryOp(a, newTuple([]), BinaryOp.ADD))).toBe('TypeError: can only concatenate list (not "tuple") to list');
    expect(raised(() => callMethod(a, 'sort', [py(1)]))).toBe('TypeError: sort() takes no positional arguments');
    expect(raised(() => callMethod(a, 'insert', [py(1)]))).toBe('TypeError: insert expected 2 arguments, got 1');
    expect(raised(() => callMethod(a, '__hash__', []))).toContain('TypeError');
  });

  it('sorts stably with key and reverse, and detects changes during the sort', () => {
    const data = list(5, 3, 9, 1, 7);
    listSort(data, null, false);
    expect(r(data)).toBe('[1, 3, 5, 7, 9]');
    listSort(data, null, true);
    expect(r(data)).toBe('[9, 7, 5, 3, 1]');
    const n = 500;
    const big = newList(Array.from({ length: n }, (_, i) => py((i * 7919) % 263)));
    listSort(big, null, false);
    const vals = big.items.map((x) => (x as unknown as { value: number }).value);
    expect(vals).toEqual([...vals].sort((x, y) => x - y));
    const words = list('bob', 'amy', 'cal', 'al');
    listSort(words, strType.dict.get('__len__')!, false);
    expect(r(words)).toBe("['al', 'bob', 'amy', 'cal']");
    const victim: PyList = list(1);
    const appendDuringKey = callMethod(victim, '__getattribute__', [py('append')]);
    expect(raised(() => listSort(victim, appendDuringKey, false))).toBe('ValueError: list modified during sort');
    expect(r(victim)).toBe('[1]');
  });

  it('prints itself as [...] inside itself and compares item by item', () => {
    const a = list(1);
    listAppend(a, a);
    expect(r(a)).toBe('[1, [...]]');
    expect(richCompareBool(list(1, 2), list(1, 3), CompareOp.LT)).toBe(true);
    expect(richCompareBool(list(1, 2), list(1, 2, 0), CompareOp.LT)).toBe(true);
    expect(r(newList([newDict()]))).toBe('[{}]');
  });

  it('reuses a dead list object (the free list), so id([]) == id([])', () => {
    const a = newList([]);
    const addr = a.addr;
    a.refcnt--;
    a.type.tp_dealloc(a);
    expect(newList([]).addr).toBe(addr);
  });
});

describe('list.sort comparisons', () => {
  // A native stand-in for a class whose __lt__ records its calls (corpus list_sort.py).
  class Key extends PyObjectBase {}
  const calls: [number, number][] = [];
  const keyType = defineType({
    name: 'test_containers.Key',
    layout: { basicsize: 16 },
    slots: {
      tp_dealloc: () => undefined,
      tp_richcompare: (a, b, op) => {
        const x = (a as Key & { v: number }).v;
        const y = (b as Key & { v: number }).v;
        calls.push([x, y]);
        return newBool(op === CompareOp.LT ? x < y : x === y);
      },
    },
  });
  const key = (v: number): PyObject => Object.assign(new Key(keyType), { v, refcnt: 1 << 20 });

  beforeEach(() => {
    bindFreshProcess();
    calls.length = 0;
  });

  it('makes the comparisons CPython makes, in the same order', () => {
    const items = newList([5, 2, 8, 2, 9, 1, 7, 3, 3, 0, 6, 4].map(key));
    listSort(items, null, false);
    expect(calls.length).toBe(31);
    expect(calls.slice(0, 12)).toEqual([[2, 5], [8, 2], [8, 5], [2, 5], [2, 2], [9, 5], [9, 8], [1, 5], [1, 2], [1, 2], [7, 5], [7, 9]]);
    calls.length = 0;
    const big = newList(Array.from({ length: 300 }, (_, i) => key((i * 37) % 101)));
    listSort(big, null, false);
    expect(calls.length).toBe(2087);
    expect(big.items.slice(0, 10).map((k) => (k as Key & { v: number }).v)).toEqual([0, 0, 0, 1, 1, 1, 2, 2, 2, 3]);
  });
});
