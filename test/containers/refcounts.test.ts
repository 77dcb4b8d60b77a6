// Every container operation balances its references: an item's count comes back to where it
// started once the containers and results that held it are gone.
import { beforeEach, describe, expect, it } from 'vitest';
import { bindFreshProcess, call, callMethod, py } from './session.js';
import { decref, newref, type PyObject } from '../../engine/objects/object.js';
import { newList, listType } from '../../engine/objects/list.js';
import { newTuple, tupleType } from '../../engine/objects/tuple.js';
import { dictType, newDict, dictSetItem } from '../../engine/objects/dict.js';
import { newSet, setType } from '../../engine/objects/set.js';
import { newSlice } from '../../engine/objects/slice.js';
import { BinaryOp, binaryOp, getItem, setItem } from '../../engine/objects/abstract.js';
import { enumerateType, reversedType, zipType } from '../../engine/objects/iterators.js';
import { dequeType } from '../../engine/stdlib/deque.js';

/** Runs `ops` on fresh containers holding `item` and returns the change in its count; `tmp`
 *  marks an argument object the test itself owns. */
function balance(ops: (item: PyObject, tmp: <T extends PyObject>(o: T) => T) => PyObject[]): number {
  const item = newList([]);
  const before = item.refcnt;
  const temps: PyObject[] = [];
  const garbage = ops(item, (o) => {
    temps.push(o);
    return o;
  });
  for (const g of [...garbage, ...temps]) decref(g);
  const after = item.refcnt;
  decref(item);
  return after - before;
}

function drain(it: PyObject): PyObject[] {
  const out: PyObject[] = [];
  const l = call(listType, [it]);
  out.push(l, it);
  return out;
}

describe('reference balance', () => {
  beforeEach(() => {
    bindFreshProcess();
  });

  it('lists', () => {
    expect(balance((x, tmp) => {
      const l = newList([newref(x), py(2), py(1)]);
      callMethod(l, 'append', [x]);
      callMethod(l, 'insert', [py(0), x]);
      const popped = callMethod(l, 'pop', [py(1)]);
      callMethod(l, 'remove', [x]);
      const sl = getItem(l, newSlice(null, null, py(-1)));
      setItem(l, newSlice(py(0), py(1), null), tmp(newTuple([newref(x), newref(x)])));
      setItem(l, newSlice(null, null, py(2)), null);
      callMethod(l, 'extend', [tmp(newTuple([newref(x)]))]);
      const doubled = binaryOp(l, py(2), BinaryOp.MULTIPLY);
      const copy = callMethod(l, 'copy', []);
      callMethod(copy, 'clear', []);
      const keyed = newList([py(3), py(1), py(2)]);
      callMethod(keyed, 'sort', [py(1)], ['reverse']);
      return [l, popped, sl, doubled, copy, keyed];
    })).toBe(0);
  });

  it('dicts, sets and tuples', () => {
    expect(balance((x, tmp) => {
      const d = newDict();
      dictSetItem(d, py('a'), x);
      dictSetItem(d, py(1), x);
      const c = callMethod(d, 'copy', []);
      const merged = call(dictType, [d]);
      callMethod(merged, 'update', [tmp(newList([newTuple([py('z'), newref(x)])]))]);
      const popped = callMethod(merged, 'pop', [py('z')]);
      const item = callMethod(c, 'popitem', []);
      const items = drain(callMethod(tmp(callMethod(d, 'items', [])), '__iter__', []));
      const fk = callMethod(dictType, 'fromkeys', [tmp(newTuple([py('k')])), x]);
      callMethod(fk, 'clear', []);
      const t = newTuple([newref(x), py(1)]);
      const h = tmp(newTuple([py('h'), py(1)]));
      const s = newSet();
      callMethod(s, 'add', [h]);
      const u = callMethod(s, 'union', [tmp(newTuple([newref(h), py(7)]))]);
      const i = callMethod(s, 'intersection', [u]);
      const sym = binaryOp(s, u, BinaryOp.XOR);
      const p = callMethod(tmp(call(setType, [u])), 'pop', []);
      const tt = binaryOp(t, t, BinaryOp.ADD);
      const tsl = getItem(tt, newSlice(py(1), null, null));
      const tup = call(tupleType, [tmp(newList([newref(x)]))]);
      return [d, c, merged, popped, item, ...items, fk, t, s, u, i, sym, p, tt, tsl, tup];
    })).toBe(0);
  });

  it('deques and the builtin iterators', () => {
    expect(balance((x, tmp) => {
      const dq = call(dequeType, [tmp(newList([newref(x), py(1)])), py(3)]);
      callMethod(dq, 'appendleft', [x]);
      callMethod(dq, 'append', [x]);
      callMethod(dq, 'rotate', [py(1)]);
      const popped = callMethod(dq, 'pop', []);
      const seq = newList([newref(x), py(1), py(2)]);
      return [dq, popped, seq, ...drain(call(enumerateType, [seq])), ...drain(call(zipType, [seq, seq])),
        ...drain(call(reversedType, [seq]))];
    })).toBe(0);
  });
});
