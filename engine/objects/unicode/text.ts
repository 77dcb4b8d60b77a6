// Code-point indexing over the JS strings that hold str values: a str of kind 4 keeps its
// astral characters as surrogate pairs, so its Python indexes differ from JS indexes.
import type { PyStr } from '../str.js';

/** The code points of a str as one-character strings (only needed for kind 4). */
export function codePoints(s: PyStr): string[] {
  return Array.from(s.value);
}

/** JS indexes of every character of a kind-4 str (and of its end), made once per object so
 *  that indexing stays O(1) as in CPython's UCS-4 storage. */
const unitOffsets = new WeakMap<PyStr, Uint32Array>();

function offsetsOf(s: PyStr): Uint32Array {
  let offsets = unitOffsets.get(s);
  if (offsets) return offsets;
  offsets = new Uint32Array(s.length + 1);
  const v = s.value;
  let u = 0;
  for (let n = 0; n < s.length; n++) {
    offsets[n] = u;
    const c = v.charCodeAt(u);
    u += c >= 0xd800 && c <= 0xdbff && u + 1 < v.length && isLow(v.charCodeAt(u + 1)) ? 2 : 1;
  }
  offsets[s.length] = u;
  unitOffsets.set(s, offsets);
  return offsets;
}

/** The JS index of Python index `i` (0 <= i <= len). */
export function unitIndex(s: PyStr, i: number): number {
  return s.kind !== 4 ? i : offsetsOf(s)[i]!;
}

/** The Python index of JS index `u` (u at a character boundary). */
export function cpIndex(s: PyStr, u: number): number {
  if (s.kind !== 4) return u;
  const offsets = offsetsOf(s);
  let lo = 0;
  let hi = s.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (offsets[mid]! < u) lo = mid + 1;
    else hi = mid;
  }
  return lo;
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
