// Memory behaviour of the number objects: sizes from the digit layout per version, the float
// free list's address reuse, and huge results as MemoryError rather than host errors.
import { describe, expect, it } from 'vitest';
import { bindFreshProcess, raised } from '../strings/session.js';
import { decref } from '../../engine/objects/object.js';
import { intAllocSize, intSizeof, newInt } from '../../engine/objects/int.js';
import { hashDouble, newFloat } from '../../engine/objects/float.js';
import { newComplex } from '../../engine/objects/complex.js';
import { BinaryOp, binaryOp, callMethod } from '../../engine/objects/abstract.js';
import { PyStr, newStr } from '../../engine/objects/str.js';

describe('int layout', () => {
  it('counts 30-bit digits, and a digit for zero from 3.11 on', () => {
    bindFreshProcess('3.11');
    expect([0, 1, 2 ** 30 - 1, 2 ** 30, 2n ** 60n, 2n ** 90n, -(2n ** 90n)].map(intSizeof)).toEqual([28, 28, 28, 32, 36, 40, 40]);
    bindFreshProcess('3.8');
    expect([intSizeof(0), intSizeof(1), intSizeof(2 ** 30)]).toEqual([24, 28, 32]);
    expect(intAllocSize(0)).toBe(28);
  });

  it('shares the small ints and allocates the others', () => {
    bindFreshProcess();
    expect(newInt(256)).toBe(newInt(256));
    expect(newInt(-5)).toBe(newInt(-5));
    expect(newInt(257)).not.toBe(newInt(257));
  });

  it('raises MemoryError for results the host cannot hold', () => {
    bindFreshProcess();
    expect(raised(() => binaryOp(newInt(1), newInt(2 ** 31), BinaryOp.LSHIFT))).toBe('MemoryError');
    expect(raised(() => binaryOp(newInt(3), newInt(2 ** 31), BinaryOp.POWER))).toBe('MemoryError');
  });
});

describe('float free list', () => {
  it('gives a dead float\'s address to the next float', () => {
    bindFreshProcess();
    const a = newFloat(1.25);
    const addr = a.addr;
    decref(a);
    const b = newFloat(2.5);
    expect(b.addr).toBe(addr);
    const c = newComplex(1, 2);
    expect(c.addr).not.toBe(addr);
  });

  it('keeps at most 100 dead floats (PyFloat_MAXFREELIST)', () => {
    bindFreshProcess();
    const floats = Array.from({ length: 150 }, (_, i) => newFloat(i + 0.5));
    const addrs = floats.map((f) => f.addr);
    floats.forEach(decref);
    const again = Array.from({ length: 150 }, (_, i) => newFloat(i + 0.25));
    const reused = again.filter((f) => addrs.includes(f.addr)).length;
    // the first 100 to die were kept and come back newest first; the other 50 went to pymalloc
    expect(again.slice(0, 100).map((f) => f.addr)).toEqual(addrs.slice(0, 100).reverse());
    expect(reused).toBeGreaterThanOrEqual(100);
  });
});

describe('float hash', () => {
  it('hashes NaN by identity from 3.10 on, as 0 before', () => {
    bindFreshProcess('3.8');
    expect(hashDouble(NaN, 0x7f0012345670)).toBe(0n);
    bindFreshProcess('3.11');
    // _Py_HashPointer: the address rotated right by 4 bits
    expect(hashDouble(NaN, 0x7f0012345670)).toBe(0x7f001234567n);
    expect(hashDouble(Infinity, 0)).toBe(314159n);
  });
});

describe('sizes past the host', () => {
  it('turn into CPython errors, never host exceptions', () => {
    bindFreshProcess();
    const big = newInt(2n ** 100n);
    expect(raised(() => callMethod(big, 'to_bytes', [newInt(10n ** 30n), newStr('big')]))).toBe('OverflowError: Python int too large to convert to C ssize_t');
    expect(raised(() => callMethod(big, 'to_bytes', [newInt(2n ** 62n), newStr('big')]))).toBe('MemoryError');
    expect(raised(() => callMethod(newInt(5), '__round__', [newInt(-(10n ** 20n))]))).toBe('MemoryError');
  });
});

describe('float formatting at extreme precisions', () => {
  it('pads exactly past the digits a double has, and stops at memory', () => {
    bindFreshProcess();
    const text = (callMethod(newFloat(0.1), '__format__', [newStr('.1200f')]) as PyStr).value;
    expect(text.length).toBe(1202);
    expect(text.slice(0, 60)).toBe('0.1000000000000000055511151231257827021181583404541015625000');
    expect(raised(() => callMethod(newFloat(1.5), '__format__', [newStr('.999999999f')]))).toBe('MemoryError');
  });
});
