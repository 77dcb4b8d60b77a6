// Arithmetic on int values (Objects/longobject.c): a value is a JS number while it is a safe
// integer and a bigint beyond, so every routine has a number fast path and an exact bigint path.
// Python's rules: floor division and modulo take the divisor's sign, shifts and bitwise
// operators act on an infinite two's complement.
import { bitLength as bigBitLength, ratioToDouble } from './dtoa.js';

export type IntValue = number | bigint;

const MAX_SAFE = 9007199254740991;
const MAX_SAFE_N = 9007199254740991n;

/** Normalises a bigint into the number form when it is a safe integer. */
export function normInt(v: bigint): IntValue {
  return v >= -MAX_SAFE_N && v <= MAX_SAFE_N ? Number(v) : v;
}

export function big(v: IntValue): bigint {
  return typeof v === 'bigint' ? v : BigInt(v);
}

export function sign(v: IntValue): -1 | 0 | 1 {
  return v > 0 ? 1 : v < 0 ? -1 : 0;
}

export function add(a: IntValue, b: IntValue): IntValue {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a + b;
    if (r <= MAX_SAFE && r >= -MAX_SAFE) return r;
  }
  return normInt(big(a) + big(b));
}

export function sub(a: IntValue, b: IntValue): IntValue {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a - b;
    if (r <= MAX_SAFE && r >= -MAX_SAFE) return r;
  }
  return normInt(big(a) - big(b));
}

export function mul(a: IntValue, b: IntValue): IntValue {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a * b;
    if (r <= MAX_SAFE && r >= -MAX_SAFE) return r === 0 ? 0 : r;
  }
  return normInt(big(a) * big(b));
}

export function neg(a: IntValue): IntValue {
  return typeof a === 'number' ? (a === 0 ? 0 : -a) : normInt(-a);
}

export function abs(a: IntValue): IntValue {
  return typeof a === 'number' ? Math.abs(a) : normInt(a < 0n ? -a : a);
}

// Objects/longobject.c l_divmod: the quotient rounded towards minus infinity (b != 0).
export function floorDiv(a: IntValue, b: IntValue): IntValue {
  if (typeof a === 'number' && typeof b === 'number') {
    const d = a - (mod(a, b) as number);
    if (d <= MAX_SAFE && d >= -MAX_SAFE) {
      const q = d / b;
      return q === 0 ? 0 : q;
    }
  }
  const A = big(a);
  const B = big(b);
  let q = A / B;
  if (A % B !== 0n && (A < 0n) !== (B < 0n)) q -= 1n;
  return normInt(q);
}

/** Python's %: the result has the sign of b (b != 0). */
export function mod(a: IntValue, b: IntValue): IntValue {
  if (typeof a === 'number' && typeof b === 'number') {
    let r = a % b;
    if (r !== 0 && (r < 0) !== (b < 0)) r += b;
    return r === 0 ? 0 : r;
  }
  const B = big(b);
  let r = big(a) % B;
  if (r !== 0n && (r < 0n) !== (B < 0n)) r += B;
  return normInt(r);
}

export function invert(a: IntValue): IntValue {
  return typeof a === 'number' ? sub(-a, 1) : normInt(-a - 1n);
}

function isInt32(v: IntValue): v is number {
  return typeof v === 'number' && (v | 0) === v;
}

export function and(a: IntValue, b: IntValue): IntValue {
  if (isInt32(a) && isInt32(b)) return a & b;
  return normInt(big(a) & big(b));
}

export function or(a: IntValue, b: IntValue): IntValue {
  if (isInt32(a) && isInt32(b)) return a | b;
  return normInt(big(a) | big(b));
}

export function xor(a: IntValue, b: IntValue): IntValue {
  if (isInt32(a) && isInt32(b)) return a ^ b;
  return normInt(big(a) ^ big(b));
}

/** a << n for 0 <= n (the caller checks the count and the size limit). */
export function lshift(a: IntValue, n: number): IntValue {
  if (typeof a === 'number' && n < 31) {
    const r = a * 2 ** n;
    if (r <= MAX_SAFE && r >= -MAX_SAFE) return r;
  }
  return normInt(big(a) << BigInt(n));
}

/** a >> n, rounding towards minus infinity, for 0 <= n. */
export function rshift(a: IntValue, n: number): IntValue {
  if (typeof a === 'number') {
    if (n >= 64) return a < 0 ? -1 : 0;
    return Math.floor(a / 2 ** n);
  }
  return normInt(a >> BigInt(n));
}

export function compare(a: IntValue, b: IntValue): -1 | 0 | 1 {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function bitLength(v: IntValue): number {
  if (typeof v === 'number') {
    const m = Math.abs(v);
    if (m < 0x80000000) return 32 - Math.clz32(m);
    return 64 - Math.clz32(Math.floor(m / 0x100000000));
  }
  return bigBitLength(v);
}

export function bitCount(v: IntValue): number {
  let m = big(v);
  if (m < 0n) m = -m;
  let n = 0;
  for (const c of m.toString(2)) if (c === '1') n++;
  return n;
}

/** b ** e for e >= 0 */
export function pow(b: IntValue, e: IntValue): IntValue {
  if (typeof b === 'number' && typeof e === 'number') {
    let result = 1;
    let base = b;
    let n = e;
    let exact = true;
    while (n > 0) {
      if (n & 1) {
        result *= base;
        if (Math.abs(result) > MAX_SAFE) {
          exact = false;
          break;
        }
      }
      n = Math.floor(n / 2);
      if (n > 0) {
        base *= base;
        if (Math.abs(base) > MAX_SAFE) {
          exact = false;
          break;
        }
      }
    }
    if (exact) return result === 0 ? 0 : result;
  }
  return normInt(big(b) ** big(e));
}

/** The inverse of a modulo m (m > 0), or null when gcd(a, m) != 1 (long_invmod). */
export function modInverse(a: bigint, m: bigint): bigint | null {
  let [r0, r1] = [((a % m) + m) % m, m];
  let [s0, s1] = [1n, 0n];
  while (r1 !== 0n) {
    const q = r0 / r1;
    [r0, r1] = [r1, r0 - q * r1];
    [s0, s1] = [s1, s0 - q * s1];
  }
  if (r0 !== 1n) return null;
  return ((s0 % m) + m) % m;
}

/** (b ** e) % m with the sign of m, for e >= 0 and m != 0. */
export function powMod(b: IntValue, e: IntValue, m: IntValue): IntValue {
  const M = big(m);
  const absM = M < 0n ? -M : M;
  let base = ((big(b) % absM) + absM) % absM;
  let n = big(e);
  let r = absM === 1n ? 0n : 1n;
  while (n > 0n) {
    if (n & 1n) r = (r * base) % absM;
    n >>= 1n;
    if (n > 0n) base = (base * base) % absM;
  }
  if (M < 0n && r !== 0n) r -= absM;
  return normInt(r);
}

/** PyLong_AsDouble: correctly rounded; Infinity signals overflow to the caller. */
export function toDouble(v: IntValue): number {
  return typeof v === 'number' ? v : Number(v);
}

/** a / b correctly rounded (long_true_divide), b != 0; Infinity signals overflow. */
export function trueDivide(a: IntValue, b: IntValue): number {
  if (typeof a === 'number' && typeof b === 'number') return a / b;
  const A = big(a);
  const B = big(b);
  const negative = (A < 0n) !== (B < 0n);
  const r = ratioToDouble(A < 0n ? -A : A, B < 0n ? -B : B);
  return negative ? -r : r;
}

/** The int part of a finite double (PyLong_FromDouble). */
export function fromDouble(x: number): IntValue {
  const t = Math.trunc(x);
  if (t <= MAX_SAFE && t >= -MAX_SAFE) return t === 0 ? 0 : t;
  return BigInt(t);
}

/** _PyHASH_MODULUS: the Mersenne prime 2**61 - 1. */
export const HASH_MODULUS = (1n << 61n) - 1n;
const HASH_MODULUS_NUM = 2 ** 61 - 1;

// Objects/longobject.c long_hash: sign * (|v| mod 2**61-1), with -1 reserved for errors.
export function hashInt(v: IntValue): bigint {
  if (typeof v === 'number' && v > -HASH_MODULUS_NUM && v < HASH_MODULUS_NUM) {
    return v === -1 ? -2n : BigInt(v);
  }
  const V = big(v);
  let h = (V < 0n ? -V : V) % HASH_MODULUS;
  if (V < 0n) h = -h;
  return h === -1n ? -2n : h;
}

/** Exact comparison of an int with a finite double. */
export function compareWithDouble(v: IntValue, x: number): -1 | 0 | 1 {
  const f = Math.floor(x);
  const c = typeof v === 'number' && Number.isSafeInteger(f) ? compare(v, f) : compare(big(v), BigInt(f));
  if (c !== 0) return c;
  return f === x ? 0 : -1;
}
