// The table that ties slots to dunder methods (Objects/typeobject.c slotdefs): which
// `__name__` each slot answers to and how a call of that dunder maps onto the slot. Builtin
// types get a wrapper_descriptor per slot they define (add_operators); classes written in
// Python go the other way, from dunders to slot functions (classslots.ts).
import type { PyObject } from './object.js';
import { CompareOp, type PyType, type SlotName } from './type.js';
import { PyWrapperDescr } from './descr.js';
import { typeError, stopIteration } from './exceptions.js';
import { None } from './singletons.js';
import { newBool, newInt } from './int.js';
import { PyStr } from './str.js';
import { asIndex } from './abstract.js';

/** How a dunder's arguments (self first) reach a slot function. */
type Wrap = (slot: Function, args: PyObject[], name: string) => PyObject;

function arity(name: string, args: PyObject[], n: number): void {
  const given = args.length - 1;
  if (given !== n) {
    throw typeError(n === 0 ? `expected 0 arguments, got ${given}` : `expected ${n} argument${n === 1 ? '' : 's'}, got ${given}`);
  }
}

const unary: Wrap = (slot, args, name) => {
  arity(name, args, 0);
  return slot(args[0]);
};
const binary: Wrap = (slot, args, name) => {
  arity(name, args, 1);
  return slot(args[0], args[1]);
};
const binaryReflected: Wrap = (slot, args, name) => {
  arity(name, args, 1);
  return slot(args[1], args[0]);
};
const ternary: Wrap = (slot, args) => {
  if (args.length < 2 || args.length > 3) throw typeError(`expected 1 or 2 arguments, got ${args.length - 1}`);
  return slot(args[0], args[1], args[2] ?? None);
};
const ternaryReflected: Wrap = (slot, args) => {
  if (args.length < 2 || args.length > 3) throw typeError(`expected 1 or 2 arguments, got ${args.length - 1}`);
  return slot(args[1], args[0], args[2] ?? None);
};
const lenfunc: Wrap = (slot, args, name) => {
  arity(name, args, 0);
  return newInt(slot(args[0]) as number);
};
const inquiry: Wrap = (slot, args, name) => {
  arity(name, args, 0);
  return newBool(slot(args[0]) as boolean);
};
const objobjproc: Wrap = (slot, args, name) => {
  arity(name, args, 1);
  return newBool(slot(args[0], args[1]) as boolean);
};
const indexArg: Wrap = (slot, args, name) => {
  arity(name, args, 1);
  return slot(args[0], asIndex(args[1]!));
};
const setitem: Wrap = (slot, args, name) => {
  arity(name, args, 2);
  slot(args[0], args[1], args[2]);
  return newNone();
};
const delitem: Wrap = (slot, args, name) => {
  arity(name, args, 1);
  slot(args[0], args[1], null);
  return newNone();
};
const hashfunc: Wrap = (slot, args, name) => {
  arity(name, args, 0);
  return newInt(bigintToInt(slot(args[0]) as bigint));
};
const next: Wrap = (slot, args, name) => {
  arity(name, args, 0);
  const r = slot(args[0]) as PyObject | null;
  if (r === null) throw stopIteration(null);
  return r;
};
const getattr: Wrap = (slot, args, name) => {
  arity(name, args, 1);
  return slot(args[0], attrName(args[1]!));
};
const setattr: Wrap = (slot, args, name) => {
  arity(name, args, 2);
  slot(args[0], attrName(args[1]!), args[2]);
  return newNone();
};
const delattr: Wrap = (slot, args, name) => {
  arity(name, args, 1);
  slot(args[0], attrName(args[1]!), null);
  return newNone();
};
const descrGet: Wrap = (slot, args) => {
  if (args.length < 2 || args.length > 3) throw typeError(`expected 1 or 2 arguments, got ${args.length - 1}`);
  const obj = args[1] === None ? null : args[1]!;
  const type = args[2] === undefined || args[2] === None ? null : args[2];
  if (obj === null && type === null) throw typeError('__get__(None, None) is invalid');
  return slot(args[0], obj, type);
};
const descrSet: Wrap = (slot, args, name) => {
  arity(name, args, 2);
  slot(args[0], args[1], args[2]);
  return newNone();
};
const descrDelete: Wrap = (slot, args, name) => {
  arity(name, args, 1);
  slot(args[0], args[1], null);
  return newNone();
};
const richcmp = (op: CompareOp): Wrap => (slot, args, name) => {
  arity(name, args, 1);
  return slot(args[0], args[1], op);
};
const init: Wrap = () => {
  throw new Error('__init__ is wrapped with its keywords by wrappersFor');
};
const finalize: Wrap = (slot, args, name) => {
  arity(name, args, 0);
  slot(args[0]);
  return newNone();
};

function newNone(): PyObject {
  None.refcnt++;
  return None;
}

function attrName(o: PyObject): string {
  if (!(o instanceof PyStr)) throw typeError(`attribute name must be string, not '${o.type.name}'`);
  return o.value;
}

function bigintToInt(h: bigint): number | bigint {
  const n = Number(h);
  return Number.isSafeInteger(n) ? n : h;
}

export interface SlotDef {
  name: string;
  slot: SlotName;
  wrap: Wrap;
  doc: string;
}

/** slotdefs, in CPython's order (the order dunders appear in a builtin type's namespace). */
export const SLOTDEFS: readonly SlotDef[] = [
  { name: '__getattribute__', slot: 'tp_getattro', wrap: getattr, doc: 'Return getattr(self, name).' },
  { name: '__getattr__', slot: 'tp_getattro', wrap: getattr, doc: '' },
  { name: '__setattr__', slot: 'tp_setattro', wrap: setattr, doc: 'Implement setattr(self, name, value).' },
  { name: '__delattr__', slot: 'tp_setattro', wrap: delattr, doc: 'Implement delattr(self, name).' },
  { name: '__repr__', slot: 'tp_repr', wrap: unary, doc: 'Return repr(self).' },
  { name: '__hash__', slot: 'tp_hash', wrap: hashfunc, doc: 'Return hash(self).' },
  { name: '__call__', slot: 'tp_call', wrap: init, doc: 'Call self as a function.' },
  { name: '__str__', slot: 'tp_str', wrap: unary, doc: 'Return str(self).' },
  { name: '__lt__', slot: 'tp_richcompare', wrap: richcmp(CompareOp.LT), doc: 'Return self<value.' },
  { name: '__le__', slot: 'tp_richcompare', wrap: richcmp(CompareOp.LE), doc: 'Return self<=value.' },
  { name: '__eq__', slot: 'tp_richcompare', wrap: richcmp(CompareOp.EQ), doc: 'Return self==value.' },
  { name: '__ne__', slot: 'tp_richcompare', wrap: richcmp(CompareOp.NE), doc: 'Return self!=value.' },
  { name: '__gt__', slot: 'tp_richcompare', wrap: richcmp(CompareOp.GT), doc: 'Return self>value.' },
  { name: '__ge__', slot: 'tp_richcompare', wrap: richcmp(CompareOp.GE), doc: 'Return self>=value.' },
  { name: '__iter__', slot: 'tp_iter', wrap: unary, doc: 'Implement iter(self).' },
  { name: '__next__', slot: 'tp_iternext', wrap: next, doc: 'Implement next(self).' },
  { name: '__get__', slot: 'tp_descr_get', wrap: descrGet, doc: 'Return an attribute of instance, which is of type owner.' },
  { name: '__set__', slot: 'tp_descr_set', wrap: descrSet, doc: 'Set an attribute of instance to value.' },
  { name: '__delete__', slot: 'tp_descr_set', wrap: descrDelete, doc: 'Delete an attribute of instance.' },
  { name: '__init__', slot: 'tp_init', wrap: init, doc: 'Initialize self.  See help(type(self)) for accurate signature.' },
  { name: '__new__', slot: 'tp_new', wrap: init, doc: 'Create and return a new object.  See help(type) for accurate signature.' },
  { name: '__del__', slot: 'tp_finalize', wrap: finalize, doc: 'Called when the instance is about to be destroyed.' },
  { name: '__add__', slot: 'nb_add', wrap: binary, doc: 'Return self+value.' },
  { name: '__radd__', slot: 'nb_add', wrap: binaryReflected, doc: 'Return value+self.' },
  { name: '__sub__', slot: 'nb_subtract', wrap: binary, doc: 'Return self-value.' },
  { name: '__rsub__', slot: 'nb_subtract', wrap: binaryReflected, doc: 'Return value-self.' },
  { name: '__mul__', slot: 'nb_multiply', wrap: binary, doc: 'Return self*value.' },
  { name: '__rmul__', slot: 'nb_multiply', wrap: binaryReflected, doc: 'Return value*self.' },
  { name: '__mod__', slot: 'nb_remainder', wrap: binary, doc: 'Return self%value.' },
  { name: '__rmod__', slot: 'nb_remainder', wrap: binaryReflected, doc: 'Return value%self.' },
  { name: '__divmod__', slot: 'nb_divmod', wrap: binary, doc: 'Return divmod(self, value).' },
  { name: '__rdivmod__', slot: 'nb_divmod', wrap: binaryReflected, doc: 'Return divmod(value, self).' },
  { name: '__pow__', slot: 'nb_power', wrap: ternary, doc: 'Return pow(self, value, mod).' },
  { name: '__rpow__', slot: 'nb_power', wrap: ternaryReflected, doc: 'Return pow(value, self, mod).' },
  { name: '__neg__', slot: 'nb_negative', wrap: unary, doc: '-self' },
  { name: '__pos__', slot: 'nb_positive', wrap: unary, doc: '+self' },
  { name: '__abs__', slot: 'nb_absolute', wrap: unary, doc: 'abs(self)' },
  { name: '__bool__', slot: 'nb_bool', wrap: inquiry, doc: 'True if self else False' },
  { name: '__invert__', slot: 'nb_invert', wrap: unary, doc: '~self' },
  { name: '__lshift__', slot: 'nb_lshift', wrap: binary, doc: 'Return self<<value.' },
  { name: '__rlshift__', slot: 'nb_lshift', wrap: binaryReflected, doc: 'Return value<<self.' },
  { name: '__rshift__', slot: 'nb_rshift', wrap: binary, doc: 'Return self>>value.' },
  { name: '__rrshift__', slot: 'nb_rshift', wrap: binaryReflected, doc: 'Return value>>self.' },
  { name: '__and__', slot: 'nb_and', wrap: binary, doc: 'Return self&value.' },
  { name: '__rand__', slot: 'nb_and', wrap: binaryReflected, doc: 'Return value&self.' },
  { name: '__xor__', slot: 'nb_xor', wrap: binary, doc: 'Return self^value.' },
  { name: '__rxor__', slot: 'nb_xor', wrap: binaryReflected, doc: 'Return value^self.' },
  { name: '__or__', slot: 'nb_or', wrap: binary, doc: 'Return self|value.' },
  { name: '__ror__', slot: 'nb_or', wrap: binaryReflected, doc: 'Return value|self.' },
  { name: '__int__', slot: 'nb_int', wrap: unary, doc: 'int(self)' },
  { name: '__float__', slot: 'nb_float', wrap: unary, doc: 'float(self)' },
  { name: '__iadd__', slot: 'nb_inplace_add', wrap: binary, doc: 'Return self+=value.' },
  { name: '__isub__', slot: 'nb_inplace_subtract', wrap: binary, doc: 'Return self-=value.' },
  { name: '__imul__', slot: 'nb_inplace_multiply', wrap: binary, doc: 'Return self*=value.' },
  { name: '__imod__', slot: 'nb_inplace_remainder', wrap: binary, doc: 'Return self%=value.' },
  { name: '__ipow__', slot: 'nb_inplace_power', wrap: ternary, doc: 'Return self**=value.' },
  { name: '__ilshift__', slot: 'nb_inplace_lshift', wrap: binary, doc: 'Return self<<=value.' },
  { name: '__irshift__', slot: 'nb_inplace_rshift', wrap: binary, doc: 'Return self>>=value.' },
  { name: '__iand__', slot: 'nb_inplace_and', wrap: binary, doc: 'Return self&=value.' },
  { name: '__ixor__', slot: 'nb_inplace_xor', wrap: binary, doc: 'Return self^=value.' },
  { name: '__ior__', slot: 'nb_inplace_or', wrap: binary, doc: 'Return self|=value.' },
  { name: '__floordiv__', slot: 'nb_floor_divide', wrap: binary, doc: 'Return self//value.' },
  { name: '__rfloordiv__', slot: 'nb_floor_divide', wrap: binaryReflected, doc: 'Return value//self.' },
  { name: '__truediv__', slot: 'nb_true_divide', wrap: binary, doc: 'Return self/value.' },
  { name: '__rtruediv__', slot: 'nb_true_divide', wrap: binaryReflected, doc: 'Return value/self.' },
  { name: '__ifloordiv__', slot: 'nb_inplace_floor_divide', wrap: binary, doc: 'Return self//=value.' },
  { name: '__itruediv__', slot: 'nb_inplace_true_divide', wrap: binary, doc: 'Return self/=value.' },
  { name: '__index__', slot: 'nb_index', wrap: unary, doc: 'Return self converted to an integer, if self is suitable for use as an index into a list.' },
  { name: '__matmul__', slot: 'nb_matrix_multiply', wrap: binary, doc: 'Return self@value.' },
  { name: '__rmatmul__', slot: 'nb_matrix_multiply', wrap: binaryReflected, doc: 'Return value@self.' },
  { name: '__imatmul__', slot: 'nb_inplace_matrix_multiply', wrap: binary, doc: 'Return self@=value.' },
  { name: '__len__', slot: 'mp_length', wrap: lenfunc, doc: 'Return len(self).' },
  { name: '__getitem__', slot: 'mp_subscript', wrap: binary, doc: 'Return self[key].' },
  { name: '__setitem__', slot: 'mp_ass_subscript', wrap: setitem, doc: 'Set self[key] to value.' },
  { name: '__delitem__', slot: 'mp_ass_subscript', wrap: delitem, doc: 'Delete self[key].' },
  { name: '__len__', slot: 'sq_length', wrap: lenfunc, doc: 'Return len(self).' },
  { name: '__add__', slot: 'sq_concat', wrap: binary, doc: 'Return self+value.' },
  { name: '__mul__', slot: 'sq_repeat', wrap: indexArg, doc: 'Return self*value.' },
  { name: '__rmul__', slot: 'sq_repeat', wrap: indexArg, doc: 'Return value*self.' },
  { name: '__getitem__', slot: 'sq_item', wrap: indexArg, doc: 'Return self[key].' },
  { name: '__setitem__', slot: 'sq_ass_item', wrap: setitem, doc: 'Set self[key] to value.' },
  { name: '__delitem__', slot: 'sq_ass_item', wrap: delitem, doc: 'Delete self[key].' },
  { name: '__contains__', slot: 'sq_contains', wrap: objobjproc, doc: 'Return key in self.' },
  { name: '__iadd__', slot: 'sq_inplace_concat', wrap: binary, doc: 'Implement self+=value.' },
  { name: '__imul__', slot: 'sq_inplace_repeat', wrap: indexArg, doc: 'Implement self*=value.' },
];

/** add_operators: a wrapper_descriptor for each dunder whose slot the type defines itself
 *  (not inherited from its base), first definition of a name winning. */
export function wrappersFor(type: PyType): Map<string, PyWrapperDescr> {
  const out = new Map<string, PyWrapperDescr>();
  const own = type as unknown as Record<string, Function | undefined>;
  const base = type.base as unknown as Record<string, Function | undefined> | null;
  for (const def of SLOTDEFS) {
    const fn = own[def.slot];
    if (!fn || out.has(def.name) || def.slot === 'tp_new' || def.name === '__getattr__') continue;
    if (base && base[def.slot] === fn) continue;
    if (def.slot === 'tp_richcompare' || def.slot === 'tp_hash' || def.slot === 'tp_init' || def.slot === 'tp_call') {
      out.set(def.name, new PyWrapperDescr(def.name, specialCall(def, fn), type, def.doc, fn));
      continue;
    }
    const wrap = def.wrap;
    out.set(def.name, new PyWrapperDescr(def.name, (_d, args) => wrap(fn, args, def.name), type, def.doc, fn));
  }
  return out;
}

function specialCall(def: SlotDef, fn: Function): PyWrapperDescr['call'] {
  switch (def.slot) {
    case 'tp_init':
      return (_d, args, kwnames) => {
        fn(args[0], args.slice(1), kwnames);
        return newNone();
      };
    case 'tp_call':
      return (_d, args, kwnames) => fn(args[0], args.slice(1), kwnames);
    default:
      return (_d, args, kwnames) => {
        if (kwnames && kwnames.length) throw typeError(`wrapper ${def.name}() takes no keyword arguments`);
        return def.wrap(fn, args, def.name);
      };
  }
}
