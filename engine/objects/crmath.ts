// Correctly rounded exp, log, log2 and pow. CPython calls the C library, and glibc's exp, log,
// log2 and pow round correctly, where the host's Math functions may be one unit off in the last
// place; here the result is computed in double-double arithmetic (about 100 bits) and rounded
// once, so that `2 ** 2.5` and `math.exp(1)` print CPython's digits.
import { ldexpExact, ratioToDouble, decompose } from './dtoa.js';

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
  const { mantissa, exponent } = decompose(x);
  const bits = mantissa.toString(2).length;
  let e = exponent + bits - 1;
  let m = ldexpExact(Number(mantissa), 1 - bits);
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

/** Correctly rounded x**y for finite x > 0 and finite y (the caller handles signs and
 *  special values); Infinity or 0 when the result overflows or underflows. */
export function crPow(x: number, y: number): number {
  if (y === 1) return x;
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
