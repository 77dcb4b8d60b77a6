// dict against CPython 3.11's own numbers (PYTHONHASHSEED=0): sizes from the keys object's
// layout, insertion order through deletions and resizes, presizing, copies and merges.
import { beforeEach, describe, expect, it } from 'vitest';
import { bindFreshProcess, call, callMethod, getsizeof, py, r, raised } from './session.js';
import {
  PyDict, dictDelItem, dictFromItems, dictKeyProbe, dictLayout, newKeysForClass, newInstanceValues, sharedValuesStore,
  sharedValuesGet, newSplitDict, dictGetItem, dictGetStr, dictDelStr, dictSetItem, dictType, newDict, dictItems,
} from '../../engine/objects/dict.js';
import { DKIX_DUMMY, probeSequence } from '../../engine/objects/dictkeys.js';
import type { PyObject } from '../../engine/objects/object.js';
import type { PyStr } from '../../engine/objects/str.js';
import { hash, richCompareBool, getItem, setItem } from '../../engine/objects/abstract.js';
import { CompareOp } from '../../engine/objects/type.js';
import { newTuple } from '../../engine/objects/tuple.js';
import { splitHash, H } from '../../engine/objects/hashparts.js';
import { isTracked } from '../../engine/gc/track.js';

function fill(d: PyDict, keys: (string | number)[]): PyDict {
  for (const k of keys) dictSetItem(d, py(k), py(String(k).length));
  return d;
}

function range(n: number, step = 1, start = 0): number[] {
  const out: number[] = [];
  for (let i = start; i < n; i += step) out.push(i);
  return out;
}

describe('dict', () => {
  beforeEach(() => {
    bindFreshProcess();
  });

  it('grows as 3.11 does: 64 empty, 224 with one int key, 352 from the sixth', () => {
    const d = newDict();
    expect(getsizeof(d)).toBe(64);
    const sizes = range(9).map((i) => {
      dictSetItem(d, py(i), py(i));
      return getsizeof(d);
    });
    expect(sizes).toEqual([224, 224, 224, 224, 224, 352, 352, 352, 352]);
  });

  it('keeps insertion order through deletions; str-only tables use 16-byte entries', () => {
    const d = dictFromItems([py('b'), py('a')], [py(1), py(2)]);
    dictSetItem(d, py('c'), py(3));
    dictDelItem(d, py('b'));
    dictSetItem(d, py('b'), py(4));
    expect(r(d)).toBe("{'a': 2, 'c': 3, 'b': 4}");
    expect(getsizeof(d)).toBe(184);
    const mixed = fill(newDict(), ['x', 'yy', 'abc', 'q', 1]);
    expect(getsizeof(mixed)).toBe(352);
    expect(r(mixed)).toBe("{'x': 1, 'yy': 2, 'abc': 3, 'q': 1, 1: 1}");
  });

  it('leaves dummies on deletion, and copies compact a sparse table', () => {
    const d = newDict();
    for (const i of range(20)) dictSetItem(d, py(i), py(i));
    for (const i of range(20, 2)) dictDelItem(d, py(i));
    expect(getsizeof(d)).toBe(632);
    expect(d.maKeys.indices.filter((x) => x === DKIX_DUMMY).length).toBe(10);
    expect(r(callMethod(d, 'keys', []))).toBe('dict_keys([1, 3, 5, 7, 9, 11, 13, 15, 17, 19])');
    expect(getsizeof(callMethod(d, 'copy', []))).toBe(352);
  });

  it('presizes fromkeys from a dict or set, merges into an empty dict by cloning', () => {
    const src = newDict();
    for (const i of range(10)) dictSetItem(src, py(i), py(i));
    expect(getsizeof(callMethod(dictType, 'fromkeys', [src]))).toBe(352);
    expect(getsizeof(callMethod(dictType, 'fromkeys', [py('abcdefghijk')]))).toBe(464);
    const e = dictFromItems([py('a'), py('b')], [py(1), py(2)]);
    expect(getsizeof(call(dictType, [e]))).toBe(184);
    expect(getsizeof(callMethod(e, 'copy', []))).toBe(184);
    const merged = callMethod(dictFromItems([py('a')], [py(1)]), '__or__', [dictFromItems([py('b')], [py(2)])]);
    expect(r(merged)).toBe("{'a': 1, 'b': 2}");
    expect(getsizeof(merged)).toBe(184);
  });

  it('pops the last item, raises CPython errors', () => {
    const d = dictFromItems([py(1), py(3)], [py(2), py(4)]);
    expect(r(callMethod(d, 'popitem', []))).toBe('(3, 4)');
    expect(r(d)).toBe('{1: 2}');
    expect(raised(() => callMethod(newDict(), 'popitem', []))).toBe("KeyError: 'popitem(): dictionary is empty'");
    expect(raised(() => getItem(d, py('zz')))).toBe("KeyError: 'zz'");
    expect(raised(() => callMethod(d, 'get', []))).toBe('TypeError: get expected at least 1 argument, got 0');
    expect(raised(() => dictSetItem(d, newDict(), py(1)))).toBe("TypeError: unhashable type: 'dict'");
    expect(raised(() => call(dictType, [newTuple([py(1)])]))).toBe(
      'TypeError: cannot convert dictionary update sequence element #0 to a sequence');
    expect(raised(() => call(dictType, [newTuple([newTuple([py(1)])])]))).toBe(
      'ValueError: dictionary update sequence element #0 has length 1; 2 is required');
    expect(r(callMethod(d, 'pop', [py(9), py('dflt')]))).toBe("'dflt'");
    expect(r(callMethod(d, 'setdefault', [py(5), py(6)]))).toBe('6');
    expect(r(d)).toBe('{1: 2, 5: 6}');
  });

  it('refuses to keep iterating once the size changed', () => {
    const d = dictFromItems([py(1)], [py(1)]);
    const it = callMethod(d, '__iter__', []);
    dictSetItem(d, py(2), py(2));
    expect(raised(() => callMethod(it, '__next__', []))).toBe('RuntimeError: dictionary changed size during iteration');
  });

  it('recycles the items iterator tuple when the caller let it go', () => {
    const d = dictFromItems([py('a'), py('b')], [py(1), py(2)]);
    const it = callMethod(callMethod(d, 'items', []), '__iter__', []);
    const first = callMethod(it, '__next__', []);
    const addr = first.addr;
    first.refcnt--;
    const second = callMethod(it, '__next__', []);
    expect(second).toBe(first);
    expect(second.addr).toBe(addr);
    expect(r(second)).toBe("('b', 2)");
  });

  it('looks names up by text, follows the probe sequence of the hash', () => {
    const d = dictFromItems([py('x'), py('y')], [py(1), py(2)]);
    expect(r(dictGetStr(d, 'y')!)).toBe('2');
    expect(dictDelStr(d, 'x')).toBe(true);
    expect(dictGetStr(d, 'x')).toBe(null);
    expect(dictGetItem(d, py('y'))).not.toBe(null);
    splitHash(hash(py('y')));
    const seq = probeSequence(d.maKeys, H.lo, H.hi, 1);
    expect(d.maKeys.indices[seq[seq.length - 1]!]).toBe(1);
  });

  it('stays untracked while it holds only atomic values, repr guards cycles', () => {
    const d = dictFromItems([py('a')], [py(1)]);
    expect(isTracked(d)).toBe(false);
    setItem(d, py('self'), d);
    expect(isTracked(d)).toBe(true);
    expect(r(d)).toBe("{'a': 1, 'self': {...}}");
    expect(richCompareBool(d, d, CompareOp.EQ)).toBe(true);
    const keys: PyObject[] = [...dictItems(d)].map(([k]) => k);
    expect(keys.map(r)).toEqual(["'a'", "'self'"]);
  });

  it('reuses a freed dict object (the free list) so ids repeat', () => {
    const a = newDict();
    const addr = a.addr;
    a.refcnt--;
    a.type.tp_dealloc(a);
    expect(newDict().addr).toBe(addr);
  });
});

describe('dict layout for inspection', () => {
  beforeEach(() => {
    bindFreshProcess();
  });

  it('shows the index table, entries and probe sequence of colliding keys', () => {
    const d = dictFromItems([py(1), py(9)], [py('a'), py('b')]);
    const layout = dictLayout(d);
    expect(layout.kind).toBe('general');
    expect(layout.indexWidth).toBe(1);
    expect(layout.keysBytes).toBe(160);
    expect(layout.indices).toEqual([-1, 0, -1, -1, -1, -1, 1, -1]);
    expect(dictKeyProbe(d, py(9))).toEqual([1, 6]);
    dictDelItem(d, py(1));
    const after = dictLayout(d);
    expect(after.indices[1]).toBe(DKIX_DUMMY);
    expect(after.entries[0]!.key).toBe(null);
    expect(after.usable).toBe(3);
    const wide = newDict();
    for (let i = 0; i < 200; i++) dictSetItem(wide, py(i), py(i));
    expect(dictLayout(wide).indexWidth).toBe(2);
  });
});

describe('split tables (instance dicts over shared keys)', () => {
  beforeEach(() => {
    bindFreshProcess();
  });

  it('shares one keys object between instances and sizes the dicts as 3.11 does', () => {
    const keys = newKeysForClass();
    const a = newInstanceValues(keys);
    const b = newInstanceValues(keys);
    expect(sharedValuesStore(keys, a, py('x') as PyStr, py(1))).toBe('ok');
    expect(sharedValuesStore(keys, a, py('y') as PyStr, py(2))).toBe('ok');
    expect(sharedValuesStore(keys, b, py('y') as PyStr, py(3))).toBe('ok');
    expect(keys.nentries).toBe(2);
    expect(r(sharedValuesGet(keys, b, 'y')!)).toBe('3');
    expect(sharedValuesGet(keys, b, 'x')).toBe(null);
    expect(sharedValuesStore(keys, b, py('x') as PyStr, null)).toBe('missing');
    const da = newSplitDict(keys, a);
    const db = newSplitDict(keys, b);
    expect(r(da)).toBe("{'x': 1, 'y': 2}");
    expect(r(db)).toBe("{'y': 3}");
    // CPython 3.11: class A: pass; a = A(); b = A(); a.x = 1; a.y = 2; b.y = 3 gives 288 for both
    expect(getsizeof(da)).toBe(288);
    expect(getsizeof(db)).toBe(288);
    dictSetItem(db, py(5), py(5));
    expect(r(db)).toBe("{'y': 3, 5: 5}");
    expect(db.maValues).toBe(null);
  });
});
