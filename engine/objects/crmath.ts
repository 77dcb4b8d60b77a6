// Correctly rounded exp, log, log2 and pow. CPython calls the C library, and glibc's exp, log,
// log2 and pow round correctly, where the host's Math functions may be one unit off in the last
// place; here the result is computed in double-double arithmetic (about 100 bits) and rounded
// once, so that `2 ** 2.5` and `math.exp(1)` print CPython's digits.
import { pow2, ratioToDouble, decompose } from './dtoa.js';

const bits = new DataView(new ArrayBuffer(8));

/** A double-double: the unevaluated sum hi + lo with |lo| <= ulp(hi) / 2. */
interface DD {
  hi: number;
  lo: number;
}

const SPLITTER = 134217729.0;

function twoSum(a: number, b: number): DD {
  const s = a + b;
  const bb = s - a;
  return { hi: s, lo: a - (s - bb) + (b - bb) };
}

function quickTwoSum(a: number, b: number): DD {
  const s = a + b;
  return { hi: s, lo: b - (s - a) };
}

function split(a: number): [number, number] {
  const t = SPLITTER * a;
  const hi = t - (t - a);
  return [hi, a - hi];
}

function twoProd(a: number, b: number): DD {
  const p = a * b;
  const [ah, al] = split(a);
  const [bh, bl] = split(b);
  return { hi: p, lo: ah * bh - p + ah * bl + al * bh + al * bl };
}

function add(a: DD, b: DD): DD {
  const s = twoSum(a.hi, b.hi);
  const t = twoSum(a.lo, b.lo);
  let r = quickTwoSum(s.hi, s.lo + t.hi);
  r = quickTwoSum(r.hi, r.lo + t.lo);
  return r;
}

function mul(a: DD, b: DD): DD {
  const p = twoProd(a.hi, b.hi);
  return quickTwoSum(p.hi, p.lo + (a.hi * b.lo + a.lo * b.hi));
}

function divD(a: DD, b: number): DD {
  const q1 = a.hi / b;
  const p = twoProd(q1, b);
  return quickTwoSum(q1, (a.hi - p.hi - p.lo + a.lo) / b);
}

function mulD(a: DD, b: number): DD {
  const p = twoProd(a.hi, b);
  return quickTwoSum(p.hi, p.lo + a.lo * b);
}

const LN2: DD = { hi: 0.6931471805599453, lo: 2.3190468138462996e-17 };

/** exp of a double-double argument of moderate size (|a| < 800), as hi + lo and a power of 2. */
function expDD(a: DD): { m: DD; k: number } {
  const k = Math.round(a.hi / LN2.hi);
  // r = a - k*ln2, with k*ln2 exact in double-double.
  let r = add(a, mulD({ hi: -LN2.hi, lo: -LN2.lo }, k));
  const SQUARINGS = 10;
  r = { hi: r.hi / 1024, lo: r.lo / 1024 };
  // exp(r) - 1 by its Taylor series, |r| < 4e-4.
  let term = r;
  let sum = r;
  for (let n = 2; n <= 10; n++) {
    term = divD(mul(term, r), n);
    sum = add(sum, term);
  }
  // (1 + s)**2 = 1 + (2s + s*s), kept as s to preserve its low bits.
  for (let i = 0; i < SQUARINGS; i++) sum = add(mulD(sum, 2), mul(sum, sum));
  return { m: add({ hi: 1, lo: 0 }, sum), k };
}

/** Rounds m * 2**k to the nearest double (m a double-double near 1). */
function scaled(m: DD, k: number): number {
  if (k > -1000 && k < 1000) {
    const r = m.hi + m.lo;
    return r * 2 ** k;
  }
  // Extreme results: exact rational rounding of (hi + lo) * 2**k.
  const toRatio = (x: number): [bigint, number] => {
    const { mantissa, exponent } = decompose(x);
    return [x < 0 ? -mantissa : mantissa, exponent];
  };
  const [mh, eh] = toRatio(m.hi);
  const [ml, el] = toRatio(m.lo);
  const e = Math.min(eh, el);
  const num = (mh << BigInt(eh - e)) + (ml << BigInt(el - e));
  const shift = e + k;
  if (shift > 1100) return Infinity;
  if (shift >= 0) return ratioToDouble(num << BigInt(shift), 1n);
  return ratioToDouble(num, 1n << BigInt(-shift));
}

/** Correctly rounded e**x. */
export function crExp(x: number): number {
  if (!Number.isFinite(x)) return Math.exp(x);
  if (x > 709.8) return Infinity;
  if (x < -745.2) return 0;
  if (Math.abs(x) < 1e-300) return 1;
  const { m, k } = expDD({ hi: x, lo: 0 });
  return scaled(m, k);
}

/** log(x) as a double-double, x positive and finite: a Newton step on the host's log. */
function logDD(x: number): DD {
  const l0 = Math.log(x);
  const { m, k } = expDD({ hi: -l0, lo: 0 });
  // x * exp(-l0) - 1, exactly scaled by 2**k.
  const p = mulD(m, x);
  const t = add({ hi: p.hi * 2 ** k, lo: p.lo * 2 ** k }, { hi: -1, lo: 0 });
  return add({ hi: l0, lo: 0 }, t);
}

/** log of x scaled into [0.5, 2) first, so that subnormal and huge x stay accurate. */
function logScaled(x: number): DD {
  // x = m * 2**e with m in [1, 2); subnormals are scaled into the normal range first.
  const sub = x < 2 ** -1022;
  const y = sub ? x * 2 ** 64 : x;
  bits.setFloat64(0, y);
  let e = ((bits.getUint32(0) >>> 20) & 0x7ff) - 1023;
  let m = y * pow2(-e);
  if (sub) e -= 64;
  // Around 1 from both sides: m in [sqrt(1/2), sqrt(2)) keeps log(m) free of cancellation.
  if (m > Math.SQRT2) {
    m /= 2;
    e += 1;
  }
  return add(logDD(m), mulD(LN2, e));
}

/** Correctly rounded natural logarithm for positive finite x. */
export function crLog(x: number): number {
  if (x === 1) return 0;
  const l = logScaled(x);
  return l.hi + l.lo;
}

/** Correctly rounded log2 for positive finite x. */
export function crLog2(x: number): number {
  const { mantissa, exponent } = decompose(x);
  if ((mantissa & (mantissa - 1n)) === 0n) return exponent + mantissa.toString(2).length - 1;
  const l = logScaled(x);
  const q1 = l.hi / LN2.hi;
  const r = add(l, mulD({ hi: -LN2.hi, lo: -LN2.lo }, q1));
  return q1 + r.hi / LN2.hi;
}

/** x**n exactly rounded for an integer n, or null when the exact value is too costly. */
function intPow(x: number, n: number): number | null {
  const { mantissa, exponent } = decompose(Math.abs(x));
  if (Math.abs(n) * mantissa.toString(2).length > 70000) return null;
  const mn = mantissa ** BigInt(Math.abs(n));
  const e = exponent * n;
  let r: number;
  if (n > 0) r = e >= 0 ? ratioToDouble(mn << BigInt(e), 1n) : ratioToDouble(mn, 1n << BigInt(-e));
  else r = e >= 0 ? ratioToDouble(1n << BigInt(e), mn) : ratioToDouble(1n, mn << BigInt(-e));
  return r;
}

/** x**n for 3 <= |n| <= 8 by double-double products (one rounding at the end). */
function smallPow(x: number, n: number): number {
  let p: DD = { hi: x, lo: 0 };
  for (let i = 1; i < Math.abs(n); i++) p = mulD(p, x);
  if (!Number.isFinite(p.hi) || Number.isNaN(p.lo)) return n > 0 ? Infinity : 0;
  if (n > 0) return p.hi + p.lo;
  const q = divDD({ hi: 1, lo: 0 }, p);
  return q.hi + q.lo;
}

/** Correctly rounded x**y for finite x > 0 and finite y (the caller handles signs and
 *  special values); Infinity or 0 when the result overflows or underflows. */
export function crPow(x: number, y: number): number {
  if (y === 0) return 1;
  if (y === 1) return x;
  if (y === 2) return x * x;
  if (y === -1) return 1 / x;
  if (Number.isInteger(y) && Math.abs(y) <= 8) return smallPow(x, y);
  if (Number.isInteger(y)) {
    const r = intPow(x, y);
    if (r !== null) return r;
  }
  if (y === 0.5) return Math.sqrt(x);
  const a = mulD(logScaled(x), y);
  if (a.hi > 709.8) return Infinity;
  if (a.hi < -745.2) return 0;
  const { m, k } = expDD(a);
  return scaled(m, k);
}

/** Correctly rounded sqrt(x*x + y*y) for finite x, y, from the exact sum of squares (glibc's
 *  hypot rounds correctly). */
export function crHypot(x: number, y: number): number {
  if (x === 0 && y === 0) return 0;
  const a = decompose(Math.abs(x));
  const b = decompose(Math.abs(y));
  // Both squares over the common power of two 2**(2e).
  const e = Math.min(a.exponent, b.exponent);
  const ma = a.mantissa << BigInt(a.exponent - e);
  const mb = b.mantissa << BigInt(b.exponent - e);
  let n = ma * ma + mb * mb;
  // Scale n by 4**s so that its square root has at least 60 bits, then round with a sticky bit.
  const nbits = n.toString(2).length;
  const s = Math.max(0, Math.ceil((122 - nbits) / 2));
  n <<= BigInt(2 * s);
  const r = isqrt(n);
  const exact = r * r === n;
  // sqrt(n) * 2**(e - s): round r (plus a sticky half-bit when inexact) to a double.
  const twice = (r << 1n) | (exact ? 0n : 1n);
  const shift = e - s - 1;
  return shift >= 0 ? ratioToDouble(twice << BigInt(shift), 1n) : ratioToDouble(twice, 1n << BigInt(-shift));
}

/** floor(sqrt(n)) for n >= 0, by Newton's iteration from an upper bound. */
export function isqrt(n: bigint): bigint {
  if (n < 2n) return n;
  let x = 1n << BigInt(Math.ceil(n.toString(2).length / 2));
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) return x;
    x = y;
  }
}

// ------------------------------------------------------------------ trigonometry
// glibc's sin, cos, tan, atan, atan2, asin and acos (the IBM Accurate Mathematical Library)
// round correctly; so do these, for arguments up to 2**20 in magnitude (beyond, the host's).

/** pi to 100 digits, the source of the double-double constants below. */
const PI_DIGITS = 31415926535897932384626433832795028841971693993751058209749445923078164062862089986280348253421170679n;
const PI_SCALE = 10n ** 100n;

/** pi * num / den split into three doubles, each the rounded remainder of the ones before. */
function piParts(num: bigint, den: bigint): [number, number, number] {
  const SCALE = 400n;
  // The value in units of 2**-400: far finer than the three parts need.
  let rest = ((PI_DIGITS * num) << SCALE) / (PI_SCALE * den);
  const parts: number[] = [];
  for (let i = 0; i < 3; i++) {
    const magnitude = ratioToDouble(rest < 0n ? -rest : rest, 1n << SCALE);
    const p = rest < 0n ? -magnitude : magnitude;
    parts.push(p);
    const { mantissa, exponent } = decompose(magnitude);
    const units = mantissa << BigInt(exponent + Number(SCALE));
    rest -= p < 0 ? -units : units;
  }
  return parts as [number, number, number];
}

const [PIO2_1, PIO2_2, PIO2_3] = piParts(1n, 2n);
const PI_DD: DD = (() => {
  const [a, b] = piParts(1n, 1n);
  return { hi: a, lo: b };
})();
const PIO2_DD: DD = { hi: PIO2_1, lo: PIO2_2 };

function neg(a: DD): DD {
  return { hi: -a.hi, lo: -a.lo };
}

function divDD(a: DD, b: DD): DD {
  const q1 = a.hi / b.hi;
  let r = add(a, neg(mulD(b, q1)));
  const q2 = r.hi / b.hi;
  r = add(r, neg(mulD(b, q2)));
  const q3 = r.hi / b.hi;
  return add(quickTwoSum(q1, q2), { hi: q3, lo: 0 });
}

function sqrtDD(a: DD): DD {
  const s = Math.sqrt(a.hi);
  const e = add(a, neg(twoProd(s, s)));
  return quickTwoSum(s, e.hi / (2 * s));
}

/** x - k*pi/2 in double-double, with k the nearest integer to x / (pi/2). */
function reduce(x: number): { r: DD; k: number } {
  const k = Math.round(x / PIO2_1);
  let r: DD = { hi: x, lo: 0 };
  r = add(r, neg(twoProd(k, PIO2_1)));
  r = add(r, neg(twoProd(k, PIO2_2)));
  r = add(r, neg(twoProd(k, PIO2_3)));
  return { r, k };
}

/** sin and cos of a reduced argument |r| <= pi/4 by their Taylor series. */
function sinCosDD(r: DD): { s: DD; c: DD } {
  const r2 = mul(r, r);
  let term: DD = r;
  let s: DD = r;
  for (let n = 3; n < 40; n += 2) {
    term = neg(divD(mul(term, r2), (n - 1) * n));
    s = add(s, term);
    if (Math.abs(term.hi) < 1e-40) break;
  }
  term = { hi: 1, lo: 0 };
  let c: DD = term;
  for (let n = 2; n < 40; n += 2) {
    term = neg(divD(mul(term, r2), (n - 1) * n));
    c = add(c, term);
    if (Math.abs(term.hi) < 1e-40) break;
  }
  return { s, c };
}

const LIMIT = 2 ** 20;

function sinCosOf(x: number): { s: DD; c: DD } {
  const { r, k } = reduce(x);
  const { s, c } = sinCosDD(r);
  switch (((k % 4) + 4) % 4) {
    case 0: return { s, c };
    case 1: return { s: c, c: neg(s) };
    case 2: return { s: neg(s), c: neg(c) };
    default: return { s: neg(c), c: s };
  }
}

export function crSin(x: number): number {
  if (!Number.isFinite(x) || Math.abs(x) > LIMIT || Math.abs(x) < 1e-150) return Math.sin(x);
  const { s } = sinCosOf(x);
  return s.hi + s.lo;
}

export function crCos(x: number): number {
  if (!Number.isFinite(x) || Math.abs(x) > LIMIT) return Math.cos(x);
  const { c } = sinCosOf(x);
  return c.hi + c.lo;
}

export function crTan(x: number): number {
  if (!Number.isFinite(x) || Math.abs(x) > LIMIT || Math.abs(x) < 1e-150) return Math.tan(x);
  const { s, c } = sinCosOf(x);
  const t = divDD(s, c);
  return t.hi + t.lo;
}

/** atan of a double-double argument: a Newton step on the host's atan. */
function atanDD(t: DD): DD {
  const y0 = Math.atan(t.hi);
  const { s, c } = sinCosOf(y0);
  // y1 = y0 - cos(y0) * (sin(y0) - t*cos(y0))
  const d = mul(c, add(s, neg(mul(t, c))));
  return add({ hi: y0, lo: 0 }, neg(d));
}

/** atan2 of double-double coordinates, both finite and not both zero. */
function atan2DD(y: DD, x: DD): DD {
  if (Math.abs(y.hi) <= Math.abs(x.hi)) {
    const a = atanDD(divDD(y, x));
    if (x.hi > 0) return a;
    return y.hi < 0 || Object.is(y.hi, -0) ? add(a, neg(PI_DD)) : add(a, PI_DD);
  }
  const a = atanDD(divDD(x, y));
  return y.hi > 0 ? add(PIO2_DD, neg(a)) : add(neg(PIO2_DD), neg(a));
}

export function crAtan(x: number): number {
  if (!Number.isFinite(x) || Math.abs(x) < 1e-150 || Math.abs(x) > 1e150) return Math.atan(x);
  const a = atanDD({ hi: x, lo: 0 });
  return a.hi + a.lo;
}

export function crAtan2(y: number, x: number): number {
  if (!Number.isFinite(x) || !Number.isFinite(y) || y === 0 || x === 0) return Math.atan2(y, x);
  const ratio = Math.abs(y / x);
  if (ratio < 1e-150 || ratio > 1e150) return Math.atan2(y, x);
  const a = atan2DD({ hi: y, lo: 0 }, { hi: x, lo: 0 });
  return a.hi + a.lo;
}

/** sqrt(1 - x*x) in double-double for |x| < 1. */
function cosOfAsin(x: number): DD {
  return sqrtDD(add({ hi: 1, lo: 0 }, neg(twoProd(x, x))));
}

export function crAsin(x: number): number {
  if (!(Math.abs(x) < 1) || Math.abs(x) < 1e-150) return Math.asin(x);
  const a = atan2DD({ hi: x, lo: 0 }, cosOfAsin(x));
  return a.hi + a.lo;
}

export function crAcos(x: number): number {
  if (!(Math.abs(x) < 1)) return Math.acos(x);
  const a = atan2DD(cosOfAsin(x), { hi: x, lo: 0 });
  return a.hi + a.lo;
}
