// collections.deque's block accounting against CPython 3.11's sys.getsizeof.
import { beforeEach, describe, expect, it } from 'vitest';
import { bindFreshProcess, call, callMethod, getsizeof, py, r, raised } from './session.js';
import { dequeType } from '../../engine/stdlib/deque.js';
import { rangeType } from '../../engine/objects/range.js';
import { newList } from '../../engine/objects/list.js';

const rng = (n: number) => call(rangeType, [py(n)]);

describe('deque', () => {
  beforeEach(() => {
    bindFreshProcess();
  });

  it('holds its items in 64-slot blocks as CPython counts them', () => {
    expect(getsizeof(call(dequeType, []))).toBe(760);
    expect(getsizeof(call(dequeType, [rng(63)]))).toBe(760);
    expect(getsizeof(call(dequeType, [rng(64)]))).toBe(1288);
    expect(getsizeof(call(dequeType, [rng(100)]))).toBe(1288);
    const d = call(dequeType, []);
    const sizes = new Set<number>();
    for (let i = 0; i < 300; i++) {
      callMethod(d, 'appendleft', [py(i)]);
      sizes.add(getsizeof(d));
    }
    expect([...sizes].sort((a, b) => a - b)).toEqual([760, 1288, 1816, 2344, 2872, 3400]);
    for (let i = 0; i < 290; i++) callMethod(d, 'pop', []);
    expect(getsizeof(d)).toBe(760);
  });

  it('keeps maxlen, rotates, and raises CPython errors', () => {
    const b = call(dequeType, [rng(10), py(3)]);
    callMethod(b, 'append', [py(99)]);
    callMethod(b, 'appendleft', [py(-1)]);
    expect(r(b)).toBe('deque([-1, 8, 9], maxlen=3)');
    const d = call(dequeType, [newList([py(1), py(2), py(3), py(4)])]);
    callMethod(d, 'rotate', [py(1)]);
    expect(r(d)).toBe('deque([4, 1, 2, 3])');
    callMethod(d, 'rotate', [py(-2)]);
    expect(r(d)).toBe('deque([2, 3, 4, 1])');
    expect(raised(() => callMethod(call(dequeType, []), 'pop', []))).toBe('IndexError: pop from an empty deque');
    expect(raised(() => callMethod(d, 'remove', [py(7)]))).toBe('ValueError: 7 is not in deque');
    const it = callMethod(d, '__iter__', []);
    callMethod(d, 'append', [py(5)]);
    expect(raised(() => callMethod(it, '__next__', []))).toBe('RuntimeError: deque mutated during iteration');
  });
});
