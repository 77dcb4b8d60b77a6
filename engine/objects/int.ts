// int and bool (Objects/longobject.c, Objects/boolobject.c): arbitrary-precision integers stored
// as CPython does in 30-bit digits, which is what their size depends on. The arithmetic itself
// is in intops.ts; this module is the type: slots, methods, construction and identity.
import { PyObject, decref, newref } from './object.js';
import { CompareOp, TypeFlags, type PyType } from './type.js';
import { defineType } from './define.js';
import { allocObject, allocStatic, freeObject, heap } from './heap.js';
import * as ops from './intops.js';
import { normInt, type IntValue } from './intops.js';
import { None, NotImplemented } from './singletons.js';
import {
  OverflowError, newException, overflowError, typeError, valueError, zeroDivisionError,
} from './exceptions.js';
import { newStr, PyStr } from './str.js';
import { newTuple } from './tuple.js';
import { parseIntLiteral, intStrDigits } from './numparse.js';
import { unpackArgs } from './args.js';
import type { NativeCode } from './native.js';
import { index, lookupSpecial, call, reprString, isTrue, forEach, genericGetAttr } from './abstract.js';
import { newFloat, floatPower } from './float.js';
import { formatInt } from './numformat.js';
import { documentedGetsets, documentedMethods } from './documented.js';
import { checkBuffer, withBytes } from './buffer.js';
import { registerWorldState } from '../os/worldRoots.js';
import { objectLayouts } from '../profiles/objects.js';


export { normInt, type IntValue };

export class PyInt extends PyObject {
  constructor(type: PyObject['type'], public value: IntValue) {
    super(type);
  }
}

/** offsetof(PyLongObject, ob_digit) */
export const LONG_HEADER = 24;
/** PyLong_SHIFT: CPython stores 30 bits per 4-byte digit on 64-bit Linux. */
export const DIGIT_BITS = 30;

/** Number of 30-bit digits of |v| (Py_SIZE's magnitude); 0 for zero, as CPython stores it. */
export function digitCount(v: IntValue): number {
  return Math.ceil(ops.bitLength(v) / DIGIT_BITS);
}

/** sizeof(PyLongObject): the header and one digit, padded to the struct's 8-byte alignment. */
const LONG_STRUCT_SIZE = (LONG_HEADER + 4 + 7) & ~7;

/** Bytes PyObject_Malloc is asked for a PyLongObject holding v: the header and its digits (at
 *  least one is allocated); a one-digit value made by _PyLong_FromMedium (3.11+) takes the
 *  whole struct. */
export function intAllocSize(v: IntValue): number {
  // Every allocation of an int asks this: host numbers need one or two digits.
  if (typeof v === 'number') {
    if (v >= 0x40000000 || v <= -0x40000000) return LONG_HEADER + 8;
    return objectLayouts(heap.profile).intMediumAllocatesStruct ? LONG_STRUCT_SIZE : LONG_HEADER + 4;
  }
  return LONG_HEADER + 4 * Math.max(1, digitCount(v));
}

function deallocInt(o: PyObject): void {
  freeObject(o);
}

/** The value of an int object (any int subclass, bool included). */
export function intValue(o: PyObject): IntValue {
  return (o as PyInt).value;
}

/** PyLong_FromLong and friends: the cached object for small values, a new one otherwise. */
export function newInt(v: IntValue): PyInt {
  if (typeof v === 'number') {
    if (v >= SMALL_MIN && v <= SMALL_MAX) {
      const o = smallInts[v - SMALL_MIN]!;
      o.refcnt++;
      return o;
    }
  } else {
    v = normInt(v);
    if (typeof v === 'number') return newInt(v);
  }
  const o = new PyInt(intType, v);
  allocObject(o, intAllocSize(v));
  return o;
}

export function newBool(b: boolean): PyInt {
  const o = b ? True : False;
  o.refcnt++;
  return o;
}

/** An instance of an int subclass (long_subtype_new): the subclass's extra layout follows the digits. */
export function newIntOfType(type: PyType, v: IntValue): PyInt {
  if (type === intType) return newInt(v);
  const o = new PyInt(type, v);
  // _PyObject_VAR_SIZE: the subclass's basic size and the digits, rounded up to a pointer.
  allocObject(o, (type.basicsize + 4 * Math.max(1, digitCount(v)) + 7) & ~7);
  return o;
}

/** PyLong_Check */
export function isInt(o: PyObject): o is PyInt {
  return o instanceof PyInt;
}

// Hooks to the float type, which imports this module: true division and int ** -n make floats.
export const floatBridge = {
  newFloat: null as unknown as (x: number) => PyObject,
  floatPower: null as unknown as (a: PyObject, b: PyObject, z: PyObject) => PyObject,
};

function notImplemented(): PyObject {
  NotImplemented.refcnt++;
  return NotImplemented;
}

type IntBinary = (a: IntValue, b: IntValue) => PyObject;

/** A binary slot that answers NotImplemented unless both operands are ints (CHECK_BINOP). */
function intBinop(f: IntBinary): (a: PyObject, b: PyObject) => PyObject {
  return (a, b) => (a instanceof PyInt && b instanceof PyInt ? f(a.value, b.value) : notImplemented());
}

/** PyLong_AsDouble with its OverflowError. */
export function intToDouble(v: IntValue): number {
  const d = ops.toDouble(v);
  if (!Number.isFinite(d)) throw overflowError('int too large to convert to float');
  return d;
}

/** The digit-count limit of int <-> decimal str conversions (3.11's CVE-2020-10735 guard). */
function checkStrDigits(v: IntValue): void {
  if (typeof v === 'number' || intStrDigits.max === 0) return;
  // Cheap bound first: a decimal digit carries log2(10) bits.
  const bits = ops.bitLength(v);
  if (bits / 3.3219280948873626 < intStrDigits.max - 1) return;
  const digits = (v < 0n ? -v : v).toString().length;
  if (digits > intStrDigits.max) {
    throw valueError(`Exceeds the limit (${intStrDigits.max} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit`);
  }
}

/** long_to_decimal_string */
export function intToDecimal(v: IntValue): string {
  checkStrDigits(v);
  return intToBase(v, 10);
}

/** Longest digit string the host can build; longer is a MemoryError, as the allocation would be. */
const MAX_DIGITS = 2 ** 28;

/** The digits of v in `base` (with a '-' for negatives), MemoryError past the host's strings. */
export function intToBase(v: IntValue, base: number): string {
  if (typeof v === 'bigint' && ops.bitLength(v) / Math.log2(base) > MAX_DIGITS) throw heap.memoryError();
  return v.toString(base);
}

function intRepr(o: PyObject): PyObject {
  return newStr(intToDecimal((o as PyInt).value));
}

function intHash(o: PyObject): bigint {
  return ops.hashInt((o as PyInt).value);
}

function intRichCompare(a: PyObject, b: PyObject, op: CompareOp): PyObject {
  if (!(b instanceof PyInt)) return notImplemented();
  return newBool(compareResult(ops.compare((a as PyInt).value, b.value), op));
}

/** Applies a rich comparison operator to a three-way comparison result. */
export function compareResult(c: number, op: CompareOp): boolean {
  switch (op) {
    case CompareOp.LT: return c < 0;
    case CompareOp.LE: return c <= 0;
    case CompareOp.EQ: return c === 0;
    case CompareOp.NE: return c !== 0;
    case CompareOp.GT: return c > 0;
    default: return c >= 0;
  }
}

function checkDivisor(b: IntValue, message: string): void {
  if (b === 0) throw zeroDivisionError(message);
}

// Objects/longobject.c long_divmod
function intDivmod(a: IntValue, b: IntValue): PyObject {
  checkDivisor(b, 'integer division or modulo by zero');
  return newTuple([newInt(ops.floorDiv(a, b)), newInt(ops.mod(a, b))]);
}

// Objects/longobject.c long_true_divide
function intTrueDivide(a: IntValue, b: IntValue): PyObject {
  if (b === 0) throw zeroDivisionError('division by zero');
  const r = ops.trueDivide(a, b);
  if (!Number.isFinite(r)) throw overflowError('integer division result too large for a float');
  return newFloat(r === 0 && (a === 0 ? b < 0 : (a < 0) !== (b < 0)) ? -0 : r);
}

/** Shift counts beyond this make results too large to hold (Py_SSIZE_T bits of digits). */
const MAX_SHIFT = 2 ** 40;

/** The largest int the host can hold, in bits; a bigger result is a MemoryError, as an
 *  allocation past the simulated heap would be. */
const MAX_BITS = 2 ** 30 - 64;

function checkBits(bits: number): void {
  if (bits > MAX_BITS) throw heap.memoryError();
}

function shiftCount(n: IntValue): number {
  if (n < 0) throw valueError('negative shift count');
  return typeof n === 'number' ? n : Number(n);
}

// Objects/longobject.c long_lshift
function intLshift(a: IntValue, b: IntValue): PyObject {
  const n = shiftCount(b);
  if (a === 0) return newInt(0);
  if (n > MAX_SHIFT) throw overflowError('too many digits in integer');
  checkBits(ops.bitLength(a) + n);
  return newInt(ops.lshift(a, n));
}

// Objects/longobject.c long_rshift
function intRshift(a: IntValue, b: IntValue): PyObject {
  const n = shiftCount(b);
  if (n > MAX_SHIFT) return newInt(a < 0 ? -1 : 0);
  return newInt(ops.rshift(a, n));
}

// Objects/longobject.c long_pow
function intPower(a: PyObject, b: PyObject, z: PyObject): PyObject {
  if (!(a instanceof PyInt) || !(b instanceof PyInt)) return notImplemented();
  const base = a.value;
  const exp = b.value;
  if (z === None) {
    if (exp < 0) return floatPower(a, b, z);
    const baseBits = ops.bitLength(base);
    if (baseBits > 1) checkBits((baseBits - 1) * Number(exp));
    return newInt(ops.pow(base, exp));
  }
  if (!(z instanceof PyInt)) return notImplemented();
  const m = z.value;
  if (m === 0) throw valueError('pow() 3rd argument cannot be 0');
  if (exp < 0) {
    const absM = ops.big(ops.abs(m));
    const inv = ops.modInverse(ops.big(base), absM);
    if (inv === null) throw valueError('base is not invertible for the given modulus');
    return newInt(ops.powMod(inv, ops.neg(exp), m));
  }
  return newInt(ops.powMod(base, exp, m));
}

/** The exact int of an int subclass instance (nb_int, nb_index, +x). */
function exactInt(o: PyObject): PyObject {
  return o.type === intType ? newref(o) : newInt((o as PyInt).value);
}

function intBool(o: PyObject): boolean {
  return (o as PyInt).value !== 0;
}

function intFloat(o: PyObject): PyObject {
  return newFloat(intToDouble((o as PyInt).value));
}

// ------------------------------------------------------------------ construction

function literalError(text: PyObject, base: number): PyObject {
  let r = reprString(text);
  if (r.length > 200) r = r.slice(0, 200);
  return valueError(`invalid literal for int() with base ${base}: ${r}`);
}

/** int(str, base): PyLong_FromUnicodeObject. */
export function intFromString(text: PyObject, s: string, base: number): IntValue {
  const r = parseIntLiteral(s, base);
  if ('value' in r) return r.value;
  if (r.error === 'too many digits') {
    throw valueError(`Exceeds the limit (${intStrDigits.max} digits) for integer string conversion: value has ${r.digits} digits; use sys.set_int_max_str_digits() to increase the limit`);
  }
  throw literalError(text, base);
}

/** The text of a str or bytes-like argument (int() and float() read bytes as Latin-1), or null. */
export function numberText(o: PyObject): string | null {
  if (o instanceof PyStr) return o.value;
  if (checkBuffer(o)) return withBytes(o, (data) => String.fromCharCode(...data));
  return null;
}

/** Float to int (PyLong_FromDouble) with its errors for infinities and NaN. */
export function intFromDouble(x: number): IntValue {
  if (Number.isNaN(x)) throw valueError('cannot convert float NaN to integer');
  if (!Number.isFinite(x)) throw overflowError('cannot convert float infinity to integer');
  return ops.fromDouble(x);
}

function checkIntResult(r: PyObject, what: string): PyInt {
  if (!(r instanceof PyInt)) {
    const tn = r.type.name;
    decref(r);
    throw typeError(`${what} returned non-int (type ${tn})`);
  }
  return r;
}

// Objects/abstract.c PyNumber_Long
export function numberToInt(o: PyObject): IntValue {
  if (o instanceof PyInt) return o.value;
  const t = o.type;
  if (t.nb_int) {
    const r = checkIntResult(t.nb_int(o), '__int__');
    const v = r.value;
    decref(r);
    return v;
  }
  if (t.nb_index) {
    const r = index(o);
    const v = r.value;
    decref(r);
    return v;
  }
  const trunc = lookupSpecial(o, '__trunc__');
  if (trunc !== null) {
    let r: PyObject;
    try {
      r = call(trunc, []);
    } finally {
      decref(trunc);
    }
    if (r instanceof PyInt) {
      const v = r.value;
      decref(r);
      return v;
    }
    if (!r.type.nb_index) {
      const tn = r.type.name;
      decref(r);
      throw typeError(`__trunc__ returned non-Integral (type ${tn})`);
    }
    const i = index(r);
    decref(r);
    const v = i.value;
    decref(i);
    return v;
  }
  const s = numberText(o);
  if (s !== null) return intFromString(o, s, 10);
  throw typeError(`int() argument must be a string, a bytes-like object or a real number, not '${t.name}'`);
}

/** Clamps an int to a JS number (PyNumber_AsSsize_t with clipping). */
function smallValue(v: IntValue): number {
  return typeof v === 'number' ? v : Number(v);
}

const SSIZE_MAX = 9223372036854775807n;

/** PyLong_AsSsize_t: the value as a JS number, OverflowError beyond a C ssize_t. */
function asSsize(v: IntValue): number {
  if (typeof v === 'bigint' && (v > SSIZE_MAX || v < -SSIZE_MAX - 1n)) {
    throw overflowError('Python int too large to convert to C ssize_t');
  }
  return Number(v);
}

// Objects/longobject.c long_new_impl
function intNew(type: PyType, args: PyObject[], kwnames: readonly string[] | null): PyObject {
  const nkw = kwnames ? kwnames.length : 0;
  if (args.length - nkw > 2) throw typeError(`int() takes at most 2 arguments (${args.length - nkw} given)`);
  const [x, baseArg] = unpackArgs({ fname: 'int', names: ['x', 'base'], posOnly: 1 }, args, kwnames);
  if (baseArg === undefined) return newIntOfType(type, x === undefined ? 0 : numberToInt(x));
  if (x === undefined) throw typeError('int() missing string argument');
  const bi = index(baseArg);
  const base = smallValue(bi.value);
  decref(bi);
  if ((base !== 0 && base < 2) || base > 36) throw valueError('int() base must be >= 2 and <= 36, or 0');
  const s = numberText(x);
  if (s === null) throw typeError("int() can't convert non-string with explicit base");
  return newIntOfType(type, intFromString(x, s, base));
}

// ------------------------------------------------------------------ methods

function byteorderOf(o: PyObject | undefined, fname: string): 'big' | 'little' {
  if (o === undefined) return 'big';
  if (!(o instanceof PyStr)) throw typeError(`${fname}() argument 'byteorder' must be str, not ${o.type.name}`);
  if (o.value !== 'big' && o.value !== 'little') throw valueError("byteorder must be either 'little' or 'big'");
  return o.value;
}

function signedOf(o: PyObject | undefined): boolean {
  if (o === undefined) return false;
  return o.type.nb_bool ? o.type.nb_bool(o) : o !== None;
}

// Objects/longobject.c int_to_bytes_impl
function intToBytes(self: PyObject, args: PyObject[], kwnames: readonly string[] | null): PyObject {
  const [lengthArg, orderArg, signedArg] = unpackArgs(
    { fname: 'to_bytes', names: ['length', 'byteorder', 'signed'], kwOnlyFrom: 2 }, args, kwnames);
  let length = 1;
  if (lengthArg !== undefined) {
    const li = index(lengthArg);
    length = asSsize(li.value);
    decref(li);
  }
  const order = byteorderOf(orderArg, 'to_bytes');
  const signed = signedOf(signedArg);
  if (length < 0) throw valueError('length argument must be non-negative');
  checkBits(length * 8);
  let v = ops.big((self as PyInt).value);
  if (v < 0n && !signed) throw overflowError("can't convert negative int to unsigned");
  const bits = BigInt(length * 8);
  const limit = signed ? 1n << (bits - 1n) : 1n << bits;
  if ((signed && (v >= limit || v < -limit)) || (!signed && v >= limit) || (length === 0 && v !== 0n)) {
    throw overflowError('int too big to convert');
  }
  if (v < 0n) v += 1n << bits;
  const out = new Uint8Array(length);
  for (let i = length - 1; i >= 0; i--) {
    out[i] = Number(v & 0xffn);
    v >>= 8n;
  }
  if (order === 'little') out.reverse();
  return bytesMaker.make(out);
}

/** How to_bytes makes its result: bytes.ts cannot be imported here (it loads the codecs, which
 *  need exception types not yet defined when this module loads), so intbytes.ts installs it. */
export const bytesMaker = {
  make: (data: Uint8Array): PyObject => {
    throw typeError(`bytes are not available (${data.length} bytes)`);
  },
};

// Objects/abstract.c PyObject_Bytes as int.from_bytes uses it: __bytes__, a bytes-like object,
// or an iterable of ints; str and int are refused.
function bytesOfObject(o: PyObject): Uint8Array {
  const conv = o.type.lookup('__bytes__') ? lookupSpecial(o, '__bytes__') : null;
  if (conv !== null) {
    let r: PyObject;
    try {
      r = call(conv, []);
    } finally {
      decref(conv);
    }
    try {
      return withBytes(r, (d) => d.slice(), () => `__bytes__ returned non-bytes (type ${r.type.name})`);
    } finally {
      decref(r);
    }
  }
  if (checkBuffer(o)) return withBytes(o, (d) => d.slice());
  if (o instanceof PyStr || o instanceof PyInt || (!o.type.tp_iter && !o.type.sq_item)) {
    throw typeError(`cannot convert '${o.type.name}' object to bytes`);
  }
  const out: number[] = [];
  forEach(o, (item) => {
    const v = index(item);
    const n = v.value;
    decref(v);
    if (n < 0 || n > 255) throw valueError('bytes must be in range(0, 256)');
    out.push(Number(n));
  });
  return Uint8Array.from(out);
}

// Objects/longobject.c int_from_bytes_impl
function intFromBytes(cls: PyObject, args: PyObject[], kwnames: readonly string[] | null): PyObject {
  const [bytesArg, orderArg, signedArg] = unpackArgs(
    { fname: 'from_bytes', names: ['bytes', 'byteorder', 'signed'], kwOnlyFrom: 2, required: 1 }, args, kwnames);
  const order = byteorderOf(orderArg, 'from_bytes');
  const signed = signedOf(signedArg);
  const data = bytesOfObject(bytesArg!);
  const bytes = order === 'little' ? Array.from(data).reverse() : Array.from(data);
  let v = 0n;
  for (const b of bytes) v = (v << 8n) | BigInt(b);
  if (signed && bytes.length > 0 && bytes[0]! >= 0x80) v -= 1n << BigInt(bytes.length * 8);
  const result = newInt(normInt(v));
  if (cls === intType) return result;
  try {
    return call(cls, [result]);
  } finally {
    decref(result);
  }
}

/** int.__sizeof__: the header and the digits; whether zero counts one digit is a version trait. */
export function intSizeof(v: IntValue): number {
  const digits = digitCount(v);
  return LONG_HEADER + 4 * (digits === 0 && heap.profile.intZeroHasDigit ? 1 : digits);
}

// Objects/longobject.c int___round___impl: rounds half to even at 10**-ndigits.
function intRound(self: PyObject, args: PyObject[]): PyObject {
  if (args.length > 1) throw typeError(`__round__ expected at most 1 argument, got ${args.length}`);
  const v = (self as PyInt).value;
  if (args.length === 0 || args[0] === None) return exactInt(self);
  const ni = index(args[0]!);
  const n = ni.value;
  decref(ni);
  if (n >= 0) return exactInt(self);
  // 10**-n is built even when the answer is 0, as CPython builds it.
  checkBits(Number(ops.neg(n)) * 3.33);
  const pow = ops.pow(10, ops.neg(n));
  const q = ops.floorDiv(v, pow);
  const r = ops.mod(v, pow);
  const twice = ops.mul(r, 2);
  const c = ops.compare(twice, pow);
  const up = c > 0 || (c === 0 && ops.mod(q, 2) === 1);
  return newInt(ops.mul(up ? ops.add(q, 1) : q, pow));
}

function intFormat(self: PyObject, spec: PyObject): PyObject {
  if (!(spec instanceof PyStr)) throw typeError(`format() argument 2 must be str, not ${spec.type.name}`);
  return newStr(formatInt(self as PyInt, spec.value));
}

const getValue = (o: PyObject): PyInt => newInt((o as PyInt).value);


const intMethods: Record<string, NativeCode> = {
  conjugate: { kind: 'noargs', fn: exactInt },
  bit_length: { kind: 'noargs', fn: (o: PyObject) => newInt(ops.bitLength((o as PyInt).value)) },
  bit_count: { kind: 'noargs', fn: (o: PyObject) => newInt(ops.bitCount((o as PyInt).value)) },
  to_bytes: { kind: 'fastkw', fn: intToBytes },
  as_integer_ratio: { kind: 'noargs', fn: (o: PyObject) => newTuple([exactInt(o), newInt(1)]) },
  __trunc__: { kind: 'noargs', fn: exactInt },
  __floor__: { kind: 'noargs', fn: exactInt },
  __ceil__: { kind: 'noargs', fn: exactInt },
  __round__: { kind: 'fast', fn: intRound },
  __getnewargs__: { kind: 'noargs', fn: (o: PyObject) => newTuple([exactInt(o)]) },
  __format__: { kind: 'o', fn: intFormat },
  __sizeof__: { kind: 'noargs', fn: (o: PyObject) => newInt(intSizeof((o as PyInt).value)) },
};


// ------------------------------------------------------------------ bool

function boolRepr(o: PyObject): PyObject {
  return newStr(o === True ? 'True' : 'False');
}

/** bool's &, | and ^: a bool when both operands are bools, int arithmetic otherwise. */
function boolBinop(intSlot: (a: PyObject, b: PyObject) => PyObject, f: (a: boolean, b: boolean) => boolean) {
  return (a: PyObject, b: PyObject): PyObject => {
    if (a.type === boolType && b.type === boolType) return newBool(f(a === True, b === True));
    return intSlot(a, b);
  };
}

// Objects/boolobject.c bool_new
function boolNew(_type: PyType, args: PyObject[], kwnames: readonly string[] | null): PyObject {
  if (kwnames && kwnames.length) throw typeError('bool() takes no keyword arguments');
  if (args.length > 1) throw typeError(`bool expected at most 1 argument, got ${args.length}`);
  if (args.length === 0) return newBool(false);
  return newBool(isTrue(args[0]!));
}


/** OverflowError(34, 'Numerical result out of range'): PyErr_SetFromErrno(ERANGE). */
export function rangeError(): PyObject {
  const code = newInt(34);
  const msg = newStr('Numerical result out of range');
  const e = newException(OverflowError, [code, msg]);
  decref(code);
  decref(msg);
  return e;
}

// ------------------------------------------------------------------ the types and their static instances

export const intType = defineType({
  name: 'int',
  flags: TypeFlags.BASETYPE | TypeFlags.LONG_SUBCLASS | TypeFlags.MATCH_SELF,
  layout: { basicsize: LONG_HEADER, itemsize: 4 },
  slots: {
    tp_dealloc: deallocInt,
    tp_repr: intRepr,
    tp_getattro: genericGetAttr,
    tp_hash: intHash,
    tp_richcompare: intRichCompare,
    tp_new: intNew,
    nb_add: intBinop((a, b) => newInt(ops.add(a, b))),
    nb_subtract: intBinop((a, b) => newInt(ops.sub(a, b))),
    nb_multiply: intBinop((a, b) => {
      if (typeof a === 'bigint' || typeof b === 'bigint') checkBits(ops.bitLength(a) + ops.bitLength(b));
      return newInt(ops.mul(a, b));
    }),
    nb_remainder: intBinop((a, b) => {
      checkDivisor(b, 'integer modulo by zero');
      return newInt(ops.mod(a, b));
    }),
    nb_divmod: intBinop(intDivmod),
    nb_power: intPower,
    nb_negative: (o: PyObject) => newInt(ops.neg((o as PyInt).value)),
    nb_positive: exactInt,
    nb_absolute: (o: PyObject) => newInt(ops.abs((o as PyInt).value)),
    nb_bool: intBool,
    nb_invert: (o: PyObject) => newInt(ops.invert((o as PyInt).value)),
    nb_lshift: intBinop(intLshift),
    nb_rshift: intBinop(intRshift),
    nb_and: intBinop((a, b) => newInt(ops.and(a, b))),
    nb_xor: intBinop((a, b) => newInt(ops.xor(a, b))),
    nb_or: intBinop((a, b) => newInt(ops.or(a, b))),
    nb_int: exactInt,
    nb_float: intFloat,
    nb_floor_divide: intBinop((a, b) => {
      checkDivisor(b, 'integer division or modulo by zero');
      return newInt(ops.floorDiv(a, b));
    }),
    nb_true_divide: intBinop(intTrueDivide),
    nb_index: exactInt,
  },
  methods: documentedMethods('int', intMethods),
  classMethods: documentedMethods('int', { from_bytes: { kind: 'fastkw', fn: intFromBytes } }),
  getsets: documentedGetsets('int', {
    real: { get: getValue },
    imag: { get: () => newInt(0) },
    numerator: { get: getValue },
    denominator: { get: () => newInt(1) },
  }),
  doc: "int([x]) -> integer\nint(x, base=10) -> integer\n\nConvert a number or string to an integer, or return 0 if no arguments\nare given.  If x is a number, return x.__int__().  For floating point\nnumbers, this truncates towards zero.\n\nIf x is not a number or if base is given, then x must be a string,\nbytes, or bytearray instance representing an integer literal in the\ngiven base.  The literal can be preceded by '+' or '-' and be surrounded\nby whitespace.  The base defaults to 10.  Valid bases are 0 and 2-36.\nBase 0 means to interpret the base from the string as an integer literal.\n>>> int('0b100', base=0)\n4",
});

export const boolType = defineType({
  name: 'bool',
  base: intType,
  flags: TypeFlags.LONG_SUBCLASS | TypeFlags.MATCH_SELF,
  layout: { basicsize: LONG_HEADER, itemsize: 4 },
  slots: {
    tp_dealloc: (o) => { throw new Error(`bool ${String((o as PyInt).value)} lost its last reference`); },
    tp_repr: boolRepr,
    tp_new: boolNew,
    nb_and: boolBinop(intType.nb_and!, (a, b) => a && b),
    nb_or: boolBinop(intType.nb_or!, (a, b) => a || b),
    nb_xor: boolBinop(intType.nb_xor!, (a, b) => a !== b),
  },
  doc: 'bool(x) -> bool\n\nReturns True when the argument x is true, False otherwise.\nThe builtins True and False are the only two instances of the class bool.\nThe class bool is a subclass of the class int, and cannot be subclassed.',
});

function staticInt(type: PyObject['type'], v: number): PyInt {
  const o = new PyInt(type, v);
  allocStatic(o, 32);
  o.refcnt = 1 << 20;
  return o;
}

export const False = staticInt(boolType, 0);
export const True = staticInt(boolType, 1);

/** _PY_NSMALLNEGINTS / _PY_NSMALLPOSINTS: the statically allocated ints -5..256. */
export const SMALL_MIN = -5;
export const SMALL_MAX = 256;
const smallInts: PyInt[] = [];
registerWorldState(smallInts);
for (let v = SMALL_MIN; v <= SMALL_MAX; v++) smallInts.push(staticInt(intType, v));

