// Character properties of Objects/unicodectype.c for the str predicates and repr. Printability
// comes from a table generated with CPython itself (its Unicode version, not the host's); the
// other properties use the host's Unicode data, which only differs for characters added later.
import { NON_PRINTABLE_RANGES } from './printable.js';

/** Sorted [start, end) bounds of the non-printable ranges, flattened. */
const bounds: number[] = (() => {
  const out: number[] = [];
  let prev = 0;
  for (const pair of NON_PRINTABLE_RANGES.split(',')) {
    const [gap, len] = pair.split(' ').map((h) => parseInt(h, 16)) as [number, number];
    const start = prev + gap;
    out.push(start, start + len);
    prev = start + len;
  }
  return out;
})();

// Objects/unicodectype.c _PyUnicode_IsPrintable
export function isPrintable(cp: number): boolean {
  if (cp < 0x7f) return cp >= 0x20;
  let lo = 0;
  let hi = bounds.length;
  // the number of bounds <= cp: odd means cp lies inside a non-printable range
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (bounds[mid]! <= cp) lo = mid + 1;
    else hi = mid;
  }
  return (lo & 1) === 0;
}

const ALPHA = /^[\p{L}]$/u;
const DECIMAL = /^\p{Nd}$/u;
const NUMERIC = /^[\p{Nd}\p{Nl}\p{No}]$/u;
const CASED_UPPER = /^[\p{Lu}\p{Lt}]$/u;
const LOWER = /^\p{Lowercase}$/u;
const UPPER = /^\p{Uppercase}$/u;
const TITLE = /^\p{Lt}$/u;
const XID_START = /^[\p{XID_Start}_]$/u;
const XID_CONTINUE = /^\p{XID_Continue}$/u;

function ch(cp: number): string {
  return String.fromCodePoint(cp);
}

export function isAlpha(cp: number): boolean {
  if (cp < 128) return (cp >= 65 && cp <= 90) || (cp >= 97 && cp <= 122);
  return ALPHA.test(ch(cp));
}

export function isDecimal(cp: number): boolean {
  if (cp < 128) return cp >= 48 && cp <= 57;
  return DECIMAL.test(ch(cp));
}

/** Characters with a digit value: decimals plus superscripts, circled digits and the like. */
export function isDigit(cp: number): boolean {
  if (isDecimal(cp)) return true;
  if (cp < 128) return false;
  return digitValue(cp) >= 0;
}

export function isNumeric(cp: number): boolean {
  if (cp < 128) return cp >= 48 && cp <= 57;
  return NUMERIC.test(ch(cp)) || isCjkNumeric(cp);
}

/** CJK ideographs that Unihan gives a numeric value (一, 二, 万, 億, ...). */
const CJK_NUMERIC = new Set([
  0x3007, 0x4e00, 0x4e03, 0x4e07, 0x4e09, 0x4e5d, 0x4e8c, 0x4e94, 0x4e96, 0x4ebf, 0x4ec0, 0x4edf,
  0x4ee8, 0x4f0d, 0x4f70, 0x5104, 0x5146, 0x5169, 0x516b, 0x516d, 0x5341, 0x5343, 0x5344, 0x5345,
  0x534c, 0x53c1, 0x53c2, 0x53c3, 0x53c4, 0x56db, 0x58f1, 0x58f9, 0x5e7a, 0x5efe, 0x5eff, 0x5f0c,
  0x5f0d, 0x5f0e, 0x5f10, 0x62fe, 0x634c, 0x67d2, 0x6f06, 0x7396, 0x767e, 0x8086, 0x842c, 0x8cae,
  0x8cb3, 0x8d30, 0x9621, 0x9646, 0x964c, 0x9678, 0x96f6, 0xf96b, 0xf973, 0xf978, 0xf9b2, 0xf9d1,
  0xf9d3, 0xf9fd, 0x2f890,
]);

function isCjkNumeric(cp: number): boolean {
  return CJK_NUMERIC.has(cp);
}

/** The digit value of superscripts, circled and parenthesised digits (Unicode Numeric_Type=Digit). */
function digitValue(cp: number): number {
  if (cp === 0xb2 || cp === 0xb3) return cp - 0xb0;
  if (cp === 0xb9) return 1;
  if (cp >= 0x2070 && cp <= 0x2079 && cp !== 0x2071 && cp !== 0x2072 && cp !== 0x2073) return cp - 0x2070;
  if (cp >= 0x2080 && cp <= 0x2089) return cp - 0x2080;
  if (cp >= 0x2460 && cp <= 0x2468) return cp - 0x245f;
  if (cp >= 0x2474 && cp <= 0x247c) return cp - 0x2473;
  if (cp >= 0x2488 && cp <= 0x2490) return cp - 0x2487;
  if (cp === 0x24ea || cp === 0x24ff || cp === 0x1f100) return 0;
  if (cp >= 0x24f5 && cp <= 0x24fd) return cp - 0x24f4;
  if (cp >= 0x2776 && cp <= 0x277e) return cp - 0x2775;
  if (cp >= 0x2780 && cp <= 0x2788) return cp - 0x277f;
  if (cp >= 0x278a && cp <= 0x2792) return cp - 0x2789;
  if (cp >= 0x1369 && cp <= 0x1371) return cp - 0x1368;
  if (cp >= 0x1f101 && cp <= 0x1f10a) return cp - 0x1f101;
  return -1;
}

// Objects/unicodectype.c _PyUnicode_IsWhitespace: bidirectional types WS, B, S and category Zs.
export function isSpace(cp: number): boolean {
  if (cp < 128) return cp === 32 || (cp >= 9 && cp <= 13) || (cp >= 28 && cp <= 31);
  return cp === 0x85 || cp === 0xa0 || cp === 0x1680 || (cp >= 0x2000 && cp <= 0x200a) ||
    cp === 0x2028 || cp === 0x2029 || cp === 0x202f || cp === 0x205f || cp === 0x3000;
}

/** Line boundaries str.splitlines breaks at (_PyUnicode_IsLinebreak). */
export function isLinebreak(cp: number): boolean {
  return (cp >= 10 && cp <= 13) || cp === 28 || cp === 29 || cp === 30 || cp === 0x85 || cp === 0x2028 || cp === 0x2029;
}

export function isLower(cp: number): boolean {
  if (cp < 128) return cp >= 97 && cp <= 122;
  return LOWER.test(ch(cp));
}

export function isUpper(cp: number): boolean {
  if (cp < 128) return cp >= 65 && cp <= 90;
  return UPPER.test(ch(cp));
}

export function isTitle(cp: number): boolean {
  return cp >= 128 && TITLE.test(ch(cp));
}

/** Cased: has an upper, lower or title case form of its own category. */
export function isCased(cp: number): boolean {
  return isLower(cp) || isUpper(cp) || isTitle(cp);
}

export function isCaseIgnorable(cp: number): boolean {
  return /^[\p{Mn}\p{Me}\p{Cf}\p{Lm}\p{Sk}'.:^`\u00b7\u2018\u2019\u2024\u2027]$/u.test(ch(cp));
}

export function isUpperOrTitle(cp: number): boolean {
  return cp < 128 ? cp >= 65 && cp <= 90 : CASED_UPPER.test(ch(cp));
}

export function isXidStart(cp: number): boolean {
  return XID_START.test(ch(cp));
}

export function isXidContinue(cp: number): boolean {
  return XID_CONTINUE.test(ch(cp));
}

/** Py_UNICODE_TODECIMAL: the value of a decimal digit, -1 for anything else. */
export function decimalValue(cp: number): number {
  if (cp < 128) return cp >= 48 && cp <= 57 ? cp - 48 : -1;
  if (!DECIMAL.test(ch(cp))) return -1;
  // Decimal digits come in contiguous runs of ten, each starting at its digit zero.
  let zero = cp;
  while (DECIMAL.test(ch(zero - 1))) zero--;
  return (cp - zero) % 10;
}
