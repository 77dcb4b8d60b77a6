// Text to numbers as int(), float() and complex() read it (Objects/longobject.c
// PyLong_FromString, Python/pystrtod.c, Objects/floatobject.c PyFloat_FromString): any Unicode
// decimal digit counts as its ASCII digit, any Unicode space as a space, and underscores may
// separate digits one at a time.
import { normInt, type IntValue } from './intops.js';

/** sys.int_info.default_max_str_digits; sys.set_int_max_str_digits changes it (0: no limit). */
export const intStrDigits = { max: 4300 };

const SPACE = /[\t\n\v\f\r \x1c-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/;

export function isPySpace(c: string): boolean {
  return SPACE.test(c);
}

/** The value of a Unicode decimal digit (category Nd), or -1. Such digits come in runs of ten
 *  consecutive code points from zero to nine. */
function unicodeDigitValue(cp: number): number {
  const isNd = (c: number): boolean => /\p{Nd}/u.test(String.fromCodePoint(c));
  if (!isNd(cp)) return -1;
  let v = 0;
  while (v < 9 && isNd(cp - v - 1)) v++;
  return v;
}

// Objects/unicodeobject.c _PyUnicode_TransformDecimalAndSpaceToASCII: null when a character
// outside ASCII is neither a decimal digit nor a space (the caller then reports the literal).
export function asciiDigitsAndSpaces(s: string): string | null {
  if (/^[\x00-\x7f]*$/.test(s)) return s;
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp < 128) out += ch;
    else if (SPACE.test(ch)) out += ' ';
    else {
      const d = unicodeDigitValue(cp);
      if (d < 0) return null;
      out += String.fromCharCode(48 + d);
    }
  }
  return out;
}

/** The text without leading and trailing Unicode spaces. */
export function stripPySpaces(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && SPACE.test(s[a]!)) a++;
  while (b > a && SPACE.test(s[b - 1]!)) b--;
  return s.slice(a, b);
}

function digitValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 122) return c - 87;
  if (c >= 65 && c <= 90) return c - 55;
  return 99;
}

export type IntParse = { value: IntValue } | { error: 'invalid' } | { error: 'too many digits'; digits: number };

// Objects/longobject.c PyLong_FromString: `base` is 0 (the literal's prefix decides) or 2..36.
export function parseIntLiteral(text: string, base: number): IntParse {
  // The common case first: a plain decimal that fits a safe integer.
  if ((base === 10 || (base === 0 && text[0] !== '0')) && text.length <= 15 && /^[0-9]+$/.test(text)) {
    return { value: Number(text) };
  }
  const ascii = asciiDigitsAndSpaces(text);
  if (ascii === null) return { error: 'invalid' };
  let s = stripPySpaces(ascii);
  let negative = false;
  if (s[0] === '+' || s[0] === '-') {
    negative = s[0] === '-';
    s = s.slice(1);
  }
  let allowUnderscoreFirst = false;
  const p = s.slice(0, 2).toLowerCase();
  const prefixBase = p === '0x' ? 16 : p === '0o' ? 8 : p === '0b' ? 2 : 0;
  if (base === 0) {
    if (prefixBase) {
      base = prefixBase;
      s = s.slice(2);
      allowUnderscoreFirst = true;
    } else if (s[0] === '0') {
      // Only zeros may follow a leading zero in a base-0 literal ("010" is an error).
      if (!/^0(_?0)*$/.test(s)) return { error: 'invalid' };
      return { value: 0 };
    } else base = 10;
  } else if (prefixBase === base) {
    s = s.slice(2);
    allowUnderscoreFirst = true;
  }
  if (s.length === 0) return { error: 'invalid' };
  let digits = '';
  let prevUnderscore = !allowUnderscoreFirst;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 95) {
      if (prevUnderscore) return { error: 'invalid' };
      prevUnderscore = true;
      continue;
    }
    if (digitValue(c) >= base) return { error: 'invalid' };
    digits += s[i];
    prevUnderscore = false;
  }
  if (prevUnderscore || digits.length === 0) return { error: 'invalid' };
  if ((base & (base - 1)) !== 0 && intStrDigits.max > 0 && digits.length > intStrDigits.max) {
    return { error: 'too many digits', digits: digits.length };
  }
  let v = digitsToBigInt(digits, base);
  if (negative) v = -v;
  return { value: normInt(v) };
}

function digitsToBigInt(digits: string, base: number): bigint {
  if (base === 10) return BigInt(digits);
  if (base === 16) return BigInt('0x' + digits);
  if (base === 8) return BigInt('0o' + digits);
  if (base === 2) return BigInt('0b' + digits);
  const B = BigInt(base);
  let v = 0n;
  // Chunks of digits small enough for parseInt to stay exact.
  const chunk = 8;
  for (let i = 0; i < digits.length; i += chunk) {
    const part = digits.slice(i, i + chunk);
    v = v * B ** BigInt(part.length) + BigInt(parseInt(part, base));
  }
  return v;
}

const FLOAT_BODY = /^[+-]?(?:(?:\d(?:_?\d)*)?\.?\d(?:_?\d)*|\d(?:_?\d)*\.)(?:[eE][+-]?\d(?:_?\d)*)?$/;
const FLOAT_SPECIAL = /^([+-]?)(inf|infinity|nan)$/i;

// Objects/floatobject.c float_from_string_inner with Python/pystrtod.c _Py_parse_inf_or_nan
// and _Py_string_to_number_with_underscores; null when the text is not a float.
export function parseFloatLiteral(text: string): number | null {
  const ascii = asciiDigitsAndSpaces(text);
  if (ascii === null) return null;
  const s = stripPySpaces(ascii);
  const special = FLOAT_SPECIAL.exec(s);
  if (special) {
    const v = special[2]!.toLowerCase() === 'nan' ? NaN : Infinity;
    return special[1] === '-' ? -v : v;
  }
  if (!FLOAT_BODY.test(s)) return null;
  return Number(s.replace(/_/g, ''));
}
