// printf-style formatting: str % args (Objects/unicodeobject.c PyUnicode_Format) and
// bytes % args (Objects/bytesobject.c _PyBytes_FormatEx), which share the parsing, the number
// conversions and the padding; they differ in what %s, %r and %c produce.
import { PyObject, decref } from '../object.js';
import { PyTuple } from '../tuple.js';
import { PyStr, newStr } from '../str.js';
import { PyInt } from '../int.js';
import { PyFloat, asDouble } from '../float.js';
import { overflowError, typeError, valueError } from '../exceptions.js';
import { asIndex, getItem, index, repr, str, lookupSpecial, call } from '../abstract.js';
import { doubleToString } from '../dtoa.js';
import { asciiEscape } from './repr.js';
import { isIndexable } from './sliceargs.js';
import { checkBuffer, withBytes } from '../buffer.js';
import { fromLatin1, latin1 } from './latin1.js';
import { PyBytes, newBytes } from '../bytes.js';

const F_LJUST = 1;
const F_SIGN = 2;
const F_BLANK = 4;
const F_ALT = 8;
const F_ZERO = 16;

type Mode = 'str' | 'bytes';

/** The arguments as format_getnextarg walks them: a tuple's items, or one object. */
class ArgCursor {
  items: PyObject[];
  next = 0;
  constructor(args: PyObject, readonly single: boolean) {
    this.items = single ? [args] : (args as PyTuple).items;
  }
  take(): PyObject {
    if (this.next < this.items.length) return this.items[this.next++]!;
    throw typeError('not enough arguments for format string');
  }
}

/** Whether `%(name)s` may look names up in the argument (PyMapping_Check minus tuple and str). */
function mappingOf(args: PyObject): PyObject | null {
  if (args instanceof PyTuple || args instanceof PyStr) return null;
  return args.type.mp_subscript ? args : null;
}

// Objects/unicodeobject.c PyUnicode_Format / Objects/bytesobject.c _PyBytes_FormatEx. For bytes,
// `fmt` and the result are latin-1 text (one char per byte).
export function percentFormat(fmt: string, args: PyObject, mode: Mode): string {
  const chars = Array.from(fmt);
  const dict = mappingOf(args);
  let cursor = new ArgCursor(args, !(args instanceof PyTuple));
  let out = '';
  let i = 0;
  while (i < chars.length) {
    const ch = chars[i]!;
    if (ch !== '%') {
      out += ch;
      i++;
      continue;
    }
    i++;
    if (chars[i] === '%') {
      out += '%';
      i++;
      continue;
    }
    let value: PyObject | null = null;
    let ownsValue = false;
    if (chars[i] === '(') {
      if (dict === null) throw typeError('format requires a mapping');
      let depth = 1;
      const start = ++i;
      while (i < chars.length && depth > 0) {
        if (chars[i] === '(') depth++;
        else if (chars[i] === ')') depth--;
        i++;
      }
      if (depth > 0) throw valueError('incomplete format key');
      const key = chars.slice(start, i - 1).join('');
      const k = mode === 'str' ? strKey(key) : bytesKey(key);
      value = getItem(dict, k);
      decref(k);
      ownsValue = true;
      // after a key the mapping counts as consumed: a later positional conversion finds nothing
      cursor = new ArgCursor(args, true);
      cursor.next = 1;
    }
    let flags = 0;
    for (;; i++) {
      const f = chars[i];
      if (f === '-') flags |= F_LJUST;
      else if (f === '+') flags |= F_SIGN;
      else if (f === ' ') flags |= F_BLANK;
      else if (f === '#') flags |= F_ALT;
      else if (f === '0') flags |= F_ZERO;
      else break;
    }
    let width = -1;
    if (chars[i] === '*') {
      width = starArg(cursor);
      if (width < 0) {
        flags |= F_LJUST;
        width = -width;
      }
      i++;
    } else {
      [width, i] = digitsAt(chars, i, width);
    }
    let prec = -1;
    if (chars[i] === '.') {
      i++;
      if (chars[i] === '*') {
        prec = Math.max(0, starArg(cursor));
        i++;
      } else [prec, i] = digitsAt(chars, i, 0);
    }
    while (i < chars.length && (chars[i] === 'h' || chars[i] === 'l' || chars[i] === 'L') && i + 1 < chars.length) i++;
    if (i >= chars.length) throw valueError('incomplete format');
    const conv = chars[i]!;
    const convIndex = i;
    i++;
    if (value === null) value = cursor.take();
    try {
      out += formatOne(conv, convIndex, value, flags, width, prec, mode);
    } finally {
      if (ownsValue) decref(value);
    }
  }
  if (dict === null && cursor.next < cursor.items.length) {
    throw typeError(`not all arguments converted during ${mode === 'str' ? 'string' : 'bytes'} formatting`);
  }
  return out;
}

function strKey(key: string): PyObject {
  return newStr(key);
}

function bytesKey(key: string): PyObject {
  return newBytes(fromLatin1(key));
}

function digitsAt(chars: string[], i: number, dflt: number): [number, number] {
  let n = dflt;
  let seen = false;
  while (i < chars.length && chars[i]! >= '0' && chars[i]! <= '9') {
    n = (seen ? n : 0) * 10 + (chars[i]!.charCodeAt(0) - 48);
    seen = true;
    if (n > 2147483647) throw valueError(`${n > 0 ? 'width' : 'prec'} too big`);
    i++;
  }
  return [n, i];
}

function starArg(cursor: ArgCursor): number {
  const v = cursor.take();
  if (!(v instanceof PyInt)) throw typeError('* wants int');
  return Number(v.value);
}

/** One conversion's text, padded (unicode_format_arg_output). */
function formatOne(conv: string, at: number, v: PyObject, flags: number, width: number, prec: number, mode: Mode): string {
  switch (conv) {
    case '%':
      return '%';
    case 's': case 'r': case 'a': case 'b': {
      if (conv === 'b' && mode === 'str') break;
      let text = textConversion(conv, v, mode);
      if (prec >= 0) text = Array.from(text).slice(0, prec).join('');
      return padPlain(text, flags, width);
    }
    case 'c':
      return padPlain(charConversion(v, mode), flags, width);
    case 'd': case 'i': case 'u': case 'o': case 'x': case 'X':
      return padNumber(integerText(conv, v, flags, prec), flags, width);
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G':
      return padNumber(floatText(conv, v, flags, prec), flags, width);
  }
  const cp = conv.codePointAt(0)!;
  const shown = mode === 'bytes' && cp > 127 ? '?' : conv;
  throw valueError(`unsupported format character '${shown}' (0x${cp.toString(16)}) at index ${at}`);
}

function pyText(o: PyObject): string {
  const s = o as PyStr;
  const t = s.value;
  decref(s);
  return t;
}

function textConversion(conv: string, v: PyObject, mode: Mode): string {
  if (conv === 'r' || conv === 'a') {
    const t = pyText(repr(v));
    return conv === 'a' || mode === 'bytes' ? asciiEscape(t) : t;
  }
  if (mode === 'str') return pyText(str(v));
  // Objects/bytesobject.c format_obj: a buffer's bytes, or what __bytes__ returns
  if (checkBuffer(v)) return withBytes(v, latin1);
  const method = lookupSpecial(v, '__bytes__');
  if (method !== null) {
    const r = call(method, []);
    decref(method);
    if (!(r instanceof PyBytes)) {
      const tn = r.type.name;
      decref(r);
      throw typeError(`__bytes__ returned non-bytes (type ${tn})`);
    }
    const t = latin1(r.data);
    decref(r);
    return t;
  }
  throw typeError(`%b requires a bytes-like object, or an object that implements __bytes__, not '${v.type.name}'`);
}

function charConversion(v: PyObject, mode: Mode): string {
  if (mode === 'bytes') {
    if (v instanceof PyBytes && v.data.length === 1) return String.fromCharCode(v.data[0]!);
    if (!isIndexable(v)) throw typeError('%c requires an integer in range(256) or a single byte');
    const n = asIndex(v);
    if (n < 0 || n > 255) throw overflowError('%c arg not in range(256)');
    return String.fromCharCode(n);
  }
  if (v instanceof PyStr) {
    if (v.length === 1) return v.value;
    throw typeError('%c requires int or char');
  }
  if (!(v instanceof PyInt) && !isIndexable(v)) throw typeError('%c requires int or char');
  const n = asIndex(v);
  if (n < 0 || n > 0x10ffff) throw overflowError('%c arg not in range(0x110000)');
  return String.fromCodePoint(n);
}

/** A number's parts before padding: sign ('-' or ''), prefix and digits. */
interface Numeric {
  negative: boolean;
  prefix: string;
  body: string;
}

// Objects/unicodeobject.c mainformatlong + _PyUnicode_FormatLong
function integerText(conv: string, v: PyObject, flags: number, prec: number): Numeric {
  let value: bigint;
  if (conv === 'd' || conv === 'i' || conv === 'u') {
    if (v instanceof PyInt) value = BigInt(v.value);
    else if (v instanceof PyFloat || v.type.nb_int || v.type.nb_index) {
      if (v instanceof PyFloat) {
        if (!Number.isFinite(v.value)) throw Number.isNaN(v.value) ? valueError('cannot convert float NaN to integer') : overflowError('cannot convert float infinity to integer');
        value = BigInt(Math.trunc(v.value));
      } else value = intOf(v);
    } else throw typeError(`%${conv} format: a real number is required, not ${v.type.name}`);
  } else {
    if (!isIndexable(v)) throw typeError(`%${conv} format: an integer is required, not ${v.type.name}`);
    value = intOf(v);
  }
  const negative = value < 0n;
  const mag = negative ? -value : value;
  const base = conv === 'o' ? 8 : conv === 'x' || conv === 'X' ? 16 : 10;
  let body = mag.toString(base);
  if (prec > body.length) body = '0'.repeat(prec - body.length) + body;
  let prefix = '';
  if (flags & F_ALT && base !== 10) prefix = base === 8 ? '0o' : '0x';
  if (conv === 'X') {
    body = body.toUpperCase();
    prefix = prefix.toUpperCase();
  }
  return { negative, prefix, body };
}

function intOf(v: PyObject): bigint {
  const i = index(v);
  const x = BigInt(i.value);
  decref(i);
  return x;
}

// Objects/unicodeobject.c formatfloat
function floatText(conv: string, v: PyObject, flags: number, prec: number): Numeric {
  let x: number;
  if (v instanceof PyFloat) x = v.value;
  else if (v instanceof PyInt) x = Number(v.value);
  else if (v.type.nb_float || v.type.nb_index) x = asDouble(v);
  else throw typeError(`must be real number, not ${v.type.name}`);
  const lower = conv.toLowerCase() as 'e' | 'f' | 'g';
  const text = doubleToString(x, {
    code: lower, precision: prec < 0 ? 6 : prec, alternate: (flags & F_ALT) !== 0, upper: conv !== lower,
  });
  const negative = text.startsWith('-');
  return { negative, prefix: '', body: negative ? text.slice(1) : text };
}

function padPlain(text: string, flags: number, width: number): string {
  const n = Array.from(text).length;
  if (width <= n) return text;
  return flags & F_LJUST ? text + ' '.repeat(width - n) : ' '.repeat(width - n) + text;
}

function padNumber(n: Numeric, flags: number, width: number): string {
  const sign = n.negative ? '-' : flags & F_SIGN ? '+' : flags & F_BLANK ? ' ' : '';
  const len = sign.length + n.prefix.length + n.body.length;
  if (width <= len) return sign + n.prefix + n.body;
  if (flags & F_LJUST) return sign + n.prefix + n.body + ' '.repeat(width - len);
  if (flags & F_ZERO) return sign + n.prefix + '0'.repeat(width - len) + n.body;
  return ' '.repeat(width - len) + sign + n.prefix + n.body;
}
