// set and frozenset against CPython 3.11 (PYTHONHASHSEED=0): iteration order is the table
// order, so it checks the probe sequence, linear probing, dummies and the resize rule.
import { beforeEach, describe, expect, it } from 'vitest';
import { bindFreshProcess, call, callMethod, getsizeof, py, r, raised } from './session.js';
import { frozensetConstant, frozensetType, newFrozenSet, newSet, setAdd, setType, PySet } from '../../engine/objects/set.js';
import { hash, binaryOp, BinaryOp, richCompareBool } from '../../engine/objects/abstract.js';
import { CompareOp } from '../../engine/objects/type.js';
import { newTuple, tupleType } from '../../engine/objects/tuple.js';
import { dictFromItems } from '../../engine/objects/dict.js';

function setOf(...xs: (number | string)[]): PySet {
  const s = newSet();
  for (const x of xs) setAdd(s, py(x));
  return s;
}

describe('set', () => {
  beforeEach(() => {
    bindFreshProcess();
  });

  it('iterates in CPython table order and sizes its table as 3.11 does', () => {
    const words = ['apple', 'banana', 'cherry', 'date', 'elderberry', 'fig'];
    expect(r(setOf(...words))).toBe("{'banana', 'apple', 'cherry', 'fig', 'date', 'elderberry'}");
    // a set display of constants: the compiler's frozenset constant is rebuilt from a first
    // frozenset's order (merge_consts_recursive), then SET_UPDATE merges it into the new set
    expect(r(newSet(frozensetConstant(words.map(py)))))
      .toBe("{'banana', 'fig', 'cherry', 'apple', 'date', 'elderberry'}");
    const s = setOf(10, 3, 77, 1024, 8, 9, 5, -1, -2);
    expect(r(s)).toBe('{1024, 3, 5, 8, 9, 10, 77, -2, -1}');
    expect(r(newSet(frozensetConstant([10, 3, 77, 1024, 8, 9, 5, -1, -2].map(py))))).toBe('{1024, 3, 5, 8, 9, 10, 77, -1, -2}');
    expect(getsizeof(s)).toBe(728);
    expect(getsizeof(newSet())).toBe(216);
  });

  it('reuses dummies and keeps its table through discards', () => {
    const s = newSet();
    for (let i = 0; i < 100; i++) setAdd(s, py(i));
    for (let i = 0; i < 100; i += 3) callMethod(s, 'discard', [py(i)]);
    setAdd(s, py(1000));
    setAdd(s, py(-7));
    expect(r(s).slice(0, 33)).toBe('{1, 2, 4, 5, 7, 8, 10, 11, 13, 14');
    expect(getsizeof(s)).toBe(8408);
  });

  it('hashes frozensets with the shuffle-bits algorithm', () => {
    expect(hash(newFrozenSet(newTuple([py(1), py(2), py(3)])))).toBe(-272375401224217160n);
    expect(hash(newFrozenSet(newTuple([py('a'), py('b')])))).toBe(1679668661828516449n);
    expect(hash(newFrozenSet())).toBe(133146708735736n);
    expect(raised(() => hash(newSet()))).toBe("TypeError: unhashable type: 'set'");
  });

  it('does the algebra with CPython results and errors', () => {
    expect(r(binaryOp(setOf(1, 2, 3), setOf(2, 3, 4), BinaryOp.XOR))).toBe('{1, 4}');
    expect(r(binaryOp(setOf(1, 2, 3), setOf(2, 3, 4), BinaryOp.AND))).toBe('{2, 3}');
    expect(r(binaryOp(setOf(1, 2, 3), setOf(2, 3, 4), BinaryOp.SUBTRACT))).toBe('{1}');
    expect(r(binaryOp(setOf(1, 2), setOf(3), BinaryOp.OR))).toBe('{1, 2, 3}');
    expect(richCompareBool(setOf(1, 2), setOf(1, 2, 3), CompareOp.LE)).toBe(true);
    expect(richCompareBool(newFrozenSet(newTuple([py(1)])), setOf(1), CompareOp.EQ)).toBe(true);
    expect(r(newFrozenSet(newTuple([py(1)])))).toBe('frozenset({1})');
    expect(r(newFrozenSet())).toBe('frozenset()');
    expect(r(newSet())).toBe('set()');
    expect(raised(() => callMethod(newSet(), 'pop', []))).toBe("KeyError: 'pop from an empty set'");
    expect(raised(() => callMethod(setOf(1), 'remove', [py(5)]))).toBe('KeyError: 5');
    expect(raised(() => binaryOp(setOf(1), newTuple([py(1)]), BinaryOp.OR)))
      .toBe("TypeError: unsupported operand type(s) for |: 'set' and 'tuple'");
    expect(r(callMethod(setOf(1, 2), 'union', [newTuple([py(5)]), dictFromItems([py(7)], [py(0)])]))).toBe('{1, 2, 5, 7}');
    expect(callMethod(setOf(1, 2), '__contains__', [newSet()]).type.name).toBe('bool');
    expect(r(call(setType, [py('abca')]))).toBe("{'c', 'a', 'b'}");
    const f = newFrozenSet(newTuple([py(1)]));
    expect(call(frozensetType, [f])).toBe(f);
  });

  it('keys and items views do set operations', () => {
    const d = dictFromItems([py('a'), py('b')], [py(1), py(2)]);
    const keys = callMethod(d, 'keys', []);
    expect(r(binaryOp(keys, setOf('a', 'z'), BinaryOp.AND))).toBe("{'a'}");
    expect(r(binaryOp(keys, setOf('a'), BinaryOp.SUBTRACT))).toBe("{'b'}");
    expect(richCompareBool(keys, setOf('a', 'b'), CompareOp.EQ)).toBe(true);
    expect(r(callMethod(d, 'items', []))).toBe("dict_items([('a', 1), ('b', 2)])");
  });
});
