// The item descriptors of the array module (Modules/arraymodule.c descriptors[]): each typecode's
// C size on x86-64 Linux, how an item is read from the storage, and how a Python value is
// converted into it with the OverflowError and TypeError wordings of its *_setitem routine.
import type { PyObject } from '../objects/object.js';
import { decref } from '../objects/object.js';
import { PyInt, newInt, type IntValue } from '../objects/int.js';
import { PyFloat, asDouble, newFloat } from '../objects/float.js';
import { PyStr, strFromCodePoint } from '../objects/str.js';
import { overflowError, typeError } from '../objects/exceptions.js';
import { index } from '../objects/abstract.js';

export interface ArrayDescr {
  typecode: string;
  itemsize: number;
  /** The struct-module format the buffer protocol reports. */
  format: string;
  get(dv: DataView, at: number): PyObject;
  /** Converts v (raising as CPython does) and stores it at byte offset `at`. */
  set(dv: DataView, at: number, v: PyObject): void;
  /** The value as a host number or bigint, for comparisons and searches without objects. */
  raw(dv: DataView, at: number): number | bigint | string;
  /** mformat code of array_reconstructor for this typecode on a little-endian machine. */
  mformat: number;
}

const I64_MIN = -(2n ** 63n);
const I64_MAX = 2n ** 63n - 1n;
const U64_MAX = 2n ** 64n - 1n;

/** The integer of an int or of an object with __index__ (PyNumber_Index). */
function intOf(v: PyObject): IntValue {
  if (v instanceof PyInt) return v.value;
  const i = index(v);
  const x = i.value;
  decref(i);
  return x;
}

/** PyLong_AsLong as the PyArg_Parse integer formats use it. */
function cLong(v: PyObject): IntValue {
  const x = intOf(v);
  if (typeof x === 'bigint' && (x < I64_MIN || x > I64_MAX)) throw overflowError('Python int too large to convert to C long');
  return x;
}

function check(x: IntValue, lo: number, hi: number, what: string): IntValue {
  if (x < lo) throw overflowError(`${what} is less than minimum`);
  if (x > hi) throw overflowError(`${what} is greater than maximum`);
  return x;
}

/** PyArg_Parse 'h' and 'i' */
const cShort = (v: PyObject) => check(cLong(v), -32768, 32767, 'signed short integer');
const cInt = (v: PyObject) => check(cLong(v), -(2 ** 31), 2 ** 31 - 1, 'signed integer');

/** PyLong_AsUnsignedLong after an __index__ conversion (II_setitem, LL_setitem). */
function cULong(v: PyObject): IntValue {
  const x = intOf(v);
  if (x < 0) throw overflowError("can't convert negative value to unsigned int");
  if (typeof x === 'bigint' && x > U64_MAX) throw overflowError('Python int too large to convert to C unsigned long');
  return x;
}

function intDescr(typecode: string, itemsize: number, mformat: number, convert: (v: PyObject) => IntValue): ArrayDescr {
  const signed = typecode === typecode.toLowerCase();
  let get: (dv: DataView, at: number) => number | bigint;
  let put: (dv: DataView, at: number, x: IntValue) => void;
  switch (itemsize) {
    case 1:
      get = signed ? (dv, at) => dv.getInt8(at) : (dv, at) => dv.getUint8(at);
      put = (dv, at, x) => dv.setUint8(at, Number(x) & 0xff);
      break;
    case 2:
      get = signed ? (dv, at) => dv.getInt16(at, true) : (dv, at) => dv.getUint16(at, true);
      put = (dv, at, x) => dv.setUint16(at, Number(x) & 0xffff, true);
      break;
    case 4:
      get = signed ? (dv, at) => dv.getInt32(at, true) : (dv, at) => dv.getUint32(at, true);
      put = (dv, at, x) => dv.setUint32(at, Number(x) >>> 0, true);
      break;
    default:
      get = signed ? (dv, at) => dv.getBigInt64(at, true) : (dv, at) => dv.getBigUint64(at, true);
      put = (dv, at, x) => dv.setBigUint64(at, BigInt.asUintN(64, BigInt(x)), true);
  }
  return {
    typecode, itemsize, format: typecode, mformat,
    get: (dv, at) => newInt(get(dv, at)),
    set: (dv, at, v) => put(dv, at, convert(v)),
    raw: (dv, at) => {
      const x = get(dv, at);
      return typeof x === 'bigint' && x >= Number.MIN_SAFE_INTEGER && x <= Number.MAX_SAFE_INTEGER ? Number(x) : x;
    },
  };
}

function floatDescr(typecode: string, itemsize: number, mformat: number): ArrayDescr {
  const get = itemsize === 4 ? (dv: DataView, at: number) => dv.getFloat32(at, true) : (dv: DataView, at: number) => dv.getFloat64(at, true);
  return {
    typecode, itemsize, format: typecode, mformat,
    get: (dv, at) => newFloat(get(dv, at)),
    set: (dv, at, v) => {
      const x = v instanceof PyFloat ? v.value : asDouble(v);
      if (itemsize === 4) dv.setFloat32(at, x, true);
      else dv.setFloat64(at, x, true);
    },
    raw: get,
  };
}

/** 'u': a 4-byte wchar_t holding one code point. */
const unicodeDescr: ArrayDescr = {
  typecode: 'u', itemsize: 4, format: 'u', mformat: 20,
  get: (dv, at) => strFromCodePoint(dv.getUint32(at, true)),
  set: (dv, at, v) => {
    const cp = v instanceof PyStr ? singleCodePoint(v.value) : -1;
    if (cp < 0) throw typeError('array item must be unicode character');
    dv.setUint32(at, cp, true);
  },
  raw: (dv, at) => String.fromCodePoint(dv.getUint32(at, true)),
};

function singleCodePoint(s: string): number {
  const cp = s.codePointAt(0);
  if (cp === undefined) return -1;
  return s.length === (cp > 0xffff ? 2 : 1) ? cp : -1;
}

export const DESCRIPTORS: ReadonlyMap<string, ArrayDescr> = new Map([
  ['b', intDescr('b', 1, 1, (v) => check(cShort(v), -128, 127, 'signed char'))],
  ['B', intDescr('B', 1, 0, (v) => check(cLong(v), 0, 255, 'unsigned byte integer'))],
  ['u', unicodeDescr],
  ['h', intDescr('h', 2, 4, cShort)],
  ['H', intDescr('H', 2, 2, (v) => check(cInt(v), 0, 65535, 'unsigned short'))],
  ['i', intDescr('i', 4, 8, cInt)],
  ['I', intDescr('I', 4, 6, (v) => {
    const x = cULong(v);
    if (x > 2 ** 32 - 1) throw overflowError('unsigned int is greater than maximum');
    return x;
  })],
  ['l', intDescr('l', 8, 12, cLong)],
  ['L', intDescr('L', 8, 10, cULong)],
  ['q', intDescr('q', 8, 12, (v) => {
    const x = intOf(v);
    if (typeof x === 'bigint' && (x < I64_MIN || x > I64_MAX)) throw overflowError('int too big to convert');
    return x;
  })],
  ['Q', intDescr('Q', 8, 10, (v) => {
    const x = intOf(v);
    if (x < 0) throw overflowError("can't convert negative int to unsigned");
    if (typeof x === 'bigint' && x > U64_MAX) throw overflowError('int too big to convert');
    return x;
  })],
  ['f', floatDescr('f', 4, 14)],
  ['d', floatDescr('d', 8, 16)],
].map(([k, d]) => [k as string, d as ArrayDescr]));

export const TYPECODES = 'bBuhHiIlLqQfd';
