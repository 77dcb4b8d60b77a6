// The operator module (Modules/_operator.c): the operators as functions, and the itemgetter,
// attrgetter and methodcaller callables.
import { PyGCObject, PyObject, decref, newref } from '../objects/object.js';
import { CompareOp, TypeFlags, type PyType } from '../objects/type.js';
import { defineType } from '../objects/define.js';
import { allocObject, freeObject } from '../objects/heap.js';
import { gcTrack, gcUntrack } from '../gc/track.js';
import type { NativeFunctionDef } from '../objects/native.js';
import { newBool, newInt } from '../objects/int.js';
import { PyStr, newStr } from '../objects/str.js';
import {
  BinaryOp, absolute, binaryOp, call, callMethod, contains, forEach, getAttr, getItem, index, invert, isTrue, negative,
  newNone, positive, power, reprString, richCompare, richCompareBool, setItem,
} from '../objects/abstract.js';
import { typeError, valueError } from '../objects/exceptions.js';
import { newTuple } from '../objects/tuple.js';
import { lengthHint } from '../objects/list.js';
import { None } from '../objects/singletons.js';
import { checkPositional, noKeywords } from '../objects/argcheck.js';
import type { NativeModuleDef } from './moduledef.js';

type Fn1 = (a: PyObject) => PyObject;
type Fn2 = (a: PyObject, b: PyObject) => PyObject;

function unary(name: string, fn: Fn1): NativeFunctionDef {
  return { name, code: { kind: 'o', fn: (_m, a) => fn(a) } };
}

function binary(name: string, fn: Fn2): NativeFunctionDef {
  return {
    name,
    code: {
      kind: 'fast',
      fn: (_m, args) => {
        checkPositional(name, args.length, 2, 2);
        return fn(args[0]!, args[1]!);
      },
    },
  };
}

/** Every function under its name and its dunder alias (`add` and `__add__`). */
function withDunders(defs: NativeFunctionDef[]): NativeFunctionDef[] {
  const out: NativeFunctionDef[] = [];
  for (const d of defs) {
    out.push(d);
    const bare = d.name.replace(/_$/, '');
    if (!['truth', 'is', 'is_not', 'countOf', 'indexOf', 'length_hint', 'call'].includes(bare)) {
      out.push({ ...d, name: `__${bare}__` });
    }
  }
  return out;
}

const BINARY: [string, BinaryOp][] = [
  ['add', BinaryOp.ADD], ['and_', BinaryOp.AND], ['floordiv', BinaryOp.FLOOR_DIVIDE], ['lshift', BinaryOp.LSHIFT],
  ['matmul', BinaryOp.MATRIX_MULTIPLY], ['mod', BinaryOp.REMAINDER], ['mul', BinaryOp.MULTIPLY], ['or_', BinaryOp.OR],
  ['rshift', BinaryOp.RSHIFT], ['sub', BinaryOp.SUBTRACT], ['truediv', BinaryOp.TRUE_DIVIDE], ['xor', BinaryOp.XOR],
];
const INPLACE: [string, BinaryOp][] = [
  ['iadd', BinaryOp.INPLACE_ADD], ['iand', BinaryOp.INPLACE_AND], ['ifloordiv', BinaryOp.INPLACE_FLOOR_DIVIDE],
  ['ilshift', BinaryOp.INPLACE_LSHIFT], ['imatmul', BinaryOp.INPLACE_MATRIX_MULTIPLY], ['imod', BinaryOp.INPLACE_REMAINDER],
  ['imul', BinaryOp.INPLACE_MULTIPLY], ['ior', BinaryOp.INPLACE_OR], ['irshift', BinaryOp.INPLACE_RSHIFT],
  ['isub', BinaryOp.INPLACE_SUBTRACT], ['itruediv', BinaryOp.INPLACE_TRUE_DIVIDE], ['ixor', BinaryOp.INPLACE_XOR],
];
const COMPARE: [string, CompareOp][] = [
  ['lt', CompareOp.LT], ['le', CompareOp.LE], ['eq', CompareOp.EQ], ['ne', CompareOp.NE], ['gt', CompareOp.GT], ['ge', CompareOp.GE],
];

/** operator.concat / iconcat: only sequences (sq_concat) qualify. */
function concat(a: PyObject, b: PyObject, inplace: boolean): PyObject {
  if (!a.type.sq_concat) throw typeError(`'${a.type.name}' object can't be concatenated`);
  return binaryOp(a, b, inplace ? BinaryOp.INPLACE_ADD : BinaryOp.ADD);
}

/** countOf / indexOf (PySequence_Count, PySequence_Index) */
function scan(seq: PyObject, value: PyObject, countAll: boolean): PyObject {
  let n = 0;
  let i = 0;
  let found = -1;
  forEach(seq, (x) => {
    if (found < 0 && richCompareBool(x, value, CompareOp.EQ)) {
      if (countAll) n++;
      else found = i;
    }
    i++;
  });
  if (countAll) return newInt(n);
  if (found < 0) throw valueError('sequence.index(x): x not in sequence');
  return newInt(found);
}

const FUNCTIONS: NativeFunctionDef[] = withDunders([
  unary('abs', absolute), unary('index', index), unary('inv', invert), unary('invert', invert), unary('neg', negative),
  unary('pos', positive), unary('not_', (a) => newBool(!isTrue(a))), unary('truth', (a) => newBool(isTrue(a))),
  ...BINARY.map(([n, op]) => binary(n, (a, b) => binaryOp(a, b, op))),
  ...INPLACE.map(([n, op]) => binary(n, (a, b) => binaryOp(a, b, op))),
  binary('pow', (a, b) => power(a, b, None)),
  binary('ipow', (a, b) => binaryOp(a, b, BinaryOp.INPLACE_POWER)),
  ...COMPARE.map(([n, op]) => binary(n, (a, b) => richCompare(a, b, op))),
  binary('concat', (a, b) => concat(a, b, false)),
  binary('iconcat', (a, b) => concat(a, b, true)),
  binary('contains', (a, b) => newBool(contains(a, b))),
  binary('countOf', (a, b) => scan(a, b, true)),
  binary('indexOf', (a, b) => scan(a, b, false)),
  binary('getitem', getItem),
  binary('delitem', (a, b) => {
    setItem(a, b, null);
    return newNone();
  }),
  binary('is_', (a, b) => newBool(a === b)),
  binary('is_not', (a, b) => newBool(a !== b)),
  {
    name: 'setitem',
    code: {
      kind: 'fast',
      fn: (_m, args) => {
        checkPositional('setitem', args.length, 3, 3);
        setItem(args[0]!, args[1]!, args[2]!);
        return newNone();
      },
    },
  },
  {
    name: 'length_hint',
    code: {
      kind: 'fast',
      fn: (_m, args) => {
        checkPositional('length_hint', args.length, 1, 2);
        const dflt = args.length === 2 ? index(args[1]!) : newInt(0);
        const d = (dflt as PyObject & { value: number }).value;
        decref(dflt);
        return newInt(lengthHint(args[0]!, d));
      },
    },
  },
  {
    name: 'call',
    code: { kind: 'fastkw', fn: (_m, args, kw) => call(args[0]!, args.slice(1), kw) },
  },
]);

// ------------------------------------------------------------------ getter objects

class PyGetter extends PyGCObject {
  constructor(type: PyType, public items: PyObject[], readonly kwnames: readonly string[] | null = null) {
    super(type);
  }
}

function getterType(name: string, size: number, callFn: (g: PyGetter, obj: PyObject[], kw: readonly string[] | null) => PyObject,
  tpNew: (type: PyType, args: PyObject[], kw: readonly string[] | null) => PyObject, repr: (g: PyGetter) => string): PyType {
  return defineType({
    name: `operator.${name}`,
    flags: TypeFlags.HAVE_GC,
    layout: { basicsize: size },
    slots: {
      tp_dealloc: (o) => {
        const g = o as PyGetter;
        gcUntrack(g);
        const items = g.items;
        g.items = [];
        for (const x of items) decref(x);
        freeObject(g);
      },
      tp_traverse: (o, visit) => {
        for (const x of (o as PyGetter).items) visit(x);
      },
      tp_call: (o, args, kw) => callFn(o as PyGetter, args, kw),
      tp_new: tpNew,
      tp_repr: (o) => newStr(repr(o as PyGetter)),
    },
  });
}

function newGetter(type: PyType, size: number, items: PyObject[], kwnames: readonly string[] | null = null): PyObject {
  const g = new PyGetter(type, items.map((x) => newref(x)), kwnames);
  allocObject(g, size);
  gcTrack(g);
  return g;
}

function oneArg(name: string, args: PyObject[], kw: readonly string[] | null): PyObject {
  noKeywords(name, kw);
  checkPositional(name, args.length, 1, 1);
  return args[0]!;
}

const itemgetterType = getterType('itemgetter', 40, (g, args, kw) => {
  const obj = oneArg('itemgetter', args, kw);
  if (g.items.length === 1) return getItem(obj, g.items[0]!);
  return newTuple(g.items.map((k) => getItem(obj, k)));
}, (type, args, kw) => {
  noKeywords('itemgetter', kw);
  if (args.length === 0) throw typeError('itemgetter expected 1 argument, got 0');
  return newGetter(type, 40, args);
}, (g) => `operator.itemgetter(${g.items.map(reprString).join(', ')})`);

/** A dotted attribute path, followed one name at a time. */
function dotted(obj: PyObject, path: PyObject): PyObject {
  let cur = newref(obj);
  for (const part of (path as PyStr).value.split('.')) {
    const next = getAttr(cur, part);
    decref(cur);
    cur = next;
  }
  return cur;
}

const attrgetterType = getterType('attrgetter', 40, (g, args, kw) => {
  const obj = oneArg('attrgetter', args, kw);
  if (g.items.length === 1) return dotted(obj, g.items[0]!);
  return newTuple(g.items.map((p) => dotted(obj, p)));
}, (type, args, kw) => {
  noKeywords('attrgetter', kw);
  if (args.length === 0) throw typeError('attrgetter expected 1 argument, got 0');
  for (const a of args) if (!(a instanceof PyStr)) throw typeError('attribute name must be a string');
  return newGetter(type, 40, args);
}, (g) => `operator.attrgetter(${g.items.map(reprString).join(', ')})`);

const methodcallerType = getterType('methodcaller', 48, (g, args, kw) => {
  const obj = oneArg('methodcaller', args, kw);
  return callMethod(obj, (g.items[0] as PyStr).value, g.items.slice(1), g.kwnames);
}, (type, args, kw) => {
  const npos = args.length - (kw?.length ?? 0);
  if (npos < 1) throw typeError('methodcaller needs at least one argument, the method name');
  if (!(args[0] instanceof PyStr)) throw typeError('method name must be a string');
  return newGetter(type, 48, args, kw);
}, (g) => {
  const nkw = g.kwnames?.length ?? 0;
  const pos = g.items.slice(1, g.items.length - nkw).map(reprString);
  const kws = (g.kwnames ?? []).map((k, i) => `${k}=${reprString(g.items[g.items.length - nkw + i]!)}`);
  return `operator.methodcaller(${[reprString(g.items[0]!), ...pos, ...kws].join(', ')})`;
});

export const operatorModule: NativeModuleDef = {
  name: 'operator',
  functions: FUNCTIONS,
  attributes: () => ({ itemgetter: itemgetterType, attrgetter: attrgetterType, methodcaller: methodcallerType }),
};
