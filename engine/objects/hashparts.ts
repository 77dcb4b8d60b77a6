// Hash values as the hash tables of dict and set use them: CPython's Py_hash_t is a signed
// 64-bit integer that the tables read as size_t (Objects/dictobject.c, setobject.c). The tables
// keep each entry's hash as two int32 halves so probing never touches a bigint.
import type { PyObject } from './object.js';
import { PyStr, strType } from './str.js';
import { PyInt, boolType, intType } from './int.js';
import { hash } from './abstract.js';

const scratch64 = new BigInt64Array(1);
const scratch32 = new Int32Array(scratch64.buffer);

/** The halves of the last hash computed by hashHalves (low word, high word). */
export const H = { lo: 0, hi: 0 };

/** Splits an exact 64-bit hash into H. */
export function splitHash(h: bigint): void {
  scratch64[0] = h;
  H.lo = scratch32[0]!;
  H.hi = scratch32[1]!;
}

/** The hash whose halves are (lo, hi), as tp_hash returns it. */
export function joinHash(lo: number, hi: number): bigint {
  scratch32[0] = lo;
  scratch32[1] = hi;
  return scratch64[0]!;
}

/** PyObject_Hash of `key` into H, without bigints for small ints and cached str hashes. */
export function hashHalves(key: PyObject): void {
  const t = key.type;
  if ((t === intType || t === boolType) && typeof (key as PyInt).value === 'number') {
    // long_hash: below 2**53 the value is its own hash (mod 2**61-1), except that -1 is -2
    let v = (key as PyInt).value as number;
    if (v === -1) v = -2;
    H.lo = v | 0;
    H.hi = Math.floor(v / 4294967296) | 0;
    return;
  }
  if (t === strType && (key as PyStr).hash !== null) {
    splitHash((key as PyStr).hash!);
    return;
  }
  splitHash(hash(key));
}

/** Exact str keys compare by value with no side effects (unicode_eq), a fast path of lookups. */
export function isExactStr(o: PyObject): o is PyStr {
  return o.type === strType;
}
