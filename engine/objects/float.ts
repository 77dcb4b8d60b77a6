// float (Objects/floatobject.c): a double in a 24-byte object, kept on a per-process free list
// when it dies so that the next float reuses its address, as CPython's free list does.
import { PyObject, decref, newref } from './object.js';
import { CompareOp, TypeFlags, type PyType } from './type.js';
import { defineType } from './define.js';
import { allocObject, freeObject, heap } from './heap.js';
import { FreeListSlot } from './freelists.js';
import { None, NotImplemented } from './singletons.js';
import { overflowError, typeError, valueError, zeroDivisionError } from './exceptions.js';
import { PyStr, newStr } from './str.js';
import { newTuple } from './tuple.js';
import { PyInt, compareResult, intFromDouble, intToDouble, newBool, newInt, numberText, rangeError } from './int.js';
import * as ops from './intops.js';
import { HASH_MODULUS } from './intops.js';
import { decompose, doubleToRatio, floatRepr, fixedDigits, ratioToDouble } from './dtoa.js';
import { parseFloatLiteral, stripPySpaces } from './numparse.js';
import { index, call, reprString, genericGetAttr } from './abstract.js';
import { formatFloat } from './numformat.js';
import { documentedGetsets, documentedMethods } from './documented.js';
import { complexPow } from './complex.js';
import { crPow } from './crmath.js';

export class PyFloat extends PyObject {
  constructor(type: PyType, public value: number) {
    super(type);
  }
}

/** sizeof(PyFloatObject) */
export const FLOAT_SIZE = 24;

/** struct _Py_float_state.free_list, one per simulated process. */
const floatFreeList = new FreeListSlot('float', ['PyFloatObject', FLOAT_SIZE]);

// Objects/floatobject.c PyFloat_FromDouble
export function newFloat(x: number): PyFloat {
  const o = new PyFloat(floatType, x);
  const addr = floatFreeList.get().pop();
  if (addr !== undefined) o.addr = addr;
  else allocObject(o, FLOAT_SIZE);
  return o;
}

// Objects/floatobject.c float_dealloc
function floatDealloc(o: PyObject): void {
  if (o.type === floatType) {
    if (floatFreeList.get().push(o.addr)) {
      o.addr = 0;
      return;
    }
  }
  freeObject(o);
}

function newFloatOfType(type: PyType, x: number): PyFloat {
  if (type === floatType) return newFloat(x);
  const o = new PyFloat(type, x);
  allocObject(o, type.basicsize);
  return o;
}

/** The double of a float or int operand, or null for other types (CONVERT_TO_DOUBLE). */
function toDouble(o: PyObject): number | null {
  if (o instanceof PyFloat) return o.value;
  if (o instanceof PyInt) return intToDouble(o.value);
  return null;
}

function notImplemented(): PyObject {
  NotImplemented.refcnt++;
  return NotImplemented;
}

function floatBinop(f: (a: number, b: number) => PyObject) {
  return (v: PyObject, w: PyObject): PyObject => {
    const a = toDouble(v);
    if (a === null) return notImplemented();
    const b = toDouble(w);
    if (b === null) return notImplemented();
    return f(a, b);
  };
}

// Objects/floatobject.c PyFloat_AsDouble: any real number as a double.
export function asDouble(o: PyObject): number {
  if (o instanceof PyFloat) return o.value;
  const t = o.type;
  if (!t.nb_float) {
    if (t.nb_index) {
      const i = index(o);
      try {
        return intToDouble(i.value);
      } finally {
        decref(i);
      }
    }
    throw typeError(`must be real number, not ${t.name}`);
  }
  const r = floatResult(o, t.nb_float(o));
  const x = r.value;
  decref(r);
  return x;
}

function floatResult(o: PyObject, r: PyObject): PyFloat {
  if (!(r instanceof PyFloat)) {
    const tn = r.type.name;
    decref(r);
    throw typeError(`${o.type.name}.__float__ returned non-float (type ${tn})`);
  }
  return r;
}

// ------------------------------------------------------------------ text

function floatReprSlot(o: PyObject): PyObject {
  return newStr(floatRepr((o as PyFloat).value));
}

// Python/pyhash.c _Py_HashDouble: the hash of the exact rational value, modulo 2**61 - 1, so
// that equal ints and floats hash alike; NaN hashes by identity (0 before 3.10).
export function hashDouble(x: number, identity: number): bigint {
  if (Number.isNaN(x)) {
    if (!heap.profile.nanHashByIdentity) return 0n;
    const y = BigInt(identity);
    const h = BigInt.asIntN(64, (y >> 4n) | (y << 60n));
    return h === -1n ? -2n : h;
  }
  if (!Number.isFinite(x)) return x > 0 ? 314159n : -314159n;
  // An integral value below 2**53 hashes as the int it equals.
  if (Number.isSafeInteger(x)) return x === -1 ? -2n : BigInt(x);
  const { mantissa, exponent } = decompose(x);
  const e = ((exponent % 61) + 61) % 61;
  let h = ((mantissa % HASH_MODULUS) << BigInt(e)) % HASH_MODULUS;
  if (x < 0) h = -h;
  return h === -1n ? -2n : h;
}

// ------------------------------------------------------------------ comparison

// Objects/floatobject.c float_richcompare: exact against ints of any size.
function floatRichCompare(v: PyObject, w: PyObject, op: CompareOp): PyObject {
  const a = (v as PyFloat).value;
  let c: number;
  if (w instanceof PyFloat) {
    const b = w.value;
    if (Number.isNaN(a) || Number.isNaN(b)) return newBool(op === CompareOp.NE);
    c = a < b ? -1 : a > b ? 1 : 0;
  } else if (w instanceof PyInt) {
    if (Number.isNaN(a)) return newBool(op === CompareOp.NE);
    c = Number.isFinite(a) ? -ops.compareWithDouble(w.value, a) : a > 0 ? 1 : -1;
  } else {
    return notImplemented();
  }
  return newBool(compareResult(c, op));
}

// ------------------------------------------------------------------ arithmetic

function fmodSigned(vx: number, wx: number): number {
  let mod = vx % wx;
  if (mod) {
    if ((wx < 0) !== (mod < 0)) mod += wx;
  } else {
    mod = wx < 0 ? -0 : 0;
  }
  return mod;
}

// Objects/floatobject.c _float_div_mod
function floatDivMod(vx: number, wx: number): [number, number] {
  let mod = vx % wx;
  let div = (vx - mod) / wx;
  if (mod) {
    if ((wx < 0) !== (mod < 0)) {
      mod += wx;
      div -= 1.0;
    }
  } else {
    mod = wx < 0 ? -0 : 0;
  }
  let floordiv: number;
  if (div) {
    floordiv = Math.floor(div);
    if (div - floordiv > 0.5) floordiv += 1.0;
  } else {
    floordiv = vx / wx < 0 || Object.is(vx / wx, -0) ? -0 : 0;
  }
  return [floordiv, mod];
}

function isOddInteger(x: number): boolean {
  return Math.abs(x % 2) === 1;
}

// Objects/floatobject.c float_pow
export function floatPower(v: PyObject, w: PyObject, z: PyObject): PyObject {
  if (z !== None) throw typeError('pow() 3rd argument not allowed unless all arguments are integers');
  const iv0 = toDouble(v);
  if (iv0 === null) return notImplemented();
  const iw = toDouble(w);
  if (iw === null) return notImplemented();
  let iv = iv0;
  if (iw === 0) return newFloat(1.0);
  if (Number.isNaN(iv)) return newFloat(iv);
  if (Number.isNaN(iw)) return newFloat(iv === 1.0 ? 1.0 : iw);
  if (!Number.isFinite(iw)) {
    iv = Math.abs(iv);
    if (iv === 1.0) return newFloat(1.0);
    if ((iw > 0) === (iv > 1.0)) return newFloat(Math.abs(iw));
    return newFloat(0.0);
  }
  if (!Number.isFinite(iv)) {
    const odd = isOddInteger(iw);
    if (iw > 0) return newFloat(odd ? iv : Math.abs(iv));
    return newFloat(odd ? (iv < 0 ? -0 : 0) : 0);
  }
  if (iv === 0) {
    const odd = isOddInteger(iw);
    if (iw < 0) throw zeroDivisionError('0.0 cannot be raised to a negative power');
    return newFloat(odd ? iv : 0.0);
  }
  let negate = false;
  if (iv < 0) {
    if (iw !== Math.floor(iw)) return complexPow({ re: iv, im: 0 }, { re: iw, im: 0 });
    iv = -iv;
    negate = isOddInteger(iw);
  }
  if (iv === 1.0) return newFloat(negate ? -1.0 : 1.0);
  let ix = crPow(iv, iw);
  if (!Number.isFinite(ix)) throw rangeError();
  if (negate) ix = -ix;
  return newFloat(ix);
}

function floatTrunc(o: PyObject): PyObject {
  return newInt(intFromDouble((o as PyFloat).value));
}

// ------------------------------------------------------------------ construction

// Objects/floatobject.c PyFloat_FromString
export function floatFromString(o: PyObject, s: string): number {
  const x = parseFloatLiteral(s);
  if (x === null) throw valueError(`could not convert string to float: ${reprString(o)}`);
  return x;
}

// Objects/abstract.c PyNumber_Float
export function numberToFloat(o: PyObject): number {
  if (o instanceof PyFloat) return o.value;
  const t = o.type;
  if (t.nb_float) {
    const r = floatResult(o, t.nb_float(o));
    const x = r.value;
    decref(r);
    return x;
  }
  if (t.nb_index) return asDouble(o);
  const text = numberText(o);
  if (text !== null) return floatFromString(o, text);
  throw typeError(`float() argument must be a string or a real number, not '${t.name}'`);
}

// Objects/floatobject.c float_new_impl
function floatNew(type: PyType, args: PyObject[], kwnames: readonly string[] | null): PyObject {
  if (kwnames && kwnames.length) throw typeError('float() takes no keyword arguments');
  if (args.length > 1) throw typeError(`float expected at most 1 argument, got ${args.length}`);
  if (args.length === 0) return newFloatOfType(type, 0.0);
  const x = args[0]!;
  if (type === floatType && x.type === floatType) return newref(x);
  return newFloatOfType(type, numberToFloat(x));
}

// ------------------------------------------------------------------ methods

// Objects/floatobject.c float___round___impl with double_round
function floatRound(self: PyObject, args: PyObject[]): PyObject {
  if (args.length > 1) throw typeError(`__round__ expected at most 1 argument, got ${args.length}`);
  const x = (self as PyFloat).value;
  if (args.length === 0 || args[0] === None) {
    let rounded = roundAway(x);
    if (Math.abs(x - rounded) === 0.5) rounded = 2.0 * roundAway(x / 2.0);
    return newInt(intFromDouble(rounded));
  }
  const ni = index(args[0]!);
  const n = typeof ni.value === 'number' ? ni.value : Number(ni.value);
  decref(ni);
  if (!Number.isFinite(x)) return newFloat(x);
  if (n > 323) return newFloat(x);
  if (n < -308) return newFloat(0.0 * x);
  const d = fixedDigits(x, n);
  const text = `${x < 0 || Object.is(x, -0) ? '-' : ''}0${d.digits}e${d.decpt - d.digits.length}`;
  const rounded = Number(text);
  if (!Number.isFinite(rounded)) throw overflowError('rounded value too large to represent');
  return newFloat(rounded);
}

/** C's round(): halves away from zero. */
function roundAway(x: number): number {
  return x < 0 ? -Math.round(-x) : Math.round(x);
}

// Objects/floatobject.c float_hex
export function floatHex(x: number): string {
  if (!Number.isFinite(x)) return floatRepr(x);
  if (x === 0) return Object.is(x, -0) ? '-0x0.0p+0' : '0x0.0p+0';
  const { mantissa, exponent } = decompose(x);
  const normal = mantissa >= 1n << 52n;
  const frac = (mantissa & ((1n << 52n) - 1n)).toString(16).padStart(13, '0');
  const e = normal ? exponent + 52 : -1022;
  return `${x < 0 ? '-' : ''}0x${normal ? '1' : '0'}.${frac}p${e < 0 ? '-' : '+'}${Math.abs(e)}`;
}

const HEX_FLOAT = /^([+-]?)(?:0x)?([0-9a-f]*)(?:\.([0-9a-f]*))?(?:p([+-]?[0-9]+))?$/i;

// Objects/floatobject.c float_fromhex
export function floatFromHex(text: string): number {
  const s = stripPySpaces(text);
  const special = /^([+-]?)(inf|infinity|nan)$/i.exec(s);
  if (special) {
    const v = special[2]!.toLowerCase() === 'nan' ? NaN : Infinity;
    return special[1] === '-' ? -v : v;
  }
  const m = HEX_FLOAT.exec(s);
  const intDigits = m?.[2] ?? '';
  const fracDigits = m?.[3] ?? '';
  if (!m || intDigits.length + fracDigits.length === 0) throw valueError('invalid hexadecimal floating-point string');
  const mant = BigInt('0x0' + intDigits + fracDigits);
  let exp = (m[4] ? Number(m[4]) : 0) - 4 * fracDigits.length;
  if (mant === 0n) return m[1] === '-' ? -0 : 0;
  // Exponents far outside the double range only decide between 0 and overflow.
  const top = ops.bitLength(mant) + exp;
  if (top > 1100) throw overflowError('hexadecimal value too large to represent as a float');
  if (top < -1100) exp = -1200 - ops.bitLength(mant);
  const r = exp >= 0 ? ratioToDouble(mant << BigInt(exp), 1n) : ratioToDouble(mant, 1n << BigInt(-exp));
  if (!Number.isFinite(r)) throw overflowError('hexadecimal value too large to represent as a float');
  return m[1] === '-' ? -r : r;
}

function floatAsIntegerRatio(o: PyObject): PyObject {
  const x = (o as PyFloat).value;
  if (Number.isNaN(x)) throw valueError('cannot convert NaN to integer ratio');
  if (!Number.isFinite(x)) throw overflowError('cannot convert Infinity to integer ratio');
  const { num, den } = doubleToRatio(x);
  return newTuple([newInt(ops.normInt(num)), newInt(ops.normInt(den))]);
}

function floatFormatMethod(self: PyObject, spec: PyObject): PyObject {
  if (!(spec instanceof PyStr)) throw typeError(`format() argument 2 must be str, not ${spec.type.name}`);
  return newStr(formatFloat((self as PyFloat).value, spec.value, self));
}

function floatFromHexMethod(cls: PyObject, arg: PyObject): PyObject {
  if (!(arg instanceof PyStr)) throw typeError(`fromhex() argument must be str, not ${arg.type.name}`);
  const r = newFloat(floatFromHex(arg.value));
  if (cls === floatType) return r;
  try {
    return call(cls, [r]);
  } finally {
    decref(r);
  }
}

function floatGetFormat(_cls: PyObject, arg: PyObject): PyObject {
  if (!(arg instanceof PyStr)) throw typeError(`__getformat__() argument must be str, not ${arg.type.name}`);
  if (arg.value !== 'double' && arg.value !== 'float') throw valueError("__getformat__() argument 1 must be 'double' or 'float'");
  return newStr('IEEE, little-endian');
}

const value = (o: PyObject): number => (o as PyFloat).value;

export const floatType: PyType = defineType({
  name: 'float',
  flags: TypeFlags.BASETYPE | TypeFlags.MATCH_SELF,
  layout: { basicsize: FLOAT_SIZE },
  slots: {
    tp_dealloc: floatDealloc,
    tp_repr: floatReprSlot,
    tp_getattro: genericGetAttr,
    tp_hash: (o) => hashDouble(value(o), o.addr),
    tp_richcompare: floatRichCompare,
    tp_new: floatNew,
    nb_add: floatBinop((a, b) => newFloat(a + b)),
    nb_subtract: floatBinop((a, b) => newFloat(a - b)),
    nb_multiply: floatBinop((a, b) => newFloat(a * b)),
    nb_true_divide: floatBinop((a, b) => {
      if (b === 0) throw zeroDivisionError('float division by zero');
      return newFloat(a / b);
    }),
    nb_remainder: floatBinop((a, b) => {
      if (b === 0) throw zeroDivisionError('float modulo');
      return newFloat(fmodSigned(a, b));
    }),
    nb_divmod: floatBinop((a, b) => {
      if (b === 0) throw zeroDivisionError('float divmod()');
      const [q, r] = floatDivMod(a, b);
      return newTuple([newFloat(q), newFloat(r)]);
    }),
    nb_floor_divide: floatBinop((a, b) => {
      if (b === 0) throw zeroDivisionError('float floor division by zero');
      return newFloat(floatDivMod(a, b)[0]);
    }),
    nb_power: floatPower,
    nb_negative: (o) => newFloat(-value(o)),
    nb_positive: (o) => newFloat(value(o)),
    nb_absolute: (o) => newFloat(Math.abs(value(o))),
    nb_bool: (o) => value(o) !== 0,
    nb_int: floatTrunc,
    nb_float: (o) => (o.type === floatType ? newref(o) : newFloat(value(o))),
  },
  methods: documentedMethods('float', {
    conjugate: { kind: 'noargs', fn: (o) => newFloat(value(o)) },
    __trunc__: { kind: 'noargs', fn: floatTrunc },
    __floor__: { kind: 'noargs', fn: (o) => newInt(intFromDouble(Math.floor(value(o)))) },
    __ceil__: { kind: 'noargs', fn: (o) => newInt(intFromDouble(Math.ceil(value(o)))) },
    __round__: { kind: 'fast', fn: floatRound },
    as_integer_ratio: { kind: 'noargs', fn: floatAsIntegerRatio },
    hex: { kind: 'noargs', fn: (o) => newStr(floatHex(value(o))) },
    is_integer: { kind: 'noargs', fn: (o) => newBool(Number.isFinite(value(o)) && Math.floor(value(o)) === value(o)) },
    __getnewargs__: { kind: 'noargs', fn: (o) => newTuple([newFloat(value(o))]) },
    __format__: { kind: 'o', fn: floatFormatMethod },
  }),
  classMethods: documentedMethods('float', {
    fromhex: { kind: 'o', fn: floatFromHexMethod },
    __getformat__: { kind: 'o', fn: floatGetFormat },
  }),
  getsets: documentedGetsets('float', {
    real: { get: (o) => newFloat(value(o)) },
    imag: { get: () => newFloat(0.0) },
  }),
  doc: 'Convert a string or number to a floating point number, if possible.',
});

