import { beforeAll, describe, expect, it } from 'vitest';
import { bindFreshProcess, fromPy, raised, toPy } from './session.js';
import { callMethod, getAttr, getItem, hash, length, reprString, richCompareBool, setItem } from '../../engine/objects/abstract.js';
import { newInt } from '../../engine/objects/int.js';
import { None } from '../../engine/objects/singletons.js';
import { newSlice } from '../../engine/objects/slice.js';
import { newTuple } from '../../engine/objects/tuple.js';
import { newStr } from '../../engine/objects/str.js';
import { CompareOp } from '../../engine/objects/type.js';
import { memoryViewFromObject } from '../../engine/objects/memoryview.js';
import type { PyObject } from '../../engine/objects/object.js';
import { decref } from '../../engine/objects/object.js';

beforeAll(() => {
  bindFreshProcess();
});

const attr = (o: PyObject, name: string): unknown => fromPy(getAttr(o, name));
const sl = (a: number, b: number) => newSlice(newInt(a), newInt(b), None);

describe('memoryview (values from CPython 3.11)', () => {
  it('describes a bytearray and shares its storage through slices', () => {
    const b = toPy({ ba: 'abcdef' });
    const m = memoryViewFromObject(b);
    expect([attr(m, 'format'), attr(m, 'itemsize'), attr(m, 'shape'), attr(m, 'strides'), attr(m, 'ndim'), attr(m, 'nbytes'), attr(m, 'readonly')])
      .toEqual(['B', 1, [6], [1], 1, 6, false]);
    expect(getAttr(m, 'obj')).toBe(b);
    expect(fromPy(callMethod(m, '__sizeof__', []))).toBe(168);
    const s = getItem(m, sl(1, 4));
    expect(fromPy(callMethod(s, 'tobytes', []))).toEqual({ b: 'bcd' });
    expect(fromPy(callMethod(s, 'tolist', []))).toEqual([98, 99, 100]);
    expect(fromPy(callMethod(s, 'hex', [newStr(':')]))).toBe('62:63:64');
    setItem(s, newInt(0), newInt(90));
    expect(fromPy(b)).toEqual({ ba: 'aZcdef' });
    expect(richCompareBool(m, toPy({ b: 'aZcdef' }), CompareOp.EQ)).toBe(true);
    expect(raised(() => hash(m))).toBe('ValueError: cannot hash writable memoryview object');
    expect(raised(() => setItem(m, newInt(0), newInt(300)))).toBe("ValueError: memoryview: invalid value for format 'B'");
    expect(raised(() => setItem(m, newInt(0), toPy({ b: 'x' })))).toBe("TypeError: memoryview: invalid type for format 'B'");
    expect(raised(() => setItem(m, sl(1, 3), toPy({ b: 'abc' })))).toBe('ValueError: memoryview assignment: lvalue and rvalue have different structures');
    expect(raised(() => getItem(m, newInt(10)))).toBe('IndexError: index out of bounds on dimension 1');
  });

  it('casts to other formats and shapes', () => {
    const m = memoryViewFromObject(toPy({ ba: 'aZcdef' }));
    const c = callMethod(m, 'cast', [newStr('H')]);
    expect([attr(c, 'format'), attr(c, 'itemsize'), attr(c, 'shape')]).toEqual(['H', 2, [3]]);
    expect(fromPy(callMethod(c, 'tolist', []))).toEqual([23137, 25699, 26213]);
    const c2 = callMethod(m, 'cast', [newStr('B'), newTuple([newInt(2), newInt(3)])]);
    expect([attr(c2, 'shape'), attr(c2, 'strides')]).toEqual([[2, 3], [3, 1]]);
    expect(fromPy(callMethod(c2, 'tolist', []))).toEqual([[97, 90, 99], [100, 101, 102]]);
    expect(fromPy(getItem(c2, newTuple([newInt(0), newInt(1)])))).toBe(90);
    expect(raised(() => getItem(c2, newInt(0)))).toBe('NotImplementedError: multi-dimensional sub-views are not implemented');
    expect(raised(() => callMethod(m, 'cast', [newStr('I')]))).toBe('TypeError: memoryview: length is not a multiple of itemsize');
    expect(raised(() => callMethod(m, 'cast', [newStr('x')]))).toBe("ValueError: memoryview: destination format must be a native single character format prefixed with an optional '@'");
  });

  it('hashes read-only byte views like bytes, and forbids use after release', () => {
    const bytes = toPy({ b: 'xyz' });
    const mb = memoryViewFromObject(bytes);
    expect(hash(mb)).toBe(hash(bytes));
    expect(raised(() => setItem(mb, newInt(0), newInt(1)))).toBe('TypeError: cannot modify read-only memory');
    callMethod(mb, 'release', []);
    expect(raised(() => length(mb))).toBe('ValueError: operation forbidden on released memoryview object');
    expect(reprString(mb)).toMatch(/^<released memory at 0x[0-9a-f]+>$/);
    expect(raised(() => memoryViewFromObject(newStr('a')))).toBe("TypeError: memoryview: a bytes-like object is required, not 'str'");
  });

  it('keeps a bytearray from resizing until every view of it is gone', () => {
    const b = toPy({ ba: 'abc' });
    const m = memoryViewFromObject(b);
    const s = getItem(m, sl(0, 2));
    callMethod(m, 'release', []);
    expect(raised(() => callMethod(b, 'append', [newInt(1)]))).toBe('BufferError: Existing exports of data: object cannot be re-sized');
    decref(s);
    callMethod(b, 'append', [newInt(1)]);
    expect(fromPy(b)).toEqual({ ba: 'abc\u0001' });
  });
});
