// The text builtins (Python/bltinmodule.c): chr, ord, ascii and format.
import { decref, type PyObject } from '../../objects/object.js';
import type { NativeFunctionDef } from '../../objects/native.js';
import { asIndex, repr } from '../../objects/abstract.js';
import { objectFormat } from '../../objects/unicode/format.js';
import { overflowError, typeError, valueError } from '../../objects/exceptions.js';
import { PyStr, newStr, strFromCodePoint } from '../../objects/str.js';
import { newInt as newIntOf } from '../../objects/int.js';
import { asciiEscape } from '../../objects/unicode/repr.js';
import { PyBytes } from '../../objects/bytes.js';
import { PyByteArray, byteArrayBytes } from '../../objects/bytearray.js';

const C_INT_MAX = 2147483647;

// Python/bltinmodule.c builtin_chr_impl
function builtinChr(_self: PyObject, x: PyObject): PyObject {
  const v = asIndex(x);
  if (v > C_INT_MAX || v < -C_INT_MAX - 1) throw overflowError('Python int too large to convert to C int');
  if (v < 0 || v > 0x10ffff) throw valueError('chr() arg not in range(0x110000)');
  return strFromCodePoint(v);
}

// Python/bltinmodule.c builtin_ord
function builtinOrd(_self: PyObject, c: PyObject): PyObject {
  let size: number;
  if (c instanceof PyStr) {
    size = c.length;
    if (size === 1) return newIntOf(c.value.codePointAt(0)!);
  } else {
    const bytes = c instanceof PyBytes ? c.data : c instanceof PyByteArray ? byteArrayBytes(c) : null;
    if (bytes === null) throw typeError(`ord() expected string of length 1, but ${c.type.name} found`);
    size = bytes.length;
    if (size === 1) return newIntOf(bytes[0]!);
  }
  throw typeError(`ord() expected a character, but string of length ${size} found`);
}

// Objects/object.c PyObject_ASCII
function builtinAscii(_self: PyObject, o: PyObject): PyObject {
  const r = repr(o) as PyStr;
  if (r.ascii) return r;
  const text = asciiEscape(r.value);
  decref(r);
  return newStr(text);
}

// Python/bltinmodule.c builtin_format_impl
function builtinFormat(_self: PyObject, args: PyObject[]): PyObject {
  if (args.length < 1 || args.length > 2) {
    throw typeError(`format expected ${args.length < 1 ? 'at least 1' : 'at most 2'} argument${args.length < 1 ? '' : 's'}, got ${args.length}`);
  }
  const spec = args[1];
  if (spec !== undefined && !(spec instanceof PyStr)) throw typeError(`format() argument 2 must be str, not ${spec.type.name}`);
  return objectFormat(args[0]!, spec ?? null);
}

export const textBuiltins: NativeFunctionDef[] = [
  {
    name: 'chr', code: { kind: 'o', fn: builtinChr },
    doc: 'chr($module, i, /)\n--\n\nReturn a Unicode string of one character with ordinal i; 0 <= i <= 0x10ffff.',
  },
  {
    name: 'ord', code: { kind: 'o', fn: builtinOrd },
    doc: 'ord($module, c, /)\n--\n\nReturn the Unicode code point for a one-character string.',
  },
  {
    name: 'ascii', code: { kind: 'o', fn: builtinAscii },
    doc: 'ascii($module, obj, /)\n--\n\nReturn an ASCII-only representation of an object.\n\nAs repr(), return a string containing a printable representation of an\nobject, but escape the non-ASCII characters in the string returned by\nrepr() using \\\\x, \\\\u or \\\\U escapes. This generates a string similar\nto that returned by repr() in Python 2.',
  },
  {
    name: 'format', code: { kind: 'fast', fn: builtinFormat },
    doc: "format($module, value, format_spec='', /)\n--\n\nReturn value.__format__(format_spec)\n\nformat_spec defaults to the empty string.\nSee the Format Specification Mini-Language section of help('FORMATTING') for\ndetails.",
  },
];
