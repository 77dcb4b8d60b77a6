// Exact conversions between doubles, decimal digits and ratios of integers (Python/dtoa.c and
// Python/pystrtod.c): digits come from the double's exact binary value with round-half-even, so
// formatting and round() agree with CPython digit for digit.
import { heap } from './heap.js';

const view = new DataView(new ArrayBuffer(8));

/** The finite double |x| as mantissa * 2**exponent with an integer mantissa (frexp's parts). */
export function decompose(x: number): { mantissa: bigint; exponent: number } {
  view.setFloat64(0, x);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const biased = (hi >>> 20) & 0x7ff;
  const frac = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  if (biased === 0) return { mantissa: frac, exponent: -1074 };
  return { mantissa: frac | (1n << 52n), exponent: biased - 1075 };
}

/** 2**e as a double, exactly (subnormal powers included); Infinity past the range. */
export function pow2(e: number): number {
  if (e > 1023) return Infinity;
  if (e < -1074) return 0;
  if (e >= -1022) {
    view.setUint32(0, (e + 1023) << 20);
    view.setUint32(4, 0);
  } else {
    const bit = e + 1074;
    view.setUint32(0, bit >= 32 ? 1 << (bit - 32) : 0);
    view.setUint32(4, bit < 32 ? 2 ** bit : 0);
  }
  return view.getFloat64(0);
}

/** m * 2**e for an integer m of at most 53 bits, exact whenever the result is representable. */
export function ldexpExact(m: number, e: number): number {
  if (m === 0) return 0;
  if (e > 1023) return m * pow2(1023) * pow2(e - 1023);
  if (e < -1022) return m * pow2(-1022) * pow2(e + 1022) || m * pow2(e);
  return m * pow2(e);
}

export function bitLength(n: bigint): number {
  if (n < 0n) n = -n;
  if (n === 0n) return 0;
  const f = Number(n);
  if (f < 2 ** 1023) {
    // The double's exponent, one too high when rounding carried n up to a power of two.
    const e = decompose(f).exponent + 52;
    return (1n << BigInt(e)) > n ? e : e + 1;
  }
  const hex = n.toString(16);
  return (hex.length - 1) * 4 + (32 - Math.clz32(parseInt(hex[0]!, 16)));
}

/** n / d correctly rounded to a double (round-half-even), for n >= 0, d > 0; Infinity when
 *  the quotient overflows. The rounding of Objects/longobject.c long_true_divide. */
export function ratioToDouble(n: bigint, d: bigint): number {
  if (n === 0n) return 0;
  const k = 55 - (bitLength(n) - bitLength(d));
  const num = k >= 0 ? n << BigInt(k) : n;
  const den = k >= 0 ? d : d << BigInt(-k);
  const q = num / den;
  const sticky = num % den !== 0n;
  const p = bitLength(q);
  const drop = Math.max(p - 53, k - 1074, 0);
  let mant = q >> BigInt(drop);
  if (drop > 0) {
    const rem = q & ((1n << BigInt(drop)) - 1n);
    const half = 1n << BigInt(drop - 1);
    if (rem > half || (rem === half && (sticky || (mant & 1n) === 1n))) mant += 1n;
  }
  return ldexpExact(Number(mant), drop - k);
}

/** The exact value of a finite double as a ratio num/den in lowest terms (as_integer_ratio). */
export function doubleToRatio(x: number): { num: bigint; den: bigint } {
  const { mantissa, exponent } = decompose(x);
  let m = mantissa;
  let e = exponent;
  if (m === 0n) return { num: 0n, den: 1n };
  while ((m & 1n) === 0n) {
    m >>= 1n;
    e++;
  }
  if (x < 0) m = -m;
  return e >= 0 ? { num: m << BigInt(e), den: 1n } : { num: m, den: 1n << BigInt(-e) };
}

/** Digits of a positive finite double: value = 0.DIGITS * 10**decpt, trailing zeros stripped.
 *  Empty digits mean the value rounded to zero in mode 3 (decpt is then -ndigits). */
export interface Digits {
  digits: string;
  decpt: number;
}

function stripZeros(s: string): string {
  let end = s.length;
  while (end > 0 && s.charCodeAt(end - 1) === 48) end--;
  return s.slice(0, end);
}

const TEN = 10n;

function pow10(n: number): bigint {
  return TEN ** BigInt(n);
}

/** num/den rounded half-even to an integer. */
function roundHalfEven(num: bigint, den: bigint): bigint {
  const q = num / den;
  const r2 = (num % den) * 2n;
  if (r2 > den || (r2 === den && (q & 1n) === 1n)) return q + 1n;
  return q;
}

function exactRatio(x: number): { num: bigint; den: bigint } {
  const { mantissa, exponent } = decompose(x);
  return exponent >= 0 ? { num: mantissa << BigInt(exponent), den: 1n } : { num: mantissa, den: 1n << BigInt(-exponent) };
}

// Python/dtoa.c _Py_dg_dtoa mode 0: the shortest digits that read back as x (the host's
// shortest round-trip conversion picks the same digits, the nearest among the shortest).
export function shortestDigits(x: number): Digits {
  if (x === 0) return { digits: '0', decpt: 1 };
  const s = Math.abs(x).toExponential();
  const e = s.indexOf('e');
  const digits = stripZeros(s.slice(0, e).replace('.', ''));
  return { digits, decpt: Number(s.slice(e + 1)) + 1 };
}

// Python/dtoa.c _Py_dg_dtoa mode 3: x rounded to `ndigits` places after the decimal point
// (negative: to tens, hundreds...).
export function fixedDigits(x: number, ndigits: number): Digits {
  if (x === 0) return { digits: '0', decpt: 1 };
  // A double has at most 1074 digits after the point: beyond, the rounding is exact.
  ndigits = Math.min(ndigits, 1100);
  const { num, den } = exactRatio(Math.abs(x));
  const r = ndigits >= 0 ? roundHalfEven(num * pow10(ndigits), den) : roundHalfEven(num, den * pow10(-ndigits));
  if (r === 0n) return { digits: '', decpt: -ndigits };
  const s = r.toString();
  return { digits: stripZeros(s), decpt: s.length - ndigits };
}

/** floor(log10(num/den)) for a positive ratio. */
function decimalExponent(num: bigint, den: bigint, approx: number): number {
  let k = approx;
  const ge = (e: number): boolean => (e >= 0 ? num >= den * pow10(e) : num * pow10(-e) >= den);
  while (!ge(k)) k--;
  while (ge(k + 1)) k++;
  return k;
}

// Python/dtoa.c _Py_dg_dtoa mode 2: x rounded to max(1, ndigits) significant digits.
export function precisionDigits(x: number, ndigits: number): Digits {
  if (x === 0) return { digits: '0', decpt: 1 };
  // A double has at most 767 significant digits: beyond, the rounding is exact.
  const n = Math.min(Math.max(1, ndigits), 800);
  const ax = Math.abs(x);
  const { num, den } = exactRatio(ax);
  let k = decimalExponent(num, den, Math.floor(Math.log10(ax)));
  const shift = n - 1 - k;
  let r = shift >= 0 ? roundHalfEven(num * pow10(shift), den) : roundHalfEven(num, den * pow10(-shift));
  if (r === pow10(n)) {
    r = pow10(n - 1);
    k++;
  }
  return { digits: stripZeros(r.toString()), decpt: k + 1 };
}

/** Longest text a conversion may produce; more is a MemoryError, as the allocation would be. */
const MAX_TEXT = 2 ** 28;

export interface DoubleFormat {
  /** 'e', 'f', 'g' or 'r' (repr) */
  code: 'e' | 'f' | 'g' | 'r';
  precision: number;
  alwaysSign?: boolean;
  addDot0?: boolean;
  alternate?: boolean;
  upper?: boolean;
  /** 'z' of the format spec: a negative zero result loses its sign */
  noNegZero?: boolean;
}

// Python/pystrtod.c PyOS_double_to_string with format_float_short: the digits laid out with
// leading and trailing zeros, a decimal point and an exponent as the format asks.
export function doubleToString(x: number, f: DoubleFormat): string {
  let sign = x < 0 || Object.is(x, -0);
  let signText = '';
  if (Number.isNaN(x) || !Number.isFinite(x)) {
    if (Number.isNaN(x)) sign = false;
    signText = sign ? '-' : f.alwaysSign ? '+' : '';
    const word = Number.isNaN(x) ? 'nan' : 'inf';
    return signText + (f.upper ? word.toUpperCase() : word);
  }
  let precision = f.precision;
  const code = f.code;
  let d: Digits;
  switch (code) {
    case 'e':
      d = precisionDigits(x, precision + 1);
      precision++;
      break;
    case 'f':
      d = fixedDigits(x, precision);
      break;
    case 'g':
      if (precision === 0) precision = 1;
      d = precisionDigits(x, precision);
      break;
    default:
      d = shortestDigits(x);
  }
  if (f.noNegZero && sign && (d.digits === '' || /^0*$/.test(d.digits))) sign = false;
  const digits = d.digits;
  const digitsLen = digits.length;
  let decpt = d.decpt;
  let useExp = false;
  let vEnd = digitsLen;
  if (code === 'e') {
    useExp = true;
    vEnd = precision;
  } else if (code === 'f') {
    vEnd = decpt + precision;
  } else if (code === 'g') {
    if (decpt <= -4 || decpt > (f.addDot0 ? precision - 1 : precision)) useExp = true;
    if (f.alternate) vEnd = precision;
  } else if (decpt <= -4 || decpt > 16) {
    useExp = true;
  }
  let exp = 0;
  if (useExp) {
    exp = decpt - 1;
    decpt = 1;
  }
  const vStart = decpt <= 0 ? decpt - 1 : 0;
  if (vEnd - vStart > MAX_TEXT) throw heap.memoryError();
  if (!useExp && f.addDot0) vEnd = vEnd > decpt ? vEnd : decpt + 1;
  else vEnd = vEnd > decpt ? vEnd : decpt;

  let out = sign ? '-' : f.alwaysSign ? '+' : '';
  if (decpt <= 0) out += '0'.repeat(decpt - vStart) + '.' + '0'.repeat(-decpt);
  else out += '0'.repeat(-vStart);
  if (decpt > 0 && decpt <= digitsLen) out += digits.slice(0, decpt) + '.' + digits.slice(decpt);
  else out += digits;
  if (digitsLen < decpt) out += '0'.repeat(decpt - digitsLen) + '.' + '0'.repeat(vEnd - decpt);
  else out += '0'.repeat(vEnd - digitsLen);
  if (out.endsWith('.') && !f.alternate) out = out.slice(0, -1);
  if (useExp) {
    const mag = Math.abs(exp);
    out += (f.upper ? 'E' : 'e') + (exp < 0 ? '-' : '+') + (mag < 10 ? '0' : '') + mag;
  }
  return out;
}

/** repr(float): 'r' mode with '.0' added to integral values. */
export function floatRepr(x: number): string {
  return doubleToString(x, { code: 'r', precision: 0, addDot0: true });
}
