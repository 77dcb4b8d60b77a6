// Format strings of the struct module (Modules/_struct.c): the three tables of item codecs
// (native '@', little-endian '<' '=', big-endian '>' '!'), each code's size, alignment and
// range checks with CPython's messages, and prepare_s, which turns a format into a layout.
import type { PyObject } from '../objects/object.js';
import { decref } from '../objects/object.js';
import { PyInt, newBool, newInt, type IntValue } from '../objects/int.js';
import { PyFloat, asDouble, newFloat } from '../objects/float.js';
import { PyBytes, bytesResult } from '../objects/bytes.js';
import { PyByteArray, byteArrayBytes } from '../objects/bytearray.js';
import { PyBaseException, overflowError, pyErr } from '../objects/exceptions.js';
import { index, isTrue } from '../objects/abstract.js';
import type { PyType } from '../objects/type.js';
import { packHalfBits, unpackHalfBits } from '../objects/float16.js';

/** The module's exception class (struct.error), set when _struct is imported. */
export const structState = { error: null as PyType | null };

export function structError(msg: string): PyBaseException {
  return pyErr(structState.error!, msg);
}

/** One format character of one table: how many bytes, how aligned, how values go in and out. */
export interface ItemCodec {
  code: string;
  size: number;
  /** Native alignment (0 in the standard tables). */
  align: number;
  pack(dv: DataView, at: number, v: PyObject): void;
  unpack(dv: DataView, at: number): PyObject;
}

const I64_MIN = -(2n ** 63n);
const I64_MAX = 2n ** 63n - 1n;
const U64_MAX = 2n ** 64n - 1n;

// Modules/_struct.c get_pylong: an int, or anything with __index__.
function intArg(v: PyObject): IntValue {
  if (v instanceof PyInt) return v.value;
  if (v.type.nb_index) {
    const i = index(v);
    const x = i.value;
    decref(i);
    return x;
  }
  throw structError('required argument is not an integer');
}

/** get_long / get_ssize_t: a C long, "argument out of range" past it. */
function longArg(v: PyObject): IntValue {
  const x = intArg(v);
  if (typeof x === 'bigint' && (x < I64_MIN || x > I64_MAX)) throw structError('argument out of range');
  return x;
}

/** get_ulong / get_size_t: PyLong_AsUnsignedLong refuses negatives too. */
function ulongArg(v: PyObject): IntValue {
  const x = intArg(v);
  if (x < 0 || (typeof x === 'bigint' && x > U64_MAX)) throw structError('argument out of range');
  return x;
}

// Modules/_struct.c _range_error: the limits of a `size`-byte integer, in the code's own words.
function rangeError(code: string, size: number, unsigned: boolean): PyBaseException {
  const ulargest = 2n ** BigInt(8 * size) - 1n;
  if (unsigned) return structError(`'${code}' format requires 0 <= number <= ${ulargest}`);
  const largest = ulargest >> 1n;
  return structError(`'${code}' format requires ${-largest - 1n} <= number <= ${largest}`);
}

/** A converter from a Python value to an integer that fits the code, or struct.error. */
type IntConvert = (v: PyObject) => IntValue;

function bounded(read: IntConvert, lo: number, hi: number, fail: () => PyBaseException): IntConvert {
  return (v) => {
    const x = read(v);
    if (x < lo || x > hi) throw fail();
    return x;
  };
}

// The native routines np_byte .. np_ulonglong, whose messages the little-endian table borrows
// on a little-endian machine for the codes whose sizes agree (the swap in _structmodule_exec).
const nativeInts: Record<string, IntConvert> = {
  b: bounded(longArg, -128, 127, () => structError('byte format requires -128 <= number <= 127')),
  B: bounded(longArg, 0, 255, () => structError('ubyte format requires 0 <= number <= 255')),
  h: bounded(longArg, -32768, 32767, () => structError('short format requires -32768 <= number <= 32767')),
  H: bounded(longArg, 0, 65535, () => structError('ushort format requires 0 <= number <= 65535')),
  i: bounded(longArg, -(2 ** 31), 2 ** 31 - 1, () => rangeError('i', 4, false)),
  I: bounded(ulongArg, 0, 2 ** 32 - 1, () => rangeError('I', 4, true)),
  l: longArg, L: ulongArg, q: longArg, Q: ulongArg, n: longArg, N: ulongArg,
};

// np_void_p: PyLong_AsVoidPtr takes a negative value as a C long, others as unsigned.
function voidPtrArg(v: PyObject): IntValue {
  const x = intArg(v);
  if (typeof x === 'bigint' && (x < I64_MIN || x > U64_MAX)) throw structError('int too large to convert');
  return x;
}

/** lp_int / bp_int and their unsigned twins: a C long first, then the standard size's range. */
function standardInt(code: string, size: number, unsigned: boolean): IntConvert {
  const lo = unsigned ? 0 : -(2 ** (8 * size - 1));
  const hi = unsigned ? 2 ** (8 * size) - 1 : 2 ** (8 * size - 1) - 1;
  return bounded(unsigned ? ulongArg : longArg, lo, hi, () => rangeError(code, size, unsigned));
}

/** bp_longlong: _PyLong_AsByteArray's overflow becomes struct.error with its own words. */
function bigEndian64(unsigned: boolean): IntConvert {
  return (v) => {
    const x = intArg(v);
    const ok = unsigned ? x >= 0 && x <= U64_MAX : x >= I64_MIN && x <= I64_MAX;
    if (!ok) throw structError('int too large to convert');
    return x;
  };
}

function writeInt(dv: DataView, at: number, size: number, x: IntValue, little: boolean): void {
  if (size === 8) {
    dv.setBigUint64(at, BigInt.asUintN(64, BigInt(x)), little);
    return;
  }
  let u = Number(x);
  if (u < 0) u += 2 ** (8 * size);
  for (let k = 0; k < size; k++) {
    dv.setUint8(little ? at + k : at + size - 1 - k, u % 256);
    u = Math.floor(u / 256);
  }
}

function readInt(dv: DataView, at: number, size: number, signed: boolean, little: boolean): PyObject {
  switch (size) {
    case 1: return newInt(signed ? dv.getInt8(at) : dv.getUint8(at));
    case 2: return newInt(signed ? dv.getInt16(at, little) : dv.getUint16(at, little));
    case 4: return newInt(signed ? dv.getInt32(at, little) : dv.getUint32(at, little));
    default: return newInt(signed ? dv.getBigInt64(at, little) : dv.getBigUint64(at, little));
  }
}

function intCodec(code: string, size: number, align: number, little: boolean, convert: IntConvert): ItemCodec {
  const signed = code === code.toLowerCase();
  return {
    code, size, align,
    pack: (dv, at, v) => writeInt(dv, at, size, convert(v), little),
    unpack: (dv, at) => readInt(dv, at, size, signed, little),
  };
}

// np_float / np_double: PyFloat_AsDouble, whose failure always reads "not a float".
function floatArg(v: PyObject): number {
  if (v instanceof PyFloat) return v.value;
  try {
    return asDouble(v);
  } catch (e) {
    if (!(e instanceof PyBaseException)) throw e;
    decref(e);
    throw structError('required argument is not a float');
  }
}

/** PyFloat_Pack4's rounding: a finite double too large for binary32 is an OverflowError. */
function checkedFloat32(x: number): number {
  const y = Math.fround(x);
  if (!Number.isFinite(y) && Number.isFinite(x)) throw overflowError('float too large to pack with f format');
  return y;
}

function floatCodecs(little: boolean, native: boolean): ItemCodec[] {
  return [
    {
      code: 'e', size: 2, align: native ? 2 : 0,
      pack: (dv, at, v) => dv.setUint16(at, packHalfBits(floatArg(v)), little),
      unpack: (dv, at) => newFloat(unpackHalfBits(dv.getUint16(at, little))),
    },
    {
      // The native code is a C cast (an overflow becomes inf); the standard one is PyFloat_Pack4.
      code: 'f', size: 4, align: native ? 4 : 0,
      pack: (dv, at, v) => dv.setFloat32(at, native ? Math.fround(floatArg(v)) : checkedFloat32(floatArg(v)), little),
      unpack: (dv, at) => newFloat(dv.getFloat32(at, little)),
    },
    {
      code: 'd', size: 8, align: native ? 8 : 0,
      pack: (dv, at, v) => dv.setFloat64(at, floatArg(v), little),
      unpack: (dv, at) => newFloat(dv.getFloat64(at, little)),
    },
  ];
}

/** Codes whose packing the struct loop does itself ('s', 'p', 'x'): only size and alignment here. */
function rawCodec(code: string): ItemCodec {
  return {
    code, size: 1, align: 0,
    pack: () => undefined,
    unpack: () => {
      throw new Error(`struct code ${code} has no item codec`);
    },
  };
}

const charCodec: ItemCodec = {
  code: 'c', size: 1, align: 0,
  pack: (dv, at, v) => {
    if (!(v instanceof PyBytes) || v.data.length !== 1) throw structError('char format requires a bytes object of length 1');
    dv.setUint8(at, v.data[0]!);
  },
  unpack: (dv, at) => bytesResult(new Uint8Array(dv.buffer, dv.byteOffset + at, 1).slice()),
};

const boolCodec: ItemCodec = {
  code: '?', size: 1, align: 0,
  pack: (dv, at, v) => dv.setUint8(at, isTrue(v) ? 1 : 0),
  unpack: (dv, at) => newBool(dv.getUint8(at) !== 0),
};

function table(codecs: ItemCodec[]): Map<string, ItemCodec> {
  return new Map(codecs.map((c) => [c.code, c]));
}

/** native_table: x86-64 Linux sizes, each aligned to its own size. */
const nativeTable = table([
  rawCodec('x'), rawCodec('s'), rawCodec('p'), charCodec, boolCodec,
  ...(['b', 'B', 'h', 'H', 'i', 'I', 'l', 'L', 'q', 'Q', 'n', 'N'] as const).map((c) => {
    const size = { b: 1, B: 1, h: 2, H: 2, i: 4, I: 4, l: 8, L: 8, q: 8, Q: 8, n: 8, N: 8 }[c];
    return intCodec(c, size, size, true, nativeInts[c]!);
  }),
  intCodec('P', 8, 8, true, voidPtrArg),
  ...floatCodecs(true, true),
]);

const STANDARD_SIZES = { b: 1, B: 1, h: 2, H: 2, i: 4, I: 4, l: 4, L: 4, q: 8, Q: 8 } as const;

/** lilendian_table, with the native routines swapped in where the sizes agree. */
const littleTable = table([
  rawCodec('x'), rawCodec('s'), rawCodec('p'), charCodec, boolCodec,
  ...(Object.entries(STANDARD_SIZES) as [keyof typeof STANDARD_SIZES, number][]).map(([c, size]) =>
    intCodec(c, size, 0, true, c === 'l' || c === 'L' ? standardInt(c, size, c === 'L') : nativeInts[c]!)),
  ...floatCodecs(true, false),
]);

/** bigendian_table */
const bigTable = table([
  rawCodec('x'), rawCodec('s'), rawCodec('p'), charCodec, boolCodec,
  ...(Object.entries(STANDARD_SIZES) as [keyof typeof STANDARD_SIZES, number][]).map(([c, size]) => {
    let convert: IntConvert;
    if (size === 1) convert = nativeInts[c]!;
    else if (size === 8) convert = bigEndian64(c === 'Q');
    else convert = standardInt(c, size, c === c.toUpperCase());
    return intCodec(c, size, 0, false, convert);
  }),
  ...floatCodecs(false, false),
]);

/** formatcode: one run of a code, `repeat` items of `size` bytes from `offset` ('s'/'p': one item). */
export interface FormatCode {
  codec: ItemCodec;
  offset: number;
  size: number;
  repeat: number;
}

/** What prepare_s computes: s_size, s_len and s_codes. */
export interface StructLayout {
  /** The packed size in bytes, exact even past 2**53 (calcsize can report it). */
  size: bigint;
  len: number;
  codes: FormatCode[];
}

const SSIZE_MAX = 2n ** 63n - 1n;

function isSpace(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\x0b' || c === '\x0c';
}

// Modules/_struct.c prepare_s
export function parseFormat(fmt: string): StructLayout {
  let tableOf = nativeTable;
  let native = true;
  let i = 0;
  switch (fmt[0]) {
    case '<': case '=': tableOf = littleTable; native = false; i = 1; break;
    case '>': case '!': tableOf = bigTable; native = false; i = 1; break;
    case '@': i = 1; break;
  }
  const tooLong = () => structError('total struct size too long');
  let size = 0n;
  let len = 0;
  const codes: FormatCode[] = [];
  while (i < fmt.length) {
    let c = fmt[i++]!;
    if (isSpace(c)) continue;
    let num = 1n;
    if (c >= '0' && c <= '9') {
      num = BigInt(c.charCodeAt(0) - 48);
      while (i < fmt.length && fmt[i]! >= '0' && fmt[i]! <= '9') {
        const d = BigInt(fmt.charCodeAt(i++) - 48);
        if (num > (SSIZE_MAX - d) / 10n) throw tooLong();
        num = num * 10n + d;
      }
      if (i >= fmt.length) throw structError('repeat count given without format specifier');
      c = fmt[i++]!;
    }
    const codec = tableOf.get(c);
    if (!codec) throw structError('bad char in struct format');
    if (native && codec.align > 0 && size > 0n) {
      const a = BigInt(codec.align);
      size = ((size + a - 1n) / a) * a;
    }
    const itemSize = BigInt(codec.size);
    if (num > (SSIZE_MAX - size) / itemSize) throw tooLong();
    if (c === 's' || c === 'p') {
      codes.push({ codec, offset: Number(size), size: Number(num), repeat: 1 });
      len++;
    } else if (c !== 'x' && num > 0n) {
      codes.push({ codec, offset: Number(size), size: codec.size, repeat: Number(num) });
      len += Number(num);
    }
    size += num * itemSize;
  }
  return { size, len, codes };
}

/** Packs `values` (exactly layout.len of them) into data at `base`. */
export function packInto(layout: StructLayout, data: Uint8Array, base: number, values: readonly PyObject[]): void {
  const dv = new DataView(data.buffer, data.byteOffset, data.byteLength);
  let k = 0;
  for (const fc of layout.codes) {
    const at = base + fc.offset;
    const code = fc.codec.code;
    if (code === 's' || code === 'p') {
      const bytes = stringArg(code, values[k++]!);
      if (code === 's') {
        const n = Math.min(bytes.length, fc.size);
        data.set(bytes.subarray(0, n), at);
        data.fill(0, at + n, at + fc.size);
      } else if (fc.size > 0) {
        const n = Math.min(bytes.length, fc.size - 1);
        data.set(bytes.subarray(0, n), at + 1);
        data.fill(0, at + 1 + n, at + fc.size);
        data[at] = Math.min(n, 255);
      }
      continue;
    }
    for (let r = 0; r < fc.repeat; r++) fc.codec.pack(dv, at + r * fc.size, values[k++]!);
  }
}

// s_pack_internal: 's' and 'p' take bytes or bytearray.
function stringArg(code: string, v: PyObject): Uint8Array {
  if (v instanceof PyBytes) return v.data;
  if (v instanceof PyByteArray) return byteArrayBytes(v);
  throw structError(`argument for '${code}' must be a bytes object`);
}

/** The values of one struct's worth of bytes at `base` (new references). */
export function unpackAt(layout: StructLayout, data: Uint8Array, base: number): PyObject[] {
  const dv = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const out: PyObject[] = [];
  for (const fc of layout.codes) {
    const at = base + fc.offset;
    const code = fc.codec.code;
    if (code === 's') {
      out.push(bytesResult(data.slice(at, at + fc.size)));
      continue;
    }
    if (code === 'p') {
      let n = fc.size > 0 ? data[at]! : 0;
      if (n >= fc.size) n = Math.max(fc.size - 1, 0);
      out.push(bytesResult(data.slice(at + 1, at + 1 + n)));
      continue;
    }
    for (let r = 0; r < fc.repeat; r++) out.push(fc.codec.unpack(dv, at + r * fc.size));
  }
  return out;
}
