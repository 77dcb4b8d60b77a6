// tuple against CPython 3.11: xxHash-based hash, sizes, repr, comparison, slicing and errors.
import { beforeEach, describe, expect, it } from 'vitest';
import { bindFreshProcess, call, callMethod, getsizeof, py, r, raised } from './session.js';
import { emptyTuple, newTuple, tupleType, tupleMaybeUntrack } from '../../engine/objects/tuple.js';
import { getItem, hash, richCompareBool, binaryOp, BinaryOp } from '../../engine/objects/abstract.js';
import { CompareOp } from '../../engine/objects/type.js';
import { newSlice } from '../../engine/objects/slice.js';
import { isTracked } from '../../engine/gc/track.js';
import { dictType, newDict } from '../../engine/objects/dict.js';
import { listType } from '../../engine/objects/list.js';
import { intType } from '../../engine/objects/int.js';
import { strType } from '../../engine/objects/str.js';
import { Ellipsis } from '../../engine/objects/singletons.js';
import { newref } from '../../engine/objects/object.js';

const tup = (...xs: (number | string)[]) => newTuple(xs.map(py));

describe('tuple', () => {
  beforeEach(() => {
    bindFreshProcess();
  });

  it('hashes as 3.11 does', () => {
    expect(hash(tup(1, 2, 3))).toBe(529344067295497451n);
    expect(hash(emptyTuple)).toBe(5740354900026072187n);
  });

  it('measures 24 bytes plus 8 per item, plus the GC header', () => {
    expect(getsizeof(tup(0, 1, 2))).toBe(64);
    expect(getsizeof(binaryOp(tup(0, 1, 2), tup(0, 1, 2), BinaryOp.ADD))).toBe(88);
  });

  it('prints, compares, slices and reports CPython errors', () => {
    expect(r(tup(1))).toBe('(1,)');
    expect(r(tup(1, 'a'))).toBe("(1, 'a')");
    expect(richCompareBool(tup(1, 2), tup(1, 3), CompareOp.LT)).toBe(true);
    expect(richCompareBool(tup(1, 2), tup(1, 2, 0), CompareOp.LT)).toBe(true);
    expect(r(getItem(tup(0, 1, 2, 3, 4), newSlice(py(-1), null, py(-2))))).toBe('(4, 2, 0)');
    const t = tup(1, 2);
    expect(getItem(t, newSlice(null, null, null))).toBe(t);
    expect(raised(() => getItem(t, py(5)))).toBe('IndexError: tuple index out of range');
    expect(raised(() => getItem(t, py('x')))).toBe('TypeError: tuple indices must be integers or slices, not str');
    expect(raised(() => binaryOp(t, py(1), BinaryOp.ADD))).toBe('TypeError: can only concatenate tuple (not "int") to tuple');
    expect(raised(() => callMethod(t, 'index', [py(9)]))).toBe('ValueError: tuple.index(x): x not in tuple');
    expect(r(callMethod(tup(1, 2, 1), 'count', [py(1)]))).toBe('2');
    expect(call(tupleType, [t])).toBe(t);
    expect(r(call(tupleType, [py('ab')]))).toBe("('a', 'b')");
  });

  it('lets the collector untrack tuples of atomic items only', () => {
    const atomic = tup(1, 'a');
    tupleMaybeUntrack(atomic);
    expect(isTracked(atomic)).toBe(false);
    const holder = newTuple([newDict()]);
    tupleMaybeUntrack(holder);
    expect(isTracked(holder)).toBe(true);
  });

  it('reuses the memory of a dead tuple of the same length', () => {
    const a = tup(1000, 2000);
    const addr = a.addr;
    a.refcnt--;
    a.type.tp_dealloc(a);
    expect(tup(3000, 4000).addr).toBe(addr);
  });
});

describe('generic aliases', () => {
  beforeEach(() => {
    bindFreshProcess();
  });

  it('lets list[int] and dict[str, int] evaluate as in annotations', () => {
    expect(r(getItem(listType, intType))).toBe('list[int]');
    expect(r(getItem(dictType, newTuple([newref(strType), newref(intType)])))).toBe('dict[str, int]');
    expect(r(getItem(tupleType, newTuple([newref(intType), newref(Ellipsis)])))).toBe('tuple[int, ...]');
  });
});
