// int and bool (Objects/longobject.c, Objects/boolobject.c): arbitrary-precision integers stored
// as CPython does in 30-bit digits, which is what their size depends on.
import { PyObject } from './object.js';
import { TypeFlags } from './type.js';
import { defineType } from './define.js';
import { allocObject, allocStatic, freeObject } from './heap.js';

/** The value is a JS number while it is a safe integer, a bigint beyond: never both forms for
 *  one value, so `typeof value` is a cheap fast-path test. */
export type IntValue = number | bigint;

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
  if (typeof v === 'number') {
    let m = Math.abs(v);
    let n = 0;
    while (m >= 1) {
      m = Math.floor(m / 0x40000000);
      n++;
    }
    return n;
  }
  let m = v < 0n ? -v : v;
  let n = 0;
  while (m > 0n) {
    m >>= 30n;
    n++;
  }
  return n;
}

/** Bytes of a PyLongObject holding v: the header and its digits (at least one is allocated). */
export function intAllocSize(v: IntValue): number {
  return LONG_HEADER + 4 * Math.max(1, digitCount(v));
}

function deallocInt(o: PyObject): void {
  freeObject(o);
}

export const intType = defineType({
  name: 'int',
  flags: TypeFlags.BASETYPE | TypeFlags.LONG_SUBCLASS | TypeFlags.MATCH_SELF,
  layout: { basicsize: LONG_HEADER, itemsize: 4 },
  slots: { tp_dealloc: deallocInt },
});

export const boolType = defineType({
  name: 'bool',
  base: intType,
  flags: TypeFlags.LONG_SUBCLASS | TypeFlags.MATCH_SELF,
  layout: { basicsize: LONG_HEADER, itemsize: 4 },
  slots: { tp_dealloc: (o) => { throw new Error(`bool ${String((o as PyInt).value)} lost its last reference`); } },
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
for (let v = SMALL_MIN; v <= SMALL_MAX; v++) smallInts.push(staticInt(intType, v));

/** Normalises a bigint into the number form when it is a safe integer. */
export function normInt(v: bigint): IntValue {
  return v >= -9007199254740991n && v <= 9007199254740991n ? Number(v) : v;
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
