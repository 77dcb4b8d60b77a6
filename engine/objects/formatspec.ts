// The format specification mini-language shared by str, int, float and complex __format__
// (Python/formatter_unicode.c): parsing with CPython's errors, padding and alignment, and the
// digit grouping of numbers. Strings here are JS strings of whole code points.
import { valueError, type PyBaseException } from './exceptions.js';
import { decimalValue } from './unicode/ctype.js';

export type Align = '<' | '>' | '=' | '^';

/** How the digits of a number are grouped (enum LocaleType in formatter_unicode.c). */
export const enum Grouping {
  NONE = 0,
  /** ',' every three digits */
  COMMA = 1,
  /** '_' every three digits */
  UNDERSCORE = 2,
  /** '_' every four digits, for b/o/x/X */
  UNDERSCORE_FOUR = 3,
  /** type 'n': the current locale's, which is the C locale here (no grouping) */
  LOCALE = 4,
}

/** InternalFormatSpec: `type` is '' when the spec names none and the caller gave no default. */
export interface FormatSpec {
  fill: string;
  align: Align;
  alternate: boolean;
  /** '' when not given (numbers then show only '-') */
  sign: '' | '+' | '-' | ' ';
  /** 'z': negative zero becomes positive (floats only) */
  noNegZero: boolean;
  /** -1 when not given */
  width: number;
  grouping: Grouping;
  /** -1 when not given */
  precision: number;
  type: string;
}

const PY_SSIZE_T_MAX = 9223372036854775807n;

/** The spec's code points (a surrogate pair is one character of the Python string). */
function codePoints(s: string): string[] {
  return Array.from(s);
}

function isAlign(c: string | undefined): c is Align {
  return c === '<' || c === '>' || c === '=' || c === '^';
}

/** get_integer: digits from chars[pos]; [value, digits consumed, new pos]. */
function getInteger(chars: string[], pos: number): [number, number, number] {
  let acc = 0n;
  let n = 0;
  for (; pos < chars.length; pos++, n++) {
    const d = decimalValue(chars[pos]!.codePointAt(0)!);
    if (d < 0) break;
    acc = acc * 10n + BigInt(d);
    if (acc > PY_SSIZE_T_MAX) throw valueError('Too many decimal digits in format string');
  }
  return [Number(acc), n, pos];
}

/** The character named in an error: itself when printable ASCII, else `\x..`. */
function codeForMessage(c: string): string {
  const cp = c.codePointAt(0)!;
  return cp > 32 && cp < 128 ? c : `\\x${cp.toString(16)}`;
}

// Python/formatter_unicode.c unknown_presentation_type
export function unknownFormatCode(type: string, typeName: string): PyBaseException {
  return valueError(`Unknown format code '${codeForMessage(type)}' for object of type '${typeName}'`);
}

// Python/formatter_unicode.c parse_internal_render_format_spec (3.11)
export function parseFormatSpec(spec: string, typeName: string, defaultType: string, defaultAlign: Align): FormatSpec {
  const chars = codePoints(spec);
  const end = chars.length;
  let pos = 0;
  const f: FormatSpec = {
    fill: ' ', align: defaultAlign, alternate: false, sign: '', noNegZero: false,
    width: -1, grouping: Grouping.NONE, precision: -1, type: defaultType,
  };
  let alignSpecified = false;
  let fillSpecified = false;
  if (end - pos >= 2 && isAlign(chars[pos + 1])) {
    f.align = chars[pos + 1] as Align;
    f.fill = chars[pos]!;
    fillSpecified = alignSpecified = true;
    pos += 2;
  } else if (end - pos >= 1 && isAlign(chars[pos])) {
    f.align = chars[pos] as Align;
    alignSpecified = true;
    pos++;
  }
  const s = chars[pos];
  if (s === '+' || s === '-' || s === ' ') {
    f.sign = s;
    pos++;
  }
  if (chars[pos] === 'z') {
    f.noNegZero = true;
    pos++;
  }
  if (chars[pos] === '#') {
    f.alternate = true;
    pos++;
  }
  if (!fillSpecified && chars[pos] === '0') {
    f.fill = '0';
    if (!alignSpecified && defaultAlign === '>') f.align = '=';
    pos++;
  }
  let consumed: number;
  [f.width, consumed, pos] = getInteger(chars, pos);
  if (consumed === 0) f.width = -1;
  if (chars[pos] === ',') {
    f.grouping = Grouping.COMMA;
    pos++;
  }
  if (chars[pos] === '_') {
    if (f.grouping !== Grouping.NONE) throw bothSeparators();
    f.grouping = Grouping.UNDERSCORE;
    pos++;
  }
  if (chars[pos] === ',' && f.grouping === Grouping.UNDERSCORE) throw bothSeparators();
  if (chars[pos] === '.') {
    pos++;
    [f.precision, consumed, pos] = getInteger(chars, pos);
    if (consumed === 0) throw valueError('Format specifier missing precision');
  }
  if (end - pos > 1) throw valueError(`Invalid format specifier '${spec}' for object of type '${typeName}'`);
  if (end - pos === 1) f.type = chars[pos]!;
  if (f.grouping !== Grouping.NONE) checkGroupingType(f);
  return f;
}

function bothSeparators(): PyBaseException {
  return valueError("Cannot specify both ',' and '_'.");
}

function checkGroupingType(f: FormatSpec): void {
  switch (f.type) {
    case 'd': case 'e': case 'f': case 'g': case 'E': case 'G': case '%': case 'F': case '':
      return;
    case 'b': case 'o': case 'x': case 'X':
      if (f.grouping === Grouping.UNDERSCORE) {
        f.grouping = Grouping.UNDERSCORE_FOUR;
        return;
      }
  }
  throw valueError(`Cannot specify ',' with '${codeForMessage(f.type)}'.`);
}

/** calc_padding: characters to put left and right of `nchars` characters of content. */
export function calcPadding(nchars: number, width: number, align: Align): { left: number; right: number } {
  const total = width >= 0 && width > nchars ? width : nchars;
  let left = 0;
  if (align === '>') left = total - nchars;
  else if (align === '^') left = Math.floor((total - nchars) / 2);
  return { left, right: total - nchars - left };
}

/** Pads `content` (of `nchars` code points) to the spec's width with its fill and alignment. */
export function pad(content: string, nchars: number, spec: FormatSpec): string {
  const { left, right } = calcPadding(nchars, spec.width, spec.align);
  return spec.fill.repeat(left) + content + spec.fill.repeat(right);
}

// Python/formatter_unicode.c format_string_internal
export function formatStringWithSpec(value: string, spec: FormatSpec): string {
  if (spec.sign !== '') throw valueError('Sign not allowed in string format specifier');
  if (spec.noNegZero) throw valueError('Negative zero coercion (z) not allowed in string format specifier');
  if (spec.alternate) throw valueError('Alternate form (#) not allowed in string format specifier');
  if (spec.align === '=') throw valueError("'=' alignment not allowed in string format specifier");
  let chars = codePoints(value);
  if (spec.precision >= 0 && chars.length > spec.precision) chars = chars.slice(0, spec.precision);
  return pad(chars.join(''), chars.length, spec);
}

/** The thousands separator and group size a grouping mode uses (get_locale_info). */
function groupingOf(g: Grouping): { sep: string; size: number } {
  switch (g) {
    case Grouping.COMMA: return { sep: ',', size: 3 };
    case Grouping.UNDERSCORE: return { sep: '_', size: 3 };
    case Grouping.UNDERSCORE_FOUR: return { sep: '_', size: 4 };
    default: return { sep: '', size: 0 };
  }
}

// Objects/unicodeobject.c _PyUnicode_InsertThousandsGrouping: groups `digits` from the right,
// padding with zeros on the left until the result is at least `minWidth` characters.
export function insertThousandsGrouping(digits: string, minWidth: number, grouping: Grouping): string {
  const { sep, size } = groupingOf(grouping);
  const parts: string[] = [];
  let remaining = digits.length;
  let useSep = false;
  const take = (len: number): void => {
    const nChars = Math.max(0, Math.min(remaining, len));
    const nZeros = Math.max(0, len - remaining);
    parts.push(digits.slice(remaining - nChars, remaining) + (useSep ? sep : ''));
    if (nZeros) parts.push('0'.repeat(nZeros));
    remaining -= nChars;
  };
  if (size > 0) {
    for (;;) {
      const l = Math.min(size, Math.max(remaining, minWidth, 1));
      take(l);
      useSep = true;
      minWidth -= size;
      if (remaining <= 0 && minWidth <= 0) return parts.reverse().join('');
      minWidth -= sep.length;
    }
  }
  take(Math.max(remaining, minWidth, 1));
  return parts.reverse().join('');
}

/** A number already converted to text, split as calc_number_widths sees it. */
export interface NumberText {
  /** '-' when negative, '' otherwise (the spec decides whether '+' or ' ' shows) */
  signChar: '-' | '';
  /** '0x', '0b', '0o' when alternate form asks for one, else '' */
  prefix: string;
  /** the digits before the decimal point or exponent (grouped and zero-padded) */
  digits: string;
  /** whether a decimal point follows the digits */
  hasDecimal: boolean;
  /** everything after the decimal point (or after the digits when there is none) */
  remainder: string;
}

/** An integer's digits in any base (all of them are grouped and zero-padded). */
export function integerText(digits: string, signChar: '-' | '', prefix = ''): NumberText {
  return { signChar, prefix, digits, hasDecimal: false, remainder: '' };
}

/** parse_number: splits an unsigned number's text into digits, decimal point and the rest. */
export function splitNumber(text: string, signChar: '-' | ''): NumberText {
  let i = 0;
  while (i < text.length && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) i++;
  const hasDecimal = text[i] === '.';
  return { signChar, prefix: '', digits: text.slice(0, i), hasDecimal, remainder: text.slice(hasDecimal ? i + 1 : i) };
}

// Python/formatter_unicode.c calc_number_widths + fill_number: sign, prefix, padding and grouped
// digits laid out by the spec. `upper` upper-cases the prefix and digits (type 'X').
export function fillNumber(n: NumberText, spec: FormatSpec, upper = false): string {
  let sign = '';
  if (spec.sign === '+') sign = n.signChar === '-' ? '-' : '+';
  else if (spec.sign === ' ') sign = n.signChar === '-' ? '-' : ' ';
  else if (n.signChar === '-') sign = '-';
  const decimal = n.hasDecimal ? '.' : '';
  const nonDigit = sign.length + n.prefix.length + decimal.length + codePoints(n.remainder).length;
  const minWidth = spec.fill === '0' && spec.align === '=' ? spec.width - nonDigit : 0;
  let grouped = n.digits.length === 0 ? '' : insertThousandsGrouping(n.digits, minWidth, spec.grouping);
  let prefix = n.prefix;
  if (upper) {
    grouped = grouped.toUpperCase();
    prefix = prefix.toUpperCase();
  }
  const padding = spec.width - (nonDigit + grouped.length);
  let left = 0;
  let middle = 0;
  let right = 0;
  if (padding > 0) {
    if (spec.align === '<') right = padding;
    else if (spec.align === '^') {
      left = Math.floor(padding / 2);
      right = padding - left;
    } else if (spec.align === '=') middle = padding;
    else left = padding;
  }
  const fill = spec.fill;
  return fill.repeat(left) + sign + prefix + fill.repeat(middle) + grouped + decimal + n.remainder + fill.repeat(right);
}
