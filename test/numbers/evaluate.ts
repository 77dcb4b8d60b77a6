// A small evaluator of Python expressions over the number types, for checking them against
// CPython before the VM runs whole programs: the expression is parsed by the engine's parser
// and each node is evaluated through the same abstract protocols the VM uses.
import { parse } from '../../engine/syntax/parser.js';
import type * as A from '../../engine/syntax/ast.js';
import { ImaginaryValue } from '../../engine/syntax/ast.js';
import { PyObject } from '../../engine/objects/object.js';
import { defineType } from '../../engine/objects/define.js';
import {
  BinaryOp, binaryOp, call, getAttr, hash, invert, isTrue, negative, positive, repr, reprString, richCompare, str,
  lookupSpecial,
} from '../../engine/objects/abstract.js';
import { CompareOp } from '../../engine/objects/type.js';
import { newBool, newInt, intType, boolType } from '../../engine/objects/int.js';
import { newFloat, floatType } from '../../engine/objects/float.js';
import { newComplex, complexType } from '../../engine/objects/complex.js';
import { newStr } from '../../engine/objects/str.js';
import { bytesResult } from '../../engine/objects/bytes.js';
import { byteArrayType } from '../../engine/objects/bytearray.js';
import { PyTuple, newTuple } from '../../engine/objects/tuple.js';
import { None, NotImplemented } from '../../engine/objects/singletons.js';
import { newCFunction } from '../../engine/objects/descr.js';
import type { NativeFunctionDef } from '../../engine/objects/native.js';
import { numericBuiltins } from '../../engine/stdlib/builtins/numeric.js';
import { mathConstants, mathFunctions } from '../../engine/stdlib/math.js';
import { typeError, nameError } from '../../engine/objects/exceptions.js';

const BINOPS: Record<A.OperatorName, BinaryOp> = {
  Add: BinaryOp.ADD, Sub: BinaryOp.SUBTRACT, Mult: BinaryOp.MULTIPLY, MatMult: BinaryOp.MATRIX_MULTIPLY,
  Div: BinaryOp.TRUE_DIVIDE, Mod: BinaryOp.REMAINDER, Pow: BinaryOp.POWER, LShift: BinaryOp.LSHIFT,
  RShift: BinaryOp.RSHIFT, BitOr: BinaryOp.OR, BitXor: BinaryOp.XOR, BitAnd: BinaryOp.AND, FloorDiv: BinaryOp.FLOOR_DIVIDE,
};

const CMPOPS: Partial<Record<A.CmpOpName, CompareOp>> = {
  Eq: CompareOp.EQ, NotEq: CompareOp.NE, Lt: CompareOp.LT, LtE: CompareOp.LE, Gt: CompareOp.GT, GtE: CompareOp.GE,
};

function fn(name: string, f: (args: PyObject[]) => PyObject): NativeFunctionDef {
  return { name, code: { kind: 'fast', fn: (_s, args) => f(args) } };
}

/** format(value, spec): PyObject_Format through the value's __format__. */
function format(args: PyObject[]): PyObject {
  const m = lookupSpecial(args[0]!, '__format__');
  if (!m) throw typeError('no __format__');
  return call(m, [args[1] ?? newStr('')]);
}

const helpers: NativeFunctionDef[] = [
  fn('hash', (a) => newInt(hash(a[0]!))),
  fn('repr', (a) => repr(a[0]!)),
  fn('str', (a) => str(a[0]!)),
  fn('format', format),
];

function namespace(): Map<string, PyObject> {
  const ns = new Map<string, PyObject>([
    ['int', intType], ['float', floatType], ['complex', complexType], ['bool', boolType], ['bytearray', byteArrayType],
  ]);
  for (const d of [...numericBuiltins, ...helpers]) ns.set(d.name, newCFunction(d, null, 'builtins'));
  return ns;
}

/** The math module as a plain attribute holder for the evaluator. */
function mathNamespace(): Map<string, PyObject> {
  const ns = new Map<string, PyObject>(Object.entries(mathConstants()));
  for (const d of mathFunctions) ns.set(d.name, newCFunction(d, null, 'math'));
  return ns;
}

export class Evaluator {
  private readonly ns = namespace();
  private readonly math = mathNamespace();

  evaluate(source: string): PyObject {
    return this.expr(parse(source, '<case>', 'eval').body);
  }

  private expr(e: A.expr): PyObject {
    switch (e._type) {
      case 'Constant': return constant(e.value);
      case 'UnaryOp': {
        const v = this.expr(e.operand);
        switch (e.op._type) {
          case 'USub': return negative(v);
          case 'UAdd': return positive(v);
          case 'Invert': return invert(v);
          default: return newBool(!isTrue(v));
        }
      }
      case 'BinOp': return binaryOp(this.expr(e.left), this.expr(e.right), BINOPS[e.op._type]);
      case 'Compare': {
        let left = this.expr(e.left);
        let result: PyObject = newBool(true);
        for (let i = 0; i < e.ops.length; i++) {
          const right = this.expr(e.comparators[i]!);
          result = richCompare(left, right, CMPOPS[e.ops[i]!._type]!);
          if (!isTrue(result)) return result;
          left = right;
        }
        return result;
      }
      case 'Name': {
        const v = this.ns.get(e.id);
        if (!v) throw nameError(`name '${e.id}' is not defined`);
        return v;
      }
      case 'Attribute': {
        if (e.value._type === 'Name' && e.value.id === 'math') {
          const v = this.math.get(e.attr);
          if (!v) throw typeError(`no math.${e.attr}`);
          return v;
        }
        return getAttr(this.expr(e.value), e.attr);
      }
      case 'Call': {
        const f = this.expr(e.func);
        const args = e.args.map((a) => this.expr(a));
        const kwnames = e.keywords.map((k) => k.arg!);
        for (const k of e.keywords) args.push(this.expr(k.value));
        return call(f, args, kwnames.length ? kwnames : null);
      }
      case 'Tuple':
        return newTuple(e.elts.map((x) => this.expr(x)));
      case 'List':
        return newSequence(e.elts.map((x) => this.expr(x)));
      default:
        throw new Error(`unsupported expression ${e._type}`);
    }
  }
}

/** A list literal: an iterable of its items (math.fsum, prod and dist take any iterable). */
class PySequence extends PyObject {
  constructor(readonly items: PyObject[]) {
    super(sequenceType);
  }
}

class PySequenceIter extends PyObject {
  pos = 0;
  constructor(readonly seq: PySequence) {
    super(sequenceIterType);
  }
}

const sequenceType = defineType({
  name: 'case_sequence',
  layout: { basicsize: 16 },
  slots: {
    tp_dealloc: () => undefined,
    tp_iter: (o) => new PySequenceIter(o as PySequence),
    sq_repeat: (o, n) => newSequence(Array.from({ length: n }, () => (o as PySequence).items).flat()),
  },
});

const sequenceIterType = defineType({
  name: 'case_sequence_iterator',
  layout: { basicsize: 16 },
  slots: {
    tp_dealloc: () => undefined,
    tp_iternext: (o) => {
      const it = o as PySequenceIter;
      const item = it.seq.items[it.pos++];
      if (item === undefined) return null;
      item.refcnt++;
      return item;
    },
  },
});

function newSequence(items: PyObject[]): PyObject {
  return new PySequence(items);
}

function constant(v: A.ConstantValue): PyObject {
  if (typeof v === 'bigint') return newInt(v);
  if (typeof v === 'number') return newFloat(v);
  if (typeof v === 'string') return newStr(v);
  if (typeof v === 'boolean') return newBool(v);
  if (v instanceof ImaginaryValue) return newComplex(0, v.imag);
  if (v instanceof Uint8Array) return bytesResult(v.slice());
  if (v === null) {
    None.refcnt++;
    return None;
  }
  throw new Error('unsupported constant');
}

/** repr() of a result, with the tuples and NotImplemented that number methods return spelled
 *  out here so that these checks do not depend on the container types. */
export function show(o: PyObject): string {
  if (o instanceof PyTuple) {
    const items = o.items.map(show);
    return `(${items.join(', ')}${items.length === 1 ? ',' : ''})`;
  }
  if (o === NotImplemented) return 'NotImplemented';
  return reprString(o);
}
