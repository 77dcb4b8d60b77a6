// The math module (Modules/mathmodule.c) as native functions: libm wrappers with CPython's
// domain and range errors, exact integer functions, fsum's exact summation, hypot/dist's
// vector_norm and the Lanczos gamma functions.
import { decref, type PyObject } from '../objects/object.js';
import type { NativeFunctionDef, NativeCode } from '../objects/native.js';
import { binaryOp, BinaryOp, call, forEach, collect, index, lookupSpecial } from '../objects/abstract.js';
import { None } from '../objects/singletons.js';
import { overflowError, typeError, valueError } from '../objects/exceptions.js';
import { PyInt, newBool, newInt, intFromDouble } from '../objects/int.js';
import * as ops from '../objects/intops.js';
import { PyFloat, asDouble, newFloat, floatType } from '../objects/float.js';
import { newTuple } from '../objects/tuple.js';
import { decompose, ldexpExact, ratioToDouble } from '../objects/dtoa.js';
import { unpackArgs } from '../objects/args.js';
import { MATH_DOCS } from './mathdocs.js';
import {
  crAcos, crAsin, crAtan, crAtan2, crCos, crExp, crLog, crLog2, crPow, crSin, crTan, isqrt as isqrtExact,
} from '../objects/crmath.js';

const domainError = (): never => {
  throw valueError('math domain error');
};
const rangeError = (): never => {
  throw overflowError('math range error');
};

// Modules/mathmodule.c math_1: NaN from a non-NaN is a domain error; infinity from a finite
// argument is an overflow (can_overflow) or a singularity (a domain error).
function math1(fn: (x: number) => number, canOverflow: boolean): (self: PyObject, arg: PyObject) => PyObject {
  return (_self, arg) => {
    const x = asDouble(arg);
    const r = fn(x);
    if (Number.isNaN(r) && !Number.isNaN(x)) domainError();
    if (!Number.isFinite(r) && !Number.isNaN(r) && Number.isFinite(x)) {
      if (canOverflow) rangeError();
      domainError();
    }
    return newFloat(r);
  };
}

// Modules/mathmodule.c math_2
function math2(name: string, fn: (x: number, y: number) => number): NativeCode {
  return {
    kind: 'fast',
    fn: (_self, args) => {
      const [x, y] = twoDoubles(args, name);
      const r = fn(x, y);
      if (Number.isNaN(r) && !Number.isNaN(x) && !Number.isNaN(y)) domainError();
      if (!Number.isFinite(r) && !Number.isNaN(r) && Number.isFinite(x) && Number.isFinite(y)) rangeError();
      return newFloat(r);
    },
  };
}

function checkArity(name: string, args: PyObject[], n: number): void {
  if (args.length !== n) throw typeError(`${name} expected ${n} arguments, got ${args.length}`);
}

function twoDoubles(args: PyObject[], name: string): [number, number] {
  checkArity(name, args, 2);
  return [asDouble(args[0]!), asDouble(args[1]!)];
}

// ------------------------------------------------------------------ logarithms

/** _PyLong_Frexp: |v| = m * 2**e with m in [0.5, 1), m correctly rounded. */
function intFrexp(v: bigint): [number, number] {
  const bits = ops.bitLength(v);
  const m = ratioToDouble(v < 0n ? -v : v, 1n << BigInt(bits));
  return m === 1 ? [0.5, bits + 1] : [m, bits];
}

// Modules/mathmodule.c m_log and friends: errors for zero and negatives before libm.
function logOf(fn: (x: number) => number): (x: number) => number {
  return (x) => {
    if (Number.isFinite(x)) return x > 0 ? fn(x) : NaN;
    if (Number.isNaN(x) || x > 0) return x;
    return NaN;
  };
}
const mLog = logOf(crLog);
const mLog2 = logOf(crLog2);
const mLog10 = logOf(log10);

// Modules/mathmodule.c loghelper: ints of any size, through frexp when too big for a double.
function logHelper(arg: PyObject, fn: (x: number) => number): number {
  if (arg instanceof PyInt) {
    const v = arg.value;
    if (v <= 0) domainError();
    const x = ops.toDouble(v);
    if (Number.isFinite(x)) return fn(x);
    const [m, e] = intFrexp(ops.big(v));
    return fn(m) + fn(2.0) * e;
  }
  const x = asDouble(arg);
  const r = fn(x);
  if (Number.isNaN(r) && !Number.isNaN(x)) domainError();
  return r;
}

function mathLog(_self: PyObject, args: PyObject[]): PyObject {
  if (args.length < 1 || args.length > 2) {
    throw typeError(`log expected at ${args.length < 1 ? 'least 1' : 'most 2'} argument${args.length < 1 ? '' : 's'}, got ${args.length}`);
  }
  const num = logHelper(args[0]!, mLog);
  if (args.length === 1) return newFloat(num);
  const den = logHelper(args[1]!, mLog);
  const a = newFloat(num);
  const b = newFloat(den);
  try {
    return binaryOp(a, b, BinaryOp.TRUE_DIVIDE);
  } finally {
    decref(a);
    decref(b);
  }
}

// ------------------------------------------------------------------ rounding

function floorCeil(name: '__floor__' | '__ceil__', fn: (x: number) => number) {
  return (_self: PyObject, x: PyObject): PyObject => {
    if (x.type !== floatType) {
      const m = lookupSpecial(x, name);
      if (m !== null) {
        try {
          return call(m, []);
        } finally {
          decref(m);
        }
      }
    }
    return newInt(intFromDouble(fn(asDouble(x))));
  };
}

function mathTrunc(_self: PyObject, x: PyObject): PyObject {
  if (x.type === floatType) return newInt(intFromDouble((x as PyFloat).value));
  const m = lookupSpecial(x, '__trunc__');
  if (m === null) throw typeError(`type ${x.type.name} doesn't define __trunc__ method`);
  try {
    return call(m, []);
  } finally {
    decref(m);
  }
}

// ------------------------------------------------------------------ integers

function intArg(o: PyObject): bigint {
  const i = index(o);
  const v = i.value;
  decref(i);
  return ops.big(v);
}

// Modules/mathmodule.c math_factorial (the product itself by binary splitting)
function factorial(_self: PyObject, arg: PyObject): PyObject {
  const n = intArg(arg);
  if (n < 0n) throw valueError('factorial() not defined for negative values');
  if (n > 9223372036854775807n) throw overflowError('factorial() argument should not exceed 9223372036854775807');
  return newInt(ops.normInt(rangeProduct(1n, n)));
}

/** lo * (lo+1) * ... * hi */
function rangeProduct(lo: bigint, hi: bigint): bigint {
  if (hi < lo) return 1n;
  if (hi - lo < 16n) {
    let p = 1n;
    for (let i = lo; i <= hi; i++) p *= i;
    return p;
  }
  const mid = (lo + hi) / 2n;
  return rangeProduct(lo, mid) * rangeProduct(mid + 1n, hi);
}

function nonNegative(v: bigint, what: 'n' | 'k'): void {
  if (v < 0n) throw valueError(`${what} must be a non-negative integer`);
}

// Modules/mathmodule.c math_comb_impl
function comb(_self: PyObject, args: PyObject[]): PyObject {
  checkArity('comb', args, 2);
  const n = intArg(args[0]!);
  let k = intArg(args[1]!);
  nonNegative(n, 'n');
  nonNegative(k, 'k');
  if (k > n) return newInt(0);
  if (n - k < k) k = n - k;
  return newInt(ops.normInt(rangeProduct(n - k + 1n, n) / rangeProduct(1n, k)));
}

// Modules/mathmodule.c math_perm_impl
function perm(_self: PyObject, args: PyObject[]): PyObject {
  if (args.length < 1 || args.length > 2) {
    throw typeError(`perm expected at ${args.length < 1 ? 'least 1' : 'most 2'} argument${args.length < 1 ? '' : 's'}, got ${args.length}`);
  }
  const n = intArg(args[0]!);
  if (args.length === 1 || args[1] === None) {
    nonNegative(n, 'n');
    return newInt(ops.normInt(rangeProduct(1n, n)));
  }
  const k = intArg(args[1]!);
  nonNegative(n, 'n');
  nonNegative(k, 'k');
  if (k > n) return newInt(0);
  return newInt(ops.normInt(rangeProduct(n - k + 1n, n)));
}

function isqrt(_self: PyObject, arg: PyObject): PyObject {
  const n = intArg(arg);
  if (n < 0n) throw valueError('isqrt() argument must be nonnegative');
  return newInt(ops.normInt(isqrtExact(n)));
}

function gcdBig(a: bigint, b: bigint): bigint {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

function gcd(_self: PyObject, args: PyObject[]): PyObject {
  let g = 0n;
  for (const a of args) g = gcdBig(g, intArg(a));
  return newInt(ops.normInt(g));
}

function lcm(_self: PyObject, args: PyObject[]): PyObject {
  let l = 1n;
  for (const a of args) {
    const v = intArg(a);
    if (l === 0n || v === 0n) {
      l = 0n;
      continue;
    }
    const m = (l / gcdBig(l, v)) * v;
    l = m < 0n ? -m : m;
  }
  return newInt(ops.normInt(l));
}

// ------------------------------------------------------------------ sums and norms

// Modules/mathmodule.c math_fsum: Shewchuk's exact partials with half-even correction.
function fsum(_self: PyObject, seq: PyObject): PyObject {
  const p: number[] = [];
  let specialSum = 0;
  let infSum = 0;
  forEach(seq, (item) => {
    let x = asDouble(item);
    const xsave = x;
    let i = 0;
    for (let j = 0; j < p.length; j++) {
      let y = p[j]!;
      if (Math.abs(x) < Math.abs(y)) [x, y] = [y, x];
      const hi = x + y;
      const yr = hi - x;
      const lo = y - yr;
      if (lo !== 0) p[i++] = lo;
      x = hi;
    }
    p.length = i;
    if (x !== 0) {
      if (!Number.isFinite(x)) {
        if (Number.isFinite(xsave)) throw overflowError('intermediate overflow in fsum');
        if (!Number.isNaN(xsave)) infSum += xsave;
        specialSum += xsave;
        p.length = 0;
      } else {
        p.push(x);
      }
    }
  });
  if (specialSum !== 0) {
    if (Number.isNaN(infSum)) throw valueError('-inf + inf in fsum');
    return newFloat(specialSum);
  }
  let hi = 0;
  let n = p.length;
  if (n > 0) {
    hi = p[--n]!;
    let lo = 0;
    while (n > 0) {
      const x = hi;
      const y = p[--n]!;
      hi = x + y;
      const yr = hi - x;
      lo = y - yr;
      if (lo !== 0) break;
    }
    if (n > 0 && ((lo < 0 && p[n - 1]! < 0) || (lo > 0 && p[n - 1]! > 0))) {
      const y = lo * 2;
      const x = hi + y;
      const yr = x - hi;
      if (y === yr) hi = x;
    }
  }
  return newFloat(hi);
}

const T27 = 134217729.0;

/** Veltkamp-Dekker split of x into a high half and the rest. */
function split(x: number): [number, number] {
  const t = x * T27;
  const hi = t - (t - x);
  return [hi, x - hi];
}

// Modules/mathmodule.c vector_norm (3.11): scaled, compensated sum of squares with a
// differential correction of the square root.
function vectorNorm(vec: number[], max: number, foundNan: boolean): number {
  if (!Number.isFinite(max) && !Number.isNaN(max)) return max;
  if (foundNan) return NaN;
  if (max === 0 || vec.length <= 1) return max;
  let csum = 1.0;
  let frac1 = 0.0;
  let frac2 = 0.0;
  let frac3 = 0.0;
  const add = (x: number, which: 1 | 2 | 3): void => {
    const old = csum;
    csum += x;
    const d = old - csum + x;
    if (which === 1) frac1 += d;
    else if (which === 2) frac2 += d;
    else frac3 += d;
  };
  const maxE = frexpParts(max)[1];
  if (maxE >= -1023) {
    const scale = ldexpExact(1, -maxE);
    for (const v of vec) {
      const [hi, lo] = split(v * scale);
      add(hi * hi, 1);
      add(2.0 * hi * lo, 2);
      frac3 += lo * lo;
    }
    const h = Math.sqrt(csum - 1.0 + (frac1 + frac2 + frac3));
    const [hi, lo] = split(h);
    add(-hi * hi, 1);
    add(-2.0 * hi * lo, 2);
    add(-lo * lo, 3);
    const x = csum - 1.0 + (frac1 + frac2 + frac3);
    return (h + x / (2.0 * h)) / scale;
  }
  for (const v of vec) {
    const x = v / max;
    add(x * x, 1);
  }
  return max * Math.sqrt(csum - 1.0 + frac1);
}

function normOf(values: number[]): number {
  let max = 0;
  let foundNan = false;
  const vec = values.map((v) => {
    const x = Math.abs(v);
    if (Number.isNaN(x)) foundNan = true;
    if (x > max) max = x;
    return x;
  });
  return vectorNorm(vec, max, foundNan);
}

function hypot(_self: PyObject, args: PyObject[]): PyObject {
  return newFloat(normOf(args.map(asDouble)));
}

function dist(_self: PyObject, args: PyObject[]): PyObject {
  checkArity('dist', args, 2);
  const p = collect(args[0]!);
  const q = collect(args[1]!);
  try {
    if (p.length !== q.length) throw valueError('both points must have the same number of dimensions');
    return newFloat(normOf(p.map((x, i) => asDouble(x) - asDouble(q[i]!))));
  } finally {
    for (const o of p) decref(o);
    for (const o of q) decref(o);
  }
}

// Modules/mathmodule.c math_prod_impl: generic multiplication from `start`.
function prod(_self: PyObject, args: PyObject[], kwnames: readonly string[] | null): PyObject {
  const [iterable, start] = unpackArgs({ fname: 'prod', names: ['iterable', 'start'], posOnly: 1, kwOnlyFrom: 1, required: 1 }, args, kwnames);
  let acc: PyObject = start ?? newInt(1);
  if (start) acc.refcnt++;
  try {
    forEach(iterable!, (item) => {
      const next = binaryOp(acc, item, BinaryOp.MULTIPLY);
      decref(acc);
      acc = next;
    });
  } catch (e) {
    decref(acc);
    throw e;
  }
  return acc;
}

// ------------------------------------------------------------------ floating-point helpers

/** frexp: x = m * 2**e with 0.5 <= |m| < 1 (m = x, e = 0 for zeros, infinities and NaN). */
function frexpParts(x: number): [number, number] {
  if (x === 0 || !Number.isFinite(x)) return [x, 0];
  const { mantissa, exponent } = decompose(x);
  const bits = ops.bitLength(mantissa);
  const m = ldexpExact(Number(mantissa), -bits);
  return [x < 0 ? -m : m, exponent + bits];
}

function ldexp(_self: PyObject, args: PyObject[]): PyObject {
  checkArity('ldexp', args, 2);
  const x = asDouble(args[0]!);
  if (!(args[1] instanceof PyInt)) throw typeError('Expected an int as second argument to ldexp.');
  const e = args[1].value;
  if (x === 0 || !Number.isFinite(x)) return newFloat(x);
  if (e > 2200) rangeError();
  if (e < -2200) return newFloat(x < 0 ? -0 : 0);
  const [m, me] = frexpParts(x);
  // Scale in two exact steps, rounding once at the end (subnormal results included).
  const total = me + Number(e);
  const r = total > 1024 ? Infinity : ratioScaled(m, total);
  if (!Number.isFinite(r)) rangeError();
  return newFloat(r);
}

/** m * 2**e for 0.5 <= |m| < 1, correctly rounded. */
function ratioScaled(m: number, e: number): number {
  const { mantissa, exponent } = decompose(m);
  const shift = exponent + e;
  const mag = shift >= 0 ? ratioToDouble(mantissa << BigInt(shift), 1n) : ratioToDouble(mantissa, 1n << BigInt(-shift));
  return m < 0 ? -mag : mag;
}

// Modules/mathmodule.c m_remainder: IEEE 754 remainder, the nearest multiple with ties to even.
function mRemainder(x: number, y: number): number {
  if (Number.isFinite(x) && Number.isFinite(y)) {
    if (y === 0) return NaN;
    const absx = Math.abs(x);
    const absy = Math.abs(y);
    const m = absx % absy;
    const c = absy - m;
    let r: number;
    if (m < c) r = m;
    else if (m > c) r = -c;
    else r = m - 2.0 * ((0.5 * (absx - m)) % absy);
    return (x < 0 || Object.is(x, -0) ? -1 : 1) * r;
  }
  if (Number.isNaN(x)) return x;
  if (Number.isNaN(y)) return y;
  if (!Number.isFinite(x)) return NaN;
  return x;
}

// Modules/mathmodule.c math_fmod_impl
function mFmod(x: number, y: number): number {
  if (!Number.isFinite(y) && !Number.isNaN(y) && Number.isFinite(x)) return x;
  return x % y;
}

// Modules/mathmodule.c math_pow_impl
function mathPow(_self: PyObject, args: PyObject[]): PyObject {
  const [x, y] = twoDoubles(args, 'pow');
  let r: number;
  if (!Number.isFinite(x) || !Number.isFinite(y)) {
    if (Number.isNaN(x)) r = y === 0 ? 1 : x;
    else if (Number.isNaN(y)) r = x === 1 ? 1 : y;
    else if (!Number.isFinite(x)) {
      const oddY = Number.isFinite(y) && Math.abs(y) % 2 === 1;
      if (y > 0) r = oddY ? x : Math.abs(x);
      else if (y === 0) r = 1;
      else r = oddY ? (x < 0 ? -0 : 0) : 0;
    } else if (Math.abs(x) === 1) r = 1;
    else if (y > 0 && Math.abs(x) > 1) r = y;
    else if (y < 0 && Math.abs(x) < 1) r = -y;
    else r = 0;
    return newFloat(r);
  }
  if (x === 1) return newFloat(1);
  r = x > 0 ? crPow(x, y) : x === 0 ? Math.pow(x, y) : signedPow(x, y);
  if (Number.isNaN(r)) domainError();
  if (!Number.isFinite(r)) {
    if (x === 0) domainError();
    rangeError();
  }
  return newFloat(r);
}

/** A negative base: an integral exponent decides the sign, any other gives NaN (C's pow). */
function signedPow(x: number, y: number): number {
  if (!Number.isInteger(y)) return NaN;
  const r = crPow(-x, y);
  return Math.abs(y) % 2 === 1 ? -r : r;
}

// Modules/mathmodule.c math_isclose_impl
function isclose(_self: PyObject, args: PyObject[], kwnames: readonly string[] | null): PyObject {
  const [aO, bO, relO, absO] = unpackArgs(
    { fname: 'isclose', names: ['a', 'b', 'rel_tol', 'abs_tol'], kwOnlyFrom: 2, required: 2 }, args, kwnames);
  const a = asDouble(aO!);
  const b = asDouble(bO!);
  const relTol = relO === undefined ? 1e-9 : asDouble(relO);
  const absTol = absO === undefined ? 0 : asDouble(absO);
  if (relTol < 0 || absTol < 0) throw valueError('tolerances must be non-negative');
  if (a === b) return newBool(true);
  if (!Number.isFinite(a) || !Number.isFinite(b)) return newBool(false);
  const diff = Math.abs(b - a);
  return newBool(diff <= Math.abs(relTol * b) || diff <= Math.abs(relTol * a) || diff <= absTol);
}

const view = new DataView(new ArrayBuffer(8));

/** The next double after x towards y (C99 nextafter). */
function nextafter(x: number, y: number): number {
  if (Number.isNaN(x) || Number.isNaN(y)) return NaN;
  if (x === y) return y;
  if (x === 0) return y > 0 ? 5e-324 : -5e-324;
  view.setFloat64(0, x);
  let bits = view.getBigUint64(0);
  bits += (y > x) === (x > 0) ? 1n : -1n;
  view.setBigUint64(0, bits);
  return view.getFloat64(0);
}

// Modules/mathmodule.c math_ulp_impl
function ulp(x: number): number {
  if (Number.isNaN(x)) return x;
  x = Math.abs(x);
  if (!Number.isFinite(x)) return x;
  const x2 = nextafter(x, Infinity);
  if (!Number.isFinite(x2)) return x - nextafter(x, -Infinity);
  return x2 - x;
}

// ------------------------------------------------------------------ gamma and erf

const LANCZOS_G = 6.024680040776729583740234375;
const LANCZOS_G_MINUS_HALF = 5.524680040776729583740234375;
const LANCZOS_NUM = [
  23531376880.410759688572007674451636754734846804940, 42919803642.649098768957899047001988850926355848959,
  35711959237.355668049440185451547166705960488635843, 17921034426.037209699919755754458931112671403265390,
  6039542586.3520280050642916443072979210699388420708, 1439720407.3117216736632230727949123939715485786772,
  248874557.86205415651146038641322942321632125127801, 31426415.585400194380614231628318205362874684987640,
  2876370.6289353724412254090516208496135991145378768, 186056.26539522349504029498971604569928220784236328,
  8071.6720023658162106380029022722506138218516325024, 210.82427775157934587250973392071336271166969580291,
  2.5066282746310002701649081771338373386264310793408,
];
const LANCZOS_DEN = [
  0.0, 39916800.0, 120543840.0, 150917976.0, 105258076.0, 45995730.0, 13339535.0, 2637558.0, 357423.0,
  32670.0, 1925.0, 66.0, 1.0,
];
const GAMMA_INTEGRAL = [
  1.0, 1.0, 2.0, 6.0, 24.0, 120.0, 720.0, 5040.0, 40320.0, 362880.0, 3628800.0, 39916800.0, 479001600.0,
  6227020800.0, 87178291200.0, 1307674368000.0, 20922789888000.0, 355687428096000.0, 6402373705728000.0,
  121645100408832000.0, 2432902008176640000.0, 51090942171709440000.0, 1124000727777607680000.0,
];
const LOGPI = 1.144729885849400174143427351353058711647;

// Modules/mathmodule.c lanczos_sum
function lanczosSum(x: number): number {
  let num = 0;
  let den = 0;
  if (x < 5.0) {
    for (let i = LANCZOS_NUM.length; --i >= 0;) {
      num = num * x + LANCZOS_NUM[i]!;
      den = den * x + LANCZOS_DEN[i]!;
    }
  } else {
    for (let i = 0; i < LANCZOS_NUM.length; i++) {
      num = num / x + LANCZOS_NUM[i]!;
      den = den / x + LANCZOS_DEN[i]!;
    }
  }
  return num / den;
}

// Modules/mathmodule.c m_sinpi
function sinpi(x: number): number {
  const y = Math.abs(x) % 2.0;
  const n = Math.round(2.0 * y);
  let r: number;
  switch (n) {
    case 0: r = crSin(Math.PI * y); break;
    case 1: r = crCos(Math.PI * (y - 0.5)); break;
    case 2: r = crSin(Math.PI * (1.0 - y)); break;
    case 3: r = -crCos(Math.PI * (y - 1.5)); break;
    default: r = crSin(Math.PI * (y - 2.0));
  }
  return (x < 0 || Object.is(x, -0) ? -1 : 1) * r;
}

// Modules/mathmodule.c m_tgamma
function tgamma(x: number): number {
  if (!Number.isFinite(x)) return Number.isNaN(x) || x > 0 ? x : domainError();
  if (x === 0) return domainError();
  if (x === Math.floor(x)) {
    if (x < 0) return domainError();
    if (x <= GAMMA_INTEGRAL.length) return GAMMA_INTEGRAL[x - 1]!;
  }
  const absx = Math.abs(x);
  if (absx < 1e-20) {
    const r = 1.0 / x;
    return Number.isFinite(r) ? r : rangeError();
  }
  if (absx > 200.0) return x < 0 ? 0.0 / sinpi(x) : rangeError();
  const y = absx + LANCZOS_G_MINUS_HALF;
  let z = absx > LANCZOS_G_MINUS_HALF ? y - absx - LANCZOS_G_MINUS_HALF : y - LANCZOS_G_MINUS_HALF - absx;
  z = (z * LANCZOS_G) / y;
  let r: number;
  if (x < 0) {
    r = ((-Math.PI / sinpi(absx) / absx) * crExp(y)) / lanczosSum(absx);
    r -= z * r;
    if (absx < 140.0) r /= crPow(y, absx - 0.5);
    else {
      const sqrtpow = crPow(y, absx / 2.0 - 0.25);
      r /= sqrtpow;
      r /= sqrtpow;
    }
  } else {
    r = lanczosSum(absx) / crExp(y);
    r += z * r;
    if (absx < 140.0) r *= crPow(y, absx - 0.5);
    else {
      const sqrtpow = crPow(y, absx / 2.0 - 0.25);
      r *= sqrtpow;
      r *= sqrtpow;
    }
  }
  return Number.isFinite(r) ? r : rangeError();
}

// Modules/mathmodule.c m_lgamma
function lgamma(x: number): number {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? x : Infinity;
  if (x === Math.floor(x) && x <= 2.0) return x <= 0 ? domainError() : 0.0;
  const absx = Math.abs(x);
  if (absx < 1e-20) return -crLog(absx);
  let r = crLog(lanczosSum(absx)) - LANCZOS_G;
  r += (absx - 0.5) * (crLog(absx + LANCZOS_G - 0.5) - 1);
  if (x < 0) r = LOGPI - crLog(Math.abs(sinpi(absx))) - crLog(absx) - r;
  return Number.isFinite(r) ? r : rangeError();
}

// The error functions of the C library (fdlibm's s_erf.c, which glibc uses): rational
// approximations on four intervals, with exp for the tails.
const ERX = 8.45062911510467529297e-01;
const EFX = 1.28379167095512586316e-01;
const EFX8 = 1.02703333676410069053e+00;
const PP = [1.28379167095512558561e-01, -3.25042107247001499370e-01, -2.84817495755985104766e-02,
  -5.77027029648944159157e-03, -2.37630166566501626084e-05];
const QQ = [1, 3.97917223959155352819e-01, 6.50222499887672944485e-02, 5.08130628187576562776e-03,
  1.32494738004321644526e-04, -3.96022827877536812320e-06];
const PA = [-2.36211856075265944077e-03, 4.14856118683748331666e-01, -3.72207876035701323847e-01,
  3.18346619901161753674e-01, -1.10894694282396677476e-01, 3.54783043256182359371e-02, -2.16637559486879084300e-03];
const QA = [1, 1.06420880400844228286e-01, 5.40397917702171048937e-01, 7.18286544141962662868e-02,
  1.26171219808761642112e-01, 1.36370839120290507362e-02, 1.19844998467991074170e-02];
const RA = [-9.86494403484714822705e-03, -6.93858572707181764372e-01, -1.05586262253232909814e+01,
  -6.23753324503260060396e+01, -1.62396669462573470355e+02, -1.84605092906711035994e+02,
  -8.12874355063065934246e+01, -9.81432934416914548592e+00];
const SA = [1, 1.96512716674392571292e+01, 1.37657754143519042600e+02, 4.34565877475229228821e+02,
  6.45387271733267880336e+02, 4.29008140027567833386e+02, 1.08635005541779435134e+02,
  6.57024977031928170135e+00, -6.04244152148580987438e-02];
const RB = [-9.86494292470009928597e-03, -7.99283237680523006574e-01, -1.77579549177547519889e+01,
  -1.60636384855821916062e+02, -6.37566443368389627722e+02, -1.02509513161107724954e+03, -4.83519191608651397019e+02];
const SB = [1, 3.03380607434824582924e+01, 3.25792512996573918826e+02, 1.53672958608443695994e+03,
  3.19985821950859553908e+03, 2.55305040643316442583e+03, 4.74528541206955367215e+02, -2.24409524465858183362e+01];

/** glibc's evaluation order: pairs c[2i] + z*c[2i+1] weighted by z**2i, summed from the left
 *  (the last bit of the result depends on it). */
function poly(c: readonly number[], z: number): number {
  const z2 = z * z;
  const z4 = z2 * z2;
  const powers = [1, z2, z4, z4 * z2, z4 * z4];
  let r = 0;
  for (let i = 0; 2 * i < c.length; i++) {
    const pair = 2 * i + 1 < c.length ? c[2 * i]! + z * c[2 * i + 1]! : c[2 * i]!;
    r = i === 0 ? pair : r + powers[i]! * pair;
  }
  return r;
}

const bits = new DataView(new ArrayBuffer(8));

/** x with the low 32 bits of its representation cleared. */
function highWord(x: number): number {
  bits.setFloat64(0, x);
  bits.setUint32(4, 0);
  return bits.getFloat64(0);
}

/** The high 32 bits of |x|, which s_erf.c compares its interval bounds against. */
function highBits(x: number): number {
  bits.setFloat64(0, x);
  return bits.getUint32(0) & 0x7fffffff;
}

/** erfc(x) for 1.25 <= x < 28: exp(-x*x - 0.5625 + R/S) / x, with x*x split exactly. */
function erfcTail(x: number): number {
  const s = 1 / (x * x);
  const [r, q] = highBits(x) < 0x4006db6e ? [poly(RA, s), poly(SA, s)] : [poly(RB, s), poly(SB, s)];
  const z = highWord(x);
  return (crExp(-z * z - 0.5625) * crExp((z - x) * (z + x) + r / q)) / x;
}

function erf(x: number): number {
  if (Number.isNaN(x)) return x;
  if (!Number.isFinite(x)) return x > 0 ? 1 : -1;
  const ax = Math.abs(x);
  if (ax < 0.84375) {
    if (ax < 2 ** -28) return ax < 2.848094538889218e-306 ? 0.125 * (8.0 * x + EFX8 * x) : x + EFX * x;
    const z = x * x;
    return x + x * (poly(PP, z) / poly(QQ, z));
  }
  const sign = x < 0 ? -1 : 1;
  if (ax < 1.25) return sign * (ERX + poly(PA, ax - 1) / poly(QA, ax - 1));
  if (ax >= 6) return sign;
  return sign * (1 - erfcTail(ax));
}

function erfc(x: number): number {
  if (Number.isNaN(x)) return x;
  if (!Number.isFinite(x)) return x > 0 ? 0 : 2;
  const ax = Math.abs(x);
  if (ax < 0.84375) {
    if (ax < 2 ** -56) return 1 - x;
    const z = x * x;
    const y = poly(PP, z) / poly(QQ, z);
    return x < 0.25 ? 1 - (x + x * y) : 0.5 - (x * y + (x - 0.5));
  }
  if (ax < 1.25) {
    const pq = poly(PA, ax - 1) / poly(QA, ax - 1);
    return x > 0 ? 1 - ERX - pq : 1 + (ERX + pq);
  }
  if (ax < 28) {
    if (x < -6) return 2;
    const t = erfcTail(ax);
    return x > 0 ? t : 2 - t;
  }
  return x > 0 ? 0 : 2;
}

// The hyperbolic functions and log10 as glibc computes them (fdlibm's e_cosh.c, s_asinh.c,
// e_acosh.c, e_log10.c) on top of its correctly rounded exp and log.
const LN2_D = 6.93147180559945286227e-01;

function cosh(x: number): number {
  if (!Number.isFinite(x)) return x * x;
  const ax = Math.abs(x);
  const ix = highBits(x);
  if (ix < 0x40360000) {
    if (ix < 0x3fd62e43) {
      if (ix < 0x3c800000) return 1;
      const t = Math.expm1(ax);
      const w = 1 + t;
      return 1 + (t * t) / (w + w);
    }
    const t = crExp(ax);
    return 0.5 * t + 0.5 / t;
  }
  if (ix < 0x40862e42) return 0.5 * crExp(ax);
  const w = crExp(0.5 * ax);
  return 0.5 * w * w;
}

function asinh(x: number): number {
  if (!Number.isFinite(x)) return x + x;
  const ix = highBits(x);
  if (ix < 0x3e300000) return x;
  const ax = Math.abs(x);
  let w: number;
  if (ix > 0x41b00000) w = crLog(ax) + LN2_D;
  else if (ix > 0x40000000) w = crLog(2.0 * ax + 1 / (Math.sqrt(x * x + 1) + ax));
  else {
    const t = x * x;
    w = Math.log1p(ax + t / (1 + Math.sqrt(1 + t)));
  }
  return x > 0 ? w : -w;
}

function acosh(x: number): number {
  if (Number.isNaN(x) || x < 1) return NaN;
  if (x >= 2 ** 28) return Number.isFinite(x) ? crLog(x) + LN2_D : x + x;
  if (x === 1) return 0;
  if (x > 2) return crLog(2.0 * x - 1 / (x + Math.sqrt(x * x - 1)));
  const t = x - 1;
  return Math.log1p(t + Math.sqrt(2.0 * t + t * t));
}

const IVLN10 = 4.34294481903251816668e-01;
const LOG10_2HI = 3.01029995663611771306e-01;
const LOG10_2LO = 3.69423907715893078616e-13;

function log10(x: number): number {
  if (!(x > 0) || !Number.isFinite(x)) return Math.log10(x);
  bits.setFloat64(0, x < 2 ** -1022 ? x * 2 ** 54 : x);
  let k = x < 2 ** -1022 ? -54 : 0;
  const hx = bits.getUint32(0);
  k += (hx >>> 20) - 1023;
  const i = k < 0 ? 1 : 0;
  bits.setUint32(0, (hx & 0x000fffff) | ((0x3ff - i) << 20));
  const m = bits.getFloat64(0);
  const y = k + i;
  const z = y * LOG10_2LO + IVLN10 * crLog(m);
  return z + y * LOG10_2HI;
}

// glibc's cbrt (sysdeps/ieee754/dbl-64/s_cbrt.c), which CPython 3.11's math.cbrt calls: a
// polynomial guess refined by one rational step, not always correctly rounded.
const CBRT2 = 1.2599210498948731648;
const SQR_CBRT2 = 1.5874010519681994748;
const CBRT_FACTOR = [1.0 / SQR_CBRT2, 1.0 / CBRT2, 1.0, CBRT2, SQR_CBRT2];

function cbrt(x: number): number {
  if (x === 0 || !Number.isFinite(x)) return x + x;
  const [xm, xe] = frexpParts(Math.abs(x));
  const u = 0.354895765043919860 + (1.50819193781584896 + (-2.11499494167371287 + (2.44693122563534430
    + (-1.83469277483613086 + (0.784932344976639262 - 0.145263899385486377 * xm) * xm) * xm) * xm) * xm) * xm;
  const t2 = u * u * u;
  const ym = ((u * (t2 + 2.0 * xm)) / (2.0 * t2 + xm)) * CBRT_FACTOR[2 + (xe % 3)]!;
  return (x > 0 ? ym : -ym) * 2 ** Math.trunc(xe / 3);
}

// ------------------------------------------------------------------ the module

function f1(name: string, fn: (x: number) => number, canOverflow = false): NativeFunctionDef {
  return { name, code: { kind: 'o', fn: math1(fn, canOverflow) } };
}

function f2(name: string, fn: (x: number, y: number) => number): NativeFunctionDef {
  return { name, code: math2(name, fn) };
}

function o(name: string, fn: (self: PyObject, x: PyObject) => PyObject): NativeFunctionDef {
  return { name, code: { kind: 'o', fn } };
}

function fast(name: string, fn: (self: PyObject, args: PyObject[]) => PyObject): NativeFunctionDef {
  return { name, code: { kind: 'fast', fn } };
}

const pred = (test: (x: number) => boolean) => (_s: PyObject, x: PyObject): PyObject => newBool(test(asDouble(x)));

const functions: NativeFunctionDef[] = [
  f1('acos', crAcos), f1('acosh', acosh), f1('asin', crAsin), f1('asinh', asinh),
  f1('atan', crAtan), f2('atan2', crAtan2), f1('atanh', Math.atanh), f1('cbrt', cbrt),
  o('ceil', floorCeil('__ceil__', Math.ceil)), fast('comb', comb), f2('copysign', (x, y) => (y < 0 || Object.is(y, -0) ? -Math.abs(x) : Math.abs(x))),
  f1('cos', crCos), f1('cosh', cosh, true),
  o('degrees', (_s, x) => newFloat(asDouble(x) * (180.0 / Math.PI))), fast('dist', dist),
  f1('erf', erf), f1('erfc', erfc), f1('exp', crExp, true), f1('exp2', (x) => (Number.isFinite(x) ? crPow(2, x) : Math.pow(2, x)), true),
  f1('expm1', Math.expm1, true), f1('fabs', Math.abs), o('factorial', factorial),
  o('floor', floorCeil('__floor__', Math.floor)), f2('fmod', mFmod),
  o('frexp', (_s, x) => {
    const [m, e] = frexpParts(asDouble(x));
    return newTuple([newFloat(m), newInt(e)]);
  }),
  o('fsum', fsum), f1('gamma', tgamma), fast('gcd', gcd), fast('hypot', hypot),
  { name: 'isclose', code: { kind: 'fastkw', fn: isclose } },
  o('isfinite', pred(Number.isFinite)), o('isinf', pred((x) => Math.abs(x) === Infinity)), o('isnan', pred(Number.isNaN)),
  o('isqrt', isqrt), fast('lcm', lcm), fast('ldexp', ldexp), f1('lgamma', lgamma),
  fast('log', mathLog),
  o('log10', (_s, x) => newFloat(logHelper(x, mLog10))),
  f1('log1p', Math.log1p),
  o('log2', (_s, x) => newFloat(logHelper(x, mLog2))),
  o('modf', (_s, x) => {
    const v = asDouble(x);
    if (!Number.isFinite(v)) return newTuple([newFloat(Number.isNaN(v) ? v : v < 0 ? -0 : 0), newFloat(v)]);
    const ip = Math.trunc(v);
    return newTuple([newFloat(v - ip === 0 ? (v < 0 || Object.is(v, -0) ? -0 : 0) : v - ip), newFloat(ip)]);
  }),
  f2('nextafter', nextafter), fast('perm', perm), fast('pow', mathPow),
  { name: 'prod', code: { kind: 'fastkw', fn: prod } },
  o('radians', (_s, x) => newFloat(asDouble(x) * (Math.PI / 180.0))), f2('remainder', mRemainder),
  f1('sin', crSin), f1('sinh', Math.sinh, true), f1('sqrt', Math.sqrt), f1('tan', crTan), f1('tanh', Math.tanh),
  o('trunc', mathTrunc), o('ulp', (_s, x) => newFloat(ulp(asDouble(x)))),
];

/** The module's functions, with CPython's docstrings. */
export const mathFunctions: NativeFunctionDef[] = functions.map((d) => ({ ...d, doc: MATH_DOCS[d.name] }));

/** The module's constants: pi, e, tau, inf, nan (new references). */
export function mathConstants(): Record<string, PyObject> {
  return {
    pi: newFloat(Math.PI), e: newFloat(Math.E), tau: newFloat(2 * Math.PI), inf: newFloat(Infinity), nan: newFloat(NaN),
  };
}

