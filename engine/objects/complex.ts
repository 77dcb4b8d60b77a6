// complex (Objects/complexobject.c): two doubles in a 32-byte object, with CPython's division,
// power and repr rules.
import { PyObject, decref, newref } from './object.js';
import { CompareOp, TypeFlags, type PyType } from './type.js';
import { defineType } from './define.js';
import { allocObject, freeObject } from './heap.js';
import { None, NotImplemented } from './singletons.js';
import { overflowError, typeError, valueError, zeroDivisionError } from './exceptions.js';
import { PyStr, newStr } from './str.js';
import { newTuple } from './tuple.js';
import { PyInt, intToDouble, newBool } from './int.js';
import * as ops from './intops.js';
import { doubleToString } from './dtoa.js';
import { crAtan2, crCos, crExp, crHypot, crLog, crPow, crSin } from './crmath.js';
import { asciiDigitsAndSpaces, parseFloatLiteral, stripPySpaces } from './numparse.js';
import { lookupSpecial, call, genericGetAttr } from './abstract.js';
import { formatComplex } from './numformat.js';
import { documentedGetsets, documentedMethods } from './documented.js';
import { PyFloat, asDouble, hashDouble, newFloat } from './float.js';

export class PyComplex extends PyObject {
  constructor(type: PyType, public real: number, public imag: number) {
    super(type);
  }
}

/** sizeof(PyComplexObject) */
export const COMPLEX_SIZE = 32;

export interface C {
  re: number;
  im: number;
}

export function newComplex(re: number, im: number): PyComplex {
  return newComplexOfType(complexType, re, im);
}

function newComplexOfType(type: PyType, re: number, im: number): PyComplex {
  const o = new PyComplex(type, re, im);
  allocObject(o, type === complexType ? COMPLEX_SIZE : type.basicsize);
  return o;
}

/** The operand as a complex value, or null for types complex arithmetic does not know. */
function toComplex(o: PyObject): C | null {
  if (o instanceof PyComplex) return { re: o.real, im: o.imag };
  if (o instanceof PyFloat) return { re: o.value, im: 0 };
  if (o instanceof PyInt) return { re: intToDouble(o.value), im: 0 };
  return null;
}

function notImplemented(): PyObject {
  NotImplemented.refcnt++;
  return NotImplemented;
}

function complexBinop(f: (a: C, b: C) => PyObject) {
  return (v: PyObject, w: PyObject): PyObject => {
    const a = toComplex(v);
    if (a === null) return notImplemented();
    const b = toComplex(w);
    if (b === null) return notImplemented();
    return f(a, b);
  };
}

// Objects/complexobject.c _Py_c_prod
function cProd(a: C, b: C): C {
  return { re: a.re * b.re - a.im * b.im, im: a.re * b.im + a.im * b.re };
}

// Objects/complexobject.c _Py_c_quot (Smith's method); null for a zero divisor (EDOM)
function cQuot(a: C, b: C): C | null {
  const absRe = Math.abs(b.re);
  const absIm = Math.abs(b.im);
  if (absRe >= absIm) {
    if (absRe === 0) return null;
    const ratio = b.im / b.re;
    const denom = b.re + b.im * ratio;
    return { re: (a.re + a.im * ratio) / denom, im: (a.im - a.re * ratio) / denom };
  }
  if (absIm >= absRe) {
    const ratio = b.re / b.im;
    const denom = b.re * ratio + b.im;
    return { re: (a.re * ratio + a.im) / denom, im: (a.im * ratio - a.re) / denom };
  }
  return { re: NaN, im: NaN };
}

// Objects/complexobject.c _Py_c_pow; null for zero raised to a negative or complex power
function cPow(a: C, b: C): C | null {
  if (b.re === 0 && b.im === 0) return { re: 1, im: 0 };
  if (a.re === 0 && a.im === 0) {
    if (b.im !== 0 || b.re < 0) return null;
    return { re: 0, im: 0 };
  }
  const vabs = crHypot(a.re, a.im);
  let len = vabs > 0 && Number.isFinite(vabs) && Number.isFinite(b.re) ? crPow(vabs, b.re) : Math.pow(vabs, b.re);
  const at = crAtan2(a.im, a.re);
  let phase = at * b.re;
  if (b.im !== 0) {
    len /= crExp(at * b.im);
    phase += b.im * (vabs > 0 && Number.isFinite(vabs) ? crLog(vabs) : Math.log(vabs));
  }
  return { re: len * crCos(phase), im: len * crSin(phase) };
}

// Objects/complexobject.c c_powu
function cPowu(x: C, n: number): C {
  let r: C = { re: 1, im: 0 };
  let p = x;
  for (let mask = 1; mask > 0 && n >= mask; mask *= 2) {
    if (Math.floor(n / mask) % 2 === 1) r = cProd(r, p);
    p = cProd(p, p);
  }
  return r;
}

// Objects/complexobject.c c_powi
function cPowi(x: C, n: number): C | null {
  return n > 0 ? cPowu(x, n) : cQuot({ re: 1, im: 0 }, cPowu(x, -n));
}

// Objects/complexobject.c complex_pow's arithmetic: small integral exponents by squaring.
export function complexPow(a: C, b: C): PyComplex {
  const small = b.im === 0 && b.re === Math.floor(b.re) && Math.abs(b.re) <= 100;
  const p = small ? cPowi(a, b.re) : cPow(a, b);
  if (p === null) throw zeroDivisionError('0.0 to a negative or complex power');
  if (Math.abs(p.re) === Infinity || Math.abs(p.im) === Infinity) throw overflowError('complex exponentiation');
  return newComplex(p.re, p.im);
}

// Objects/complexobject.c complex_pow
function complexPower(v: PyObject, w: PyObject, z: PyObject): PyObject {
  if (z !== None) throw valueError('complex modulo');
  const a = toComplex(v);
  const b = toComplex(w);
  if (a === null || b === null) return notImplemented();
  return complexPow(a, b);
}

// Objects/complexobject.c complex_repr
export function complexRepr(re: number, im: number): string {
  if (re === 0 && !Object.is(re, -0)) return doubleToString(im, { code: 'r', precision: 0 }) + 'j';
  const r = doubleToString(re, { code: 'r', precision: 0 });
  const i = doubleToString(im, { code: 'r', precision: 0, alwaysSign: true });
  return `(${r}${i}j)`;
}

// Objects/complexobject.c complex_hash
function complexHash(o: PyObject): bigint {
  const c = o as PyComplex;
  const hr = hashDouble(c.real, o.addr);
  const hi = hashDouble(c.imag, o.addr);
  const h = BigInt.asIntN(64, hr + 1000003n * hi);
  return h === -1n ? -2n : h;
}

// Objects/complexobject.c complex_richcompare: only == and !=, exact against ints.
function complexRichCompare(v: PyObject, w: PyObject, op: CompareOp): PyObject {
  if (op !== CompareOp.EQ && op !== CompareOp.NE) return notImplemented();
  const c = v as PyComplex;
  let equal: boolean;
  if (w instanceof PyInt) {
    equal = c.imag === 0 && Number.isFinite(c.real) && ops.compareWithDouble(w.value, c.real) === 0;
  } else if (w instanceof PyFloat) {
    equal = c.imag === 0 && c.real === w.value;
  } else if (w instanceof PyComplex) {
    equal = c.real === w.real && c.imag === w.imag;
  } else {
    return notImplemented();
  }
  return newBool(op === CompareOp.EQ ? equal : !equal);
}

// ------------------------------------------------------------------ construction

const NUM = String.raw`(?:(?:\d(?:_?\d)*(?:\.(?:\d(?:_?\d)*)?)?|\.\d(?:_?\d)*)(?:e[+-]?\d(?:_?\d)*)?|inf(?:inity)?|nan)`;
const REAL_ONLY = new RegExp(`^[+-]?${NUM}$`, 'i');
const BOTH = new RegExp(`^([+-]?${NUM})([+-])(${NUM})?j$`, 'i');
const IMAG_ONLY = new RegExp(`^([+-]?)(${NUM})?j$`, 'i');

function readFloat(text: string): number {
  return parseFloatLiteral(text)!;
}

// Objects/complexobject.c complex_from_string_inner
export function complexFromString(s: string): C {
  const malformed = (): never => {
    throw valueError('complex() arg is a malformed string');
  };
  let t = stripPySpaces(asciiDigitsAndSpaces(s) ?? malformed());
  if (t.startsWith('(')) {
    if (!t.endsWith(')')) malformed();
    t = stripPySpaces(t.slice(1, -1));
  }
  if (REAL_ONLY.test(t)) return { re: readFloat(t), im: 0 };
  let m = BOTH.exec(t);
  if (m) {
    const im = m[3] === undefined ? 1 : readFloat(m[3]);
    return { re: readFloat(m[1]!), im: m[2] === '-' ? -im : im };
  }
  m = IMAG_ONLY.exec(t);
  if (m) {
    const im = m[2] === undefined ? 1 : readFloat(m[2]);
    return { re: 0, im: m[1] === '-' ? -im : im };
  }
  return malformed();
}

/** A number's value as complex for complex(): __complex__, then float conversion. */
function complexArg(o: PyObject, which: 'first' | 'second'): C & { isComplex: boolean } {
  if (o instanceof PyComplex) return { re: o.real, im: o.imag, isComplex: true };
  const f = lookupSpecial(o, '__complex__');
  if (f !== null) {
    let r: PyObject;
    try {
      r = call(f, []);
    } finally {
      decref(f);
    }
    if (!(r instanceof PyComplex)) {
      const tn = r.type.name;
      decref(r);
      throw typeError(`__complex__ returned non-complex (type ${tn})`);
    }
    const c = { re: r.real, im: r.imag, isComplex: true };
    decref(r);
    return c;
  }
  if (!o.type.nb_float && !o.type.nb_index) {
    throw typeError(which === 'first'
      ? `complex() first argument must be a string or a number, not '${o.type.name}'`
      : `complex() second argument must be a number, not '${o.type.name}'`);
  }
  return { re: asDouble(o), im: 0, isComplex: false };
}

// Objects/complexobject.c complex_new_impl
function complexNew(type: PyType, args: PyObject[], kwnames: readonly string[] | null): PyObject {
  const names = ['real', 'imag'];
  const nkw = kwnames ? kwnames.length : 0;
  const npos = args.length - nkw;
  if (npos > 2) throw typeError(`complex() takes at most 2 arguments (${npos} given)`);
  const vals: (PyObject | undefined)[] = [args[0], args[1]].slice(0, npos);
  for (let k = 0; k < nkw; k++) {
    const i = names.indexOf(kwnames![k]!);
    if (i < 0) throw typeError(`'${kwnames![k]}' is an invalid keyword argument for complex()`);
    if (vals[i] !== undefined) throw typeError(`argument for complex() given by name ('${names[i]}') and position (${i + 1})`);
    vals[i] = args[npos + k];
  }
  const [r, i] = vals;
  if (r === undefined && i === undefined) return newComplexOfType(type, 0, 0);
  if (r instanceof PyStr) {
    if (i !== undefined) throw typeError("complex() can't take second arg if first is a string");
    const c = complexFromString(r.value);
    return newComplexOfType(type, c.re, c.im);
  }
  if (i instanceof PyStr) throw typeError("complex() second arg can't be a string");
  if (r !== undefined && i === undefined && r.type === complexType && type === complexType) return newref(r);
  const cr = r === undefined ? { re: 0, im: 0, isComplex: false } : complexArg(r, 'first');
  const ci = i === undefined ? { re: cr.im, im: 0, isComplex: false } : complexArg(i, 'second');
  let re = cr.re;
  let im = ci.re;
  if (ci.isComplex) re -= ci.im;
  if (cr.isComplex && i !== undefined) im += cr.im;
  return newComplexOfType(type, re, im);
}

// ------------------------------------------------------------------ the type

const cval = (o: PyObject): C => ({ re: (o as PyComplex).real, im: (o as PyComplex).imag });

function complexAbs(o: PyObject): PyObject {
  const { re, im } = cval(o);
  const r = Number.isFinite(re) && Number.isFinite(im) ? crHypot(re, im) : Math.hypot(re, im);
  if (!Number.isFinite(r) && Number.isFinite(re) && Number.isFinite(im)) throw overflowError('absolute value too large');
  return newFloat(r);
}

function complexFormatMethod(self: PyObject, spec: PyObject): PyObject {
  if (!(spec instanceof PyStr)) throw typeError(`format() argument 2 must be str, not ${spec.type.name}`);
  const c = cval(self);
  return newStr(formatComplex(c.re, c.im, spec.value, self));
}

export const complexType: PyType = defineType({
  name: 'complex',
  flags: TypeFlags.BASETYPE | TypeFlags.MATCH_SELF,
  layout: { basicsize: COMPLEX_SIZE },
  slots: {
    tp_dealloc: freeObject,
    tp_repr: (o) => newStr(complexRepr((o as PyComplex).real, (o as PyComplex).imag)),
    tp_getattro: genericGetAttr,
    tp_hash: complexHash,
    tp_richcompare: complexRichCompare,
    tp_new: complexNew,
    nb_add: complexBinop((a, b) => newComplex(a.re + b.re, a.im + b.im)),
    nb_subtract: complexBinop((a, b) => newComplex(a.re - b.re, a.im - b.im)),
    nb_multiply: complexBinop((a, b) => {
      const p = cProd(a, b);
      return newComplex(p.re, p.im);
    }),
    nb_true_divide: complexBinop((a, b) => {
      const q = cQuot(a, b);
      if (q === null) throw zeroDivisionError('complex division by zero');
      return newComplex(q.re, q.im);
    }),
    nb_power: complexPower,
    nb_negative: (o) => newComplex(-cval(o).re, -cval(o).im),
    nb_positive: (o) => (o.type === complexType ? newref(o) : newComplex(cval(o).re, cval(o).im)),
    nb_absolute: complexAbs,
    nb_bool: (o) => cval(o).re !== 0 || cval(o).im !== 0,
  },
  methods: documentedMethods('complex', {
    conjugate: { kind: 'noargs', fn: (o) => newComplex(cval(o).re, -cval(o).im) },
    __complex__: { kind: 'noargs', fn: (o) => (o.type === complexType ? newref(o) : newComplex(cval(o).re, cval(o).im)) },
    __getnewargs__: { kind: 'noargs', fn: (o) => newTuple([newFloat(cval(o).re), newFloat(cval(o).im)]) },
    __format__: { kind: 'o', fn: complexFormatMethod },
  }),
  getsets: documentedGetsets('complex', {
    real: { get: (o) => newFloat(cval(o).re) },
    imag: { get: (o) => newFloat(cval(o).im) },
  }),
  doc: 'Create a complex number from a real part and an optional imaginary part.\n\nThis is equivalent to (real + imag*1j) where imag defaults to 0.',
});
