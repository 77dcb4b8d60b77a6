// IEEE 754 binary16 as Objects/floatobject.c PyFloat_Pack2 / PyFloat_Unpack2 handle it: round
// half to even, and an OverflowError when a finite double does not fit (struct's and
// memoryview's 'e' format).
import { overflowError } from './exceptions.js';

/** Rounds an exactly representable double to the nearest integer, ties to even. */
function roundHalfEven(v: number): number {
  const f = Math.floor(v);
  const d = v - f;
  if (d > 0.5) return f + 1;
  if (d < 0.5) return f;
  return f % 2 === 0 ? f : f + 1;
}

// Objects/floatobject.c PyFloat_Pack2: the 16 bits of a half-precision float.
export function packHalfBits(x: number): number {
  const sign = x < 0 || Object.is(x, -0) ? 0x8000 : 0;
  if (Number.isNaN(x)) return sign | 0x7e00;
  const a = Math.abs(x);
  if (a === Infinity) return sign | 0x7c00;
  if (a === 0) return sign;
  let e = Math.floor(Math.log2(a));
  if (2 ** e > a) e--;
  else if (2 ** (e + 1) <= a) e++;
  if (e < -14) {
    // Subnormal: units of 2**-24; rounding up to 0x400 lands on the smallest normal, as it should.
    return sign | roundHalfEven(a * 2 ** 24);
  }
  let m = roundHalfEven(a * 2 ** (10 - e));
  if (m === 2048) {
    m = 1024;
    e++;
  }
  if (e > 15) throw overflowError('float too large to pack with e format');
  return sign | ((e + 15) << 10) | (m - 1024);
}

// Objects/floatobject.c PyFloat_Unpack2
export function unpackHalfBits(h: number): number {
  const s = h & 0x8000 ? -1 : 1;
  const e = (h >> 10) & 0x1f;
  const f = h & 0x3ff;
  if (e === 0) return s * f * 2 ** -24;
  if (e === 31) return f ? NaN : s * Infinity;
  return s * (1 + f / 1024) * 2 ** (e - 15);
}
