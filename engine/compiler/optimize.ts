// Constant folding (Python/ast_opt.c): operators on constants are computed at compile time,
// with the same size limits as CPython so that what gets folded (and therefore shared in
// co_consts) is what CPython folds. Folded values that the AST cannot hold (tuples) are kept
// as objects next to their node.
import type * as A from '../syntax/ast.js';
import type { PyObject } from '../objects/object.js';
import { decref } from '../objects/object.js';
import { PyInt } from '../objects/int.js';
import { PyStr } from '../objects/str.js';
import { PyTuple, newTuple } from '../objects/tuple.js';
import { PyBaseException } from '../objects/exceptions.js';
import { BinaryOp, binaryOp, invert, negative, positive, isTrue, length } from '../objects/abstract.js';
import { newBool } from '../objects/int.js';
import { constantObject } from './constants.js';

const MAX_INT_SIZE = 128;
const MAX_COLLECTION_SIZE = 256;
const MAX_STR_SIZE = 4096;
const MAX_TOTAL_ITEMS = 1024;

/** Objects of folded constant nodes (owned for the life of the process's compilations). */
const foldedObjects = new WeakMap<A.expr, PyObject>();
const foldCache = new WeakMap<A.expr, A.expr>();

/** The object of a constant node: the folded object, or a new one for a literal. New reference. */
export function constantOf(e: A.Constant): PyObject {
  const o = foldedObjects.get(e);
  if (o) {
    o.refcnt++;
    return o;
  }
  return constantObject(e.value);
}

export function isFolded(e: A.expr): boolean {
  return foldedObjects.has(e);
}

const BINOPS: Partial<Record<A.OperatorName, BinaryOp>> = {
  Add: BinaryOp.ADD, Sub: BinaryOp.SUBTRACT, Mult: BinaryOp.MULTIPLY, Div: BinaryOp.TRUE_DIVIDE,
  FloorDiv: BinaryOp.FLOOR_DIVIDE, Mod: BinaryOp.REMAINDER, Pow: BinaryOp.POWER, LShift: BinaryOp.LSHIFT,
  RShift: BinaryOp.RSHIFT, BitOr: BinaryOp.OR, BitXor: BinaryOp.XOR, BitAnd: BinaryOp.AND,
};

function bits(o: PyObject): number {
  const v = (o as PyInt).value;
  const b = typeof v === 'bigint' ? (v < 0n ? -v : v) : BigInt(Math.abs(v));
  return b === 0n ? 0 : b.toString(2).length;
}

function sizeOf(o: PyObject): number | null {
  if (o instanceof PyStr || o instanceof PyTuple) return length(o);
  if (o.type.name === 'bytes') return length(o);
  return null;
}

function intValue(o: PyObject): bigint {
  const v = (o as PyInt).value;
  return typeof v === 'bigint' ? v : BigInt(v);
}

/** safe_multiply / safe_power / safe_lshift / safe_mod: false when folding would be too big. */
function safe(op: BinaryOp, v: PyObject, w: PyObject): boolean {
  const vi = v instanceof PyInt;
  const wi = w instanceof PyInt;
  switch (op) {
    case BinaryOp.MULTIPLY: {
      if (vi && wi) {
        const vb = bits(v);
        const wb = bits(w);
        return !(vb && wb && vb + wb > MAX_INT_SIZE);
      }
      const [seq, n] = vi ? [w, v] : wi ? [v, w] : [null, null];
      if (seq === null || n === null) return true;
      const size = sizeOf(seq);
      if (size === null) return true;
      const count = intValue(n);
      if (size === 0 || count <= 0n) return true;
      const limit = seq instanceof PyTuple ? MAX_COLLECTION_SIZE : MAX_STR_SIZE;
      if (count > BigInt(limit) / BigInt(size)) return false;
      if (seq instanceof PyTuple && Number(count) * size > MAX_TOTAL_ITEMS) return false;
      return true;
    }
    case BinaryOp.POWER:
      if (vi && wi) {
        const vb = bits(v);
        const we = intValue(w);
        return !(vb && we > 0n && BigInt(vb) * we > BigInt(MAX_INT_SIZE));
      }
      return true;
    case BinaryOp.LSHIFT:
      if (vi && wi) {
        const vb = bits(v);
        const we = intValue(w);
        if (we < 0n || we > BigInt(MAX_INT_SIZE)) return vb === 0 && we >= 0n;
        return !(vb && BigInt(vb) + we > BigInt(MAX_INT_SIZE));
      }
      return true;
    case BinaryOp.REMAINDER:
      // "%" formatting of str and bytes is not folded
      return !(v instanceof PyStr || v.type.name === 'bytes');
    case BinaryOp.ADD: {
      const a = sizeOf(v);
      const b = sizeOf(w);
      if (a !== null && b !== null) return a + b <= (v instanceof PyTuple ? MAX_COLLECTION_SIZE : MAX_STR_SIZE);
      return true;
    }
    default:
      return true;
  }
}

function asConstant(e: A.expr): PyObject | null {
  if (e._type !== 'Constant') return null;
  return constantOf(e);
}

function makeConstant(src: A.Located, o: PyObject): A.Constant {
  const node: A.Constant = {
    _type: 'Constant', value: null, kind: null,
    lineno: src.lineno, col_offset: src.col_offset, end_lineno: src.end_lineno, end_col_offset: src.end_col_offset,
  };
  foldedObjects.set(node, o);
  return node;
}

/** Runs `f` on owned operands; the result, or null when it raised (no folding then). */
function attempt(operands: PyObject[], f: () => PyObject): PyObject | null {
  try {
    return f();
  } catch (e) {
    if (e instanceof PyBaseException) {
      decref(e);
      return null;
    }
    throw e;
  } finally {
    for (const o of operands) decref(o);
  }
}

/** The folded form of an expression (the node itself when nothing folds). */
export function foldExpr(e: A.expr): A.expr {
  const cached = foldCache.get(e);
  if (cached) return cached;
  const r = fold(e);
  foldCache.set(e, r);
  return r;
}

function fold(e: A.expr): A.expr {
  switch (e._type) {
    case 'BinOp': {
      const op = BINOPS[e.op._type];
      if (op === undefined) return e;
      const l = foldExpr(e.left);
      const r = foldExpr(e.right);
      const lv = asConstant(l);
      if (!lv) return e;
      const rv = asConstant(r);
      if (!rv) {
        decref(lv);
        return e;
      }
      if (!safe(op, lv, rv)) {
        decref(lv);
        decref(rv);
        return e;
      }
      const res = attempt([lv, rv], () => binaryOp(lv, rv, op));
      return res ? makeConstant(e, res) : e;
    }
    case 'UnaryOp': {
      const operand = foldExpr(e.operand);
      const v = asConstant(operand);
      if (!v) return e;
      const res = attempt([v], () => {
        switch (e.op._type) {
          case 'USub': return negative(v);
          case 'UAdd': return positive(v);
          case 'Invert': return invert(v);
          case 'Not': return newBool(!isTrue(v));
        }
      });
      return res ? makeConstant(e, res) : e;
    }
    case 'Tuple': {
      if (e.ctx._type !== 'Load') return e;
      const items: PyObject[] = [];
      for (const x of e.elts) {
        const f = foldExpr(x);
        const o = f._type === 'Constant' ? constantOf(f) : null;
        if (!o) {
          for (const i of items) decref(i);
          return e;
        }
        items.push(o);
      }
      return makeConstant(e, newTuple(items));
    }
    default:
      return e;
  }
}

/** fold_iter / fold_compare: a list display iterated over or tested with `in` is a tuple. */
export function listAsTuple(e: A.expr): A.expr {
  if (e._type !== 'List' || e.elts.some((x) => x._type === 'Starred')) return e;
  return foldExpr({ ...e, _type: 'Tuple' } as A.Tuple);
}
