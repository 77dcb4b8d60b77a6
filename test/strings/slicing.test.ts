import { beforeAll, describe, expect, it } from 'vitest';
import { bindFreshProcess, fromPy } from './session.js';
import { getItem } from '../../engine/objects/abstract.js';
import { newSlice } from '../../engine/objects/slice.js';
import { newInt } from '../../engine/objects/int.js';
import { None } from '../../engine/objects/singletons.js';
import { newStr, emptyStr } from '../../engine/objects/str.js';
import { newBytes } from '../../engine/objects/bytes.js';
import { newByteArray } from '../../engine/objects/bytearray.js';

beforeAll(() => {
  bindFreshProcess();
});

const sl = (a: number | null, b: number | null, c: number | null = null) =>
  newSlice(a === null ? None : newInt(a), b === null ? None : newInt(b), c === null ? None : newInt(c));

describe('slicing str, bytes and bytearray', () => {
  it('follows PySlice_AdjustIndices with steps and negatives, by code point', () => {
    const s = newStr('a😀bcdé');
    expect(fromPy(getItem(s, sl(1, 3)))).toBe('😀b');
    expect(fromPy(getItem(s, sl(null, null, -1)))).toBe('édcb😀a');
    expect(fromPy(getItem(s, sl(-2, null)))).toBe('dé');
    expect(fromPy(getItem(s, sl(0, null, 2)))).toBe('abd');
    expect(getItem(s, sl(4, 2))).toBe(emptyStr);
    expect(getItem(s, sl(null, null))).toBe(s);
  });

  it('gives bytes for bytes and bytearray for bytearray', () => {
    const data = new TextEncoder().encode('hello');
    expect(fromPy(getItem(newBytes(data.slice()), sl(1, -1)))).toEqual({ b: 'ell' });
    expect(fromPy(getItem(newByteArray(data), sl(null, null, -2)))).toEqual({ ba: 'olh' });
  });
});
