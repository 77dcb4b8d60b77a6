// Code-point indexing over the JS strings that hold str values: a str of kind 4 keeps its
// astral characters as surrogate pairs, so its Python indexes differ from JS indexes.
import type { PyStr } from '../str.js';

/** The code points of a str as one-character strings (only needed for kind 4). */
export function codePoints(s: PyStr): string[] {
  return Array.from(s.value);
}

/** The JS index of Python index `i` (0 <= i <= len). */
export function unitIndex(s: PyStr, i: number): number {
  if (s.kind !== 4) return i;
  let u = 0;
  const v = s.value;
  for (let n = 0; n < i; n++) {
    const c = v.charCodeAt(u);
    u += c >= 0xd800 && c <= 0xdbff && u + 1 < v.length && isLow(v.charCodeAt(u + 1)) ? 2 : 1;
  }
  return u;
}

/** The Python index of JS index `u` (u at a character boundary). */
export function cpIndex(s: PyStr, u: number): number {
  if (s.kind !== 4) return u;
  let n = 0;
  const v = s.value;
  for (let k = 0; k < u; n++) {
    const c = v.charCodeAt(k);
    k += c >= 0xd800 && c <= 0xdbff && k + 1 < v.length && isLow(v.charCodeAt(k + 1)) ? 2 : 1;
  }
  return n;
}

function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** Python's s[a:b] on the text (indexes already clipped). */
export function substring(s: PyStr, a: number, b: number): string {
  if (s.kind !== 4) return s.value.slice(a, b);
  return s.value.slice(unitIndex(s, a), unitIndex(s, b));
}

/** Code point at Python index i. */
export function codePointAt(s: PyStr, i: number): number {
  if (s.kind !== 4) return s.value.charCodeAt(i);
  return s.value.codePointAt(unitIndex(s, i))!;
}

/** Compares two texts by code point, as unicode_compare does (JS compares UTF-16 units). */
export function compareText(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) {
      const cx = a.codePointAt(i)!;
      const cy = b.codePointAt(i)!;
      return cx < cy ? -1 : 1;
    }
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}
