// __format__ of int, float and complex (Python/formatter_unicode.c format_long_internal,
// format_float_internal, format_complex_internal): the number's digits made by the exact
// conversions, then laid out by the shared format-spec helpers.
import type { PyObject } from './object.js';
import { valueError, overflowError } from './exceptions.js';
import { strString } from './abstract.js';
import {
  fillNumber, parseFormatSpec, splitNumber, unknownFormatCode, pad, type FormatSpec,
} from './formatspec.js';
import { doubleToString, type DoubleFormat } from './dtoa.js';
import type { PyInt } from './int.js';
import { intToBase, intToDecimal, intToDouble } from './int.js';

const INT_BASES: Record<string, { base: number; prefix: string }> = {
  b: { base: 2, prefix: '0b' }, o: { base: 8, prefix: '0o' }, x: { base: 16, prefix: '0x' },
  X: { base: 16, prefix: '0x' }, d: { base: 10, prefix: '' }, n: { base: 10, prefix: '' },
};

// Python/formatter_unicode.c format_obj / format_long_internal
export function formatInt(o: PyInt, specText: string): string {
  if (specText === '') return strString(o);
  const spec = parseFormatSpec(specText, o.type.name, 'd', '>');
  switch (spec.type) {
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%':
      return formatDouble(intToDouble(o.value), spec);
    case 'b': case 'c': case 'd': case 'o': case 'x': case 'X': case 'n':
      break;
    default:
      throw unknownFormatCode(spec.type, o.type.name);
  }
  if (spec.precision !== -1) throw valueError('Precision not allowed in integer format specifier');
  if (spec.noNegZero) throw valueError('Negative zero coercion (z) not allowed in integer format specifier');
  const v = o.value;
  if (spec.type === 'c') {
    if (spec.sign !== '') throw valueError("Sign not allowed with integer format specifier 'c'");
    if (spec.alternate) throw valueError("Alternate form (#) not allowed with integer format specifier 'c'");
    if (v < 0 || v > 0x10ffff) throw overflowError('%c arg not in range(0x110000)');
    return fillNumber({ signChar: '', prefix: '', digits: String.fromCodePoint(Number(v)), hasDecimal: false, remainder: '' }, spec);
  }
  const { base, prefix } = INT_BASES[spec.type]!;
  const negative = v < 0;
  const magnitude = negative ? -v : v;
  const digits = base === 10 ? intToDecimal(magnitude) : intToBase(magnitude, base);
  return fillNumber(
    { signChar: negative ? '-' : '', prefix: spec.alternate ? prefix : '', digits, hasDecimal: false, remainder: '' },
    spec, spec.type === 'X');
}

/** The PyOS_double_to_string request a float spec makes, and whether a '%' follows. */
function doubleFormatOf(spec: FormatSpec, complexPart: boolean): { fmt: DoubleFormat; percent: boolean } {
  let type = spec.type;
  let precision = spec.precision;
  let defaultPrecision = 6;
  let addDot0 = false;
  if (type === '') {
    // Complex parts print like repr(complex): `1j`, not `1.0j`.
    addDot0 = !complexPart;
    type = 'r';
    defaultPrecision = 0;
  }
  if (type === 'n') type = 'g';
  const percent = type === '%';
  if (percent) type = 'f';
  if (precision < 0) precision = defaultPrecision;
  else if (type === 'r') type = 'g';
  const upper = type === 'E' || type === 'F' || type === 'G';
  const code = type.toLowerCase() as DoubleFormat['code'];
  return { fmt: { code, precision, addDot0, alternate: spec.alternate, upper, noNegZero: spec.noNegZero }, percent };
}

// Python/formatter_unicode.c format_float_internal for a parsed spec
function formatDouble(x: number, spec: FormatSpec, complexPart = false): string {
  const { fmt, percent } = doubleFormatOf(spec, complexPart);
  let text = doubleToString(percent ? x * 100 : x, fmt);
  if (percent) text += '%';
  const negative = text.startsWith('-');
  return fillNumber(splitNumber(negative ? text.slice(1) : text, negative ? '-' : ''), spec);
}

const FLOAT_TYPES = 'eEfFgGn%';

// Python/formatter_unicode.c _PyFloat_FormatAdvancedWriter
export function formatFloat(x: number, specText: string, o: PyObject): string {
  if (specText === '') return strString(o);
  const spec = parseFormatSpec(specText, o.type.name, '', '>');
  if (spec.type !== '' && !FLOAT_TYPES.includes(spec.type)) throw unknownFormatCode(spec.type, o.type.name);
  return formatDouble(x, spec);
}

// Python/formatter_unicode.c format_complex_internal
export function formatComplex(re: number, im: number, specText: string, o: PyObject): string {
  if (specText === '') return strString(o);
  const spec = parseFormatSpec(specText, o.type.name, '', '>');
  if (spec.type !== '' && !'eEfFgGn'.includes(spec.type)) throw unknownFormatCode(spec.type, o.type.name);
  if (spec.fill === '0') throw valueError('Zero padding is not allowed in complex format specifier');
  if (spec.align === '=') throw valueError("'=' alignment flag is not allowed in complex format specifier");
  let skipRe = false;
  let addParens = false;
  if (spec.type === '') {
    if (re === 0 && !Object.is(re, -0)) skipRe = true;
    else addParens = true;
  }
  const partSpec: FormatSpec = { ...spec, width: -1, fill: ' ', align: '>' };
  let body = skipRe ? '' : formatDouble(re, partSpec, true);
  body += formatDouble(im, { ...partSpec, sign: skipRe ? spec.sign : '+' }, true) + 'j';
  if (addParens) body = `(${body})`;
  return pad(body, Array.from(body).length, spec);
}
