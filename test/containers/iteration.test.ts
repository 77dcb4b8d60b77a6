// range, the builtin iterator types and the iteration builtins against CPython 3.11.
import { beforeEach, describe, expect, it } from 'vitest';
import { bindFreshProcess, call, callMethod, getsizeof, py, r, raised } from './session.js';
import { rangeType } from '../../engine/objects/range.js';
import { enumerateType, filterType, mapType, reversedType, zipType } from '../../engine/objects/iterators.js';
import { iterationBuiltins } from '../../engine/stdlib/builtins/iteration.js';
import { newList, listType } from '../../engine/objects/list.js';
import { newTuple } from '../../engine/objects/tuple.js';
import { newSlice } from '../../engine/objects/slice.js';
import { newFloat } from '../../engine/objects/float.js';
import { strType } from '../../engine/objects/str.js';
import { None } from '../../engine/objects/singletons.js';
import { contains, getItem, hash, length, richCompareBool } from '../../engine/objects/abstract.js';
import { CompareOp } from '../../engine/objects/type.js';
import { callNative } from '../../engine/objects/native.js';
import { decref, newref, type PyObject } from '../../engine/objects/object.js';
import { itertoolsModule } from '../../engine/stdlib/itertools.js';

function builtin(name: string, args: PyObject[], kwnames: string[] | null = null): PyObject {
  const def = iterationBuiltins.find((d) => d.name === name)!;
  return callNative(def, None, args, kwnames);
}

const list = (o: PyObject) => r(call(listType, [o]));
const rng = (...xs: number[]) => call(rangeType, xs.map(py));

describe('range', () => {
  beforeEach(() => {
    bindFreshProcess();
  });

  it('computes its items, membership, slices and hash by arithmetic', () => {
    expect(r(rng(0, 10, 3))).toBe('range(0, 10, 3)');
    expect(list(rng(10, 0, -3))).toBe('[10, 7, 4, 1]');
    expect(richCompareBool(rng(3), rng(0, 3, 1), CompareOp.EQ)).toBe(true);
    expect(richCompareBool(rng(0), rng(5, 2), CompareOp.EQ)).toBe(true);
    expect(hash(rng(0, 5))).toBe(5795932985296280846n);
    expect(r(getItem(rng(0, 20, 3), newSlice(py(2), py(5), null)))).toBe('range(6, 15, 3)');
    expect(r(getItem(rng(0, 20, 3), newSlice(null, null, py(-1))))).toBe('range(18, -3, -3)');
    expect(contains(rng(0, 20, 3), py(9))).toBe(true);
    expect(contains(rng(0, 20, 3), py(10))).toBe(false);
    expect(r(callMethod(rng(0, 20, 3), 'index', [py(9)]))).toBe('3');
    expect(list(call(reversedType, [rng(1, 10, 4)]))).toBe('[9, 5, 1]');
    expect(getsizeof(rng(3))).toBe(48);
  });

  it('raises CPython errors', () => {
    expect(raised(() => call(rangeType, []))).toBe('TypeError: range expected at least 1 argument, got 0');
    expect(raised(() => rng(1, 2, 0))).toBe('ValueError: range() arg 3 must not be zero');
    expect(raised(() => call(rangeType, [py('a')]))).toBe("TypeError: 'str' object cannot be interpreted as an integer");
    expect(raised(() => getItem(rng(1), py(5)))).toBe('IndexError: range object index out of range');
    expect(raised(() => callMethod(rng(5), 'index', [py(7)]))).toBe('ValueError: 7 is not in range');
    const huge = call(rangeType, [call(py(2).type, [py('18446744073709551616')])]);
    expect(raised(() => length(huge))).toBe('OverflowError: Python int too large to convert to C ssize_t');
  });
});

describe('iterators and iteration builtins', () => {
  beforeEach(() => {
    bindFreshProcess();
  });

  it('enumerate, zip, map, filter and reversed', () => {
    expect(list(call(enumerateType, [py('ab'), py(5)]))).toBe("[(5, 'a'), (6, 'b')]");
    expect(list(call(zipType, [newList([py(5), py(3)]), py('ab')]))).toBe("[(5, 'a'), (3, 'b')]");
    expect(list(call(mapType, [strType, newList([py(5), py(3)])]))).toBe("['5', '3']");
    expect(list(call(filterType, [None, newList([py(0), py(3), py('')])]))).toBe('[3]');
    expect(list(call(reversedType, [newList([py(1), py(2)])]))).toBe('[2, 1]');
    expect(raised(() => call(zipType, [py(1)]))).toBe("TypeError: 'int' object is not iterable");
    expect(raised(() => call(mapType, [strType]))).toBe('TypeError: map() must have at least two arguments.');
    expect(raised(() => call(filterType, [strType]))).toBe('TypeError: filter expected 2 arguments, got 1');
    expect(raised(() => call(reversedType, [py(1)]))).toBe("TypeError: 'int' object is not reversible");
    expect(raised(() => call(enumerateType, []))).toBe("TypeError: enumerate() missing required argument 'iterable'");
    expect(raised(() => call(enumerateType, [py('a'), py(1), py(2)]))).toBe('TypeError: enumerate() takes at most 2 arguments (3 given)');
    expect(raised(() => list(call(zipType, [newList([py(1)]), newList([]), py(true ? 1 : 0)], ['strict']))))
      .toBe('ValueError: zip() argument 2 is shorter than argument 1');
    expect(raised(() => list(call(zipType, [newList([py(1)]), newList([py(2)]), newList([py(3), py(4)]), py(1)], ['strict']))))
      .toBe('ValueError: zip() argument 3 is longer than arguments 1-2');
  });

  it('recycles the tuple of enumerate and zip when the caller let it go', () => {
    const en = call(enumerateType, [py('abc')]);
    const first = callMethod(en, '__next__', []);
    first.refcnt--;
    const second = callMethod(en, '__next__', []);
    expect(second).toBe(first);
    expect(r(second)).toBe("(1, 'b')");
  });

  it('sum, min, max, sorted, any and all', () => {
    expect(r(builtin('sum', [newList([py(1), newFloat(2.5), py(3)])]))).toBe('6.5');
    expect(r(builtin('sum', [newList([call(py(2).type, [py('4611686018427387904')]), call(py(2).type, [py('4611686018427387904')])])]))).toBe('9223372036854775808');
    expect(r(builtin('sum', [newList(Array.from({ length: 10 }, () => newFloat(0.1)))]))).toBe('0.9999999999999999');
    expect(r(builtin('sum', [newList([py(1), py(2)]), py(10)]))).toBe('13');
    expect(r(builtin('sum', [newList([py(1)]), py(2)], ['start']))).toBe('3');
    expect(raised(() => builtin('sum', [newList([py('a')]), py('')]))).toBe("TypeError: sum() can't sum strings [use ''.join(seq) instead]");
    expect(r(builtin('sum', [newList([newList([py(1)])]), newList([])]))).toBe('[1]');
    expect(r(builtin('min', [newList([py(3), py(1), py(2)])]))).toBe('1');
    expect(r(builtin('max', [py('hello')]))).toBe("'o'");
    expect(raised(() => builtin('min', [newList([])]))).toBe('ValueError: min() arg is an empty sequence');
    expect(r(builtin('min', [newList([]), py(1)], ['default']))).toBe('1');
    expect(raised(() => builtin('max', [py(1), py(2), py(0)], ['default'])))
      .toBe('TypeError: Cannot specify a default for max() with multiple positional arguments');
    expect(raised(() => builtin('min', []))).toBe('TypeError: min expected at least 1 argument, got 0');
    expect(r(builtin('sorted', [newTuple([py(5), py(3), py(9)]), py(1)], ['reverse']))).toBe('[9, 5, 3]');
    expect(raised(() => builtin('sorted', []))).toBe('TypeError: sorted expected 1 argument, got 0');
    expect(r(builtin('any', [newList([])]))).toBe('False');
    expect(r(builtin('all', [newList([py(1), py(0)])]))).toBe('False');
    expect(getsizeof(builtin('sorted', [rng(7)]))).toBe(120);
  });
});

describe('itertools references', () => {
  beforeEach(() => {
    bindFreshProcess();
  });

  it('gives back every reference when its iterators die', () => {
    const tools = itertoolsModule.attributes();
    const item = newList([]);
    const before = item.refcnt;
    const pool = newList([newref(item), py(1)]);
    for (const name of ['product', 'permutations', 'combinations', 'cycle', 'zip_longest']) {
      const args = name === 'combinations' ? [pool, py(1)] : [pool];
      const it = call(tools[name]!, args);
      for (let i = 0; i < 2; i++) {
        const x = callMethod(it, '__next__', []);
        decref(x);
      }
      decref(it);
    }
    decref(pool);
    expect(item.refcnt).toBe(before);
  });
});
