// Calls into the number types the way the VM will: through the abstract protocols, with Python
// values built from JS values, and results read back as repr text.
import { bindFreshProcess, raised } from '../strings/session.js';
import { newInt, type IntValue } from '../../engine/objects/int.js';
import { newFloat } from '../../engine/objects/float.js';
import { newComplex } from '../../engine/objects/complex.js';
import { newStr } from '../../engine/objects/str.js';
import type { PyObject } from '../../engine/objects/object.js';
import { reprString, binaryOp, BinaryOp, getAttr, call, richCompare } from '../../engine/objects/abstract.js';
import { CompareOp } from '../../engine/objects/type.js';

export { bindFreshProcess, raised };

/** A Python value from a JS one: bigint/integral number → int, 'f:1.5' → float, str → str. */
export function py(v: IntValue | string | PyObject): PyObject {
  if (typeof v === 'bigint') return newInt(v);
  if (typeof v === 'number') return newInt(v);
  if (typeof v === 'string') return newStr(v);
  return v;
}

export const f = (x: number): PyObject => newFloat(x);
export const c = (re: number, im: number): PyObject => newComplex(re, im);

export function r(o: PyObject): string {
  return reprString(o);
}

const OPS: Record<string, BinaryOp> = {
  '+': BinaryOp.ADD, '-': BinaryOp.SUBTRACT, '*': BinaryOp.MULTIPLY, '/': BinaryOp.TRUE_DIVIDE,
  '//': BinaryOp.FLOOR_DIVIDE, '%': BinaryOp.REMAINDER, '**': BinaryOp.POWER, '<<': BinaryOp.LSHIFT,
  '>>': BinaryOp.RSHIFT, '&': BinaryOp.AND, '|': BinaryOp.OR, '^': BinaryOp.XOR,
};

/** repr(a OP b), or "Type: message" when it raises. */
export function op(a: PyObject, symbol: string, b: PyObject): string {
  try {
    return r(binaryOp(a, b, OPS[symbol]!));
  } catch {
    return raised(() => binaryOp(a, b, OPS[symbol]!));
  }
}

const CMP: Record<string, CompareOp> = { '<': CompareOp.LT, '<=': CompareOp.LE, '==': CompareOp.EQ, '!=': CompareOp.NE, '>': CompareOp.GT, '>=': CompareOp.GE };

export function cmp(a: PyObject, symbol: string, b: PyObject): string {
  return r(richCompare(a, b, CMP[symbol]!));
}

/** repr(obj.name(*args)), or "Type: message". */
export function method(obj: PyObject, name: string, ...args: PyObject[]): string {
  const run = (): PyObject => call(getAttr(obj, name), args);
  try {
    return r(run());
  } catch {
    return raised(run);
  }
}

/** repr(callable(*args)) for a type or function object, or "Type: message". */
export function calls(fn: PyObject, args: PyObject[], kwnames: string[] | null = null): string {
  try {
    return r(call(fn, args, kwnames));
  } catch {
    return raised(() => call(fn, args, kwnames));
  }
}
