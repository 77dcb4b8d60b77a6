// The generic object protocols (Objects/object.c, Objects/abstract.c): repr, str, hash,
// comparison, truth, attributes, calls, iteration, numbers and subscripts, dispatching through
// the slots and raising CPython's errors. Results are new references; arguments are borrowed.
import { PyObject, decref, newref } from './object.js';
import { CompareOp, PyType, type BinaryFn, type SlotName } from './type.js';
import { None, NotImplemented } from './singletons.js';
import { PyStr, newStr, strType } from './str.js';
import { typeType } from './typeobject.js';
import { False, PyInt, True, intType } from './int.js';
import {
  AttributeError, PyBaseException, StopIteration, attributeError, exceptionMatches, typeError,
} from './exceptions.js';
import { PyTuple } from './tuple.js';

// ------------------------------------------------------------------ instance attribute storage

/** Where a type's instances keep their attributes (the instance dict, 3.11's inline values, a
 *  module's globals). Types without it have no instance attributes. */
export interface InstanceAttrs {
  /** Borrowed value of an instance attribute, or null. */
  get(o: PyObject, name: string): PyObject | null;
  /** Stores (value) or deletes (null); false when deleting a missing name. */
  set(o: PyObject, name: string, value: PyObject | null): boolean;
}

const instanceAttrs = new WeakMap<PyType, InstanceAttrs>();
/** instanceAttrsOf's answers: a type's MRO never changes once the type exists. */
const resolved = new WeakMap<PyType, InstanceAttrs | null>();

export function setInstanceAttrs(type: PyType, attrs: InstanceAttrs): void {
  instanceAttrs.set(type, attrs);
  resolved.delete(type);
}

/** The instance storage of a type: its own or inherited from the nearest base that has one. */
export function instanceAttrsOf(type: PyType): InstanceAttrs | undefined {
  const cached = resolved.get(type);
  if (cached !== undefined) return cached ?? undefined;
  let found: InstanceAttrs | null = null;
  for (const t of type.mro) {
    const a = instanceAttrs.get(t);
    if (a) {
      found = a;
      break;
    }
  }
  resolved.set(type, found);
  return found ?? undefined;
}

// ------------------------------------------------------------------ text

function defaultRepr(o: PyObject): PyObject {
  const t = o.type;
  const mod = t.moduleName;
  const name = mod === 'builtins' ? t.qualname : `${mod}.${t.qualname}`;
  return newStr(`<${name} object at 0x${o.addr.toString(16)}>`);
}

/** PyObject_Repr */
export function repr(o: PyObject): PyObject {
  const f = o.type.tp_repr;
  const r = f ? f(o) : defaultRepr(o);
  if (!(r instanceof PyStr)) {
    const tn = r.type.name;
    decref(r);
    throw typeError(`__repr__ returned non-string (type ${tn})`);
  }
  return r;
}

/** PyObject_Str */
export function str(o: PyObject): PyObject {
  if (o.type === strType) return newref(o);
  const f = o.type.tp_str;
  if (!f) return repr(o);
  const r = f(o);
  if (!(r instanceof PyStr)) {
    const tn = r.type.name;
    decref(r);
    throw typeError(`__str__ returned non-string (type ${tn})`);
  }
  return r;
}

/** repr() as a JS string, for messages and native formatting. */
export function reprString(o: PyObject): string {
  const r = repr(o) as PyStr;
  const s = r.value;
  decref(r);
  return s;
}

/** str() as a JS string. */
export function strString(o: PyObject): string {
  if (o instanceof PyStr && o.type.tp_str === undefined) return o.value;
  const r = str(o) as PyStr;
  const s = r.value;
  decref(r);
  return s;
}

// ------------------------------------------------------------------ hashing and comparison

/** PyObject_Hash */
export function hash(o: PyObject): bigint {
  const f = o.type.tp_hash;
  if (!f) throw typeError(`unhashable type: '${o.type.name}'`);
  return f(o);
}

const OP_SYMBOL = ['<', '<=', '==', '!=', '>', '>='] as const;
const SWAPPED: readonly CompareOp[] = [CompareOp.GT, CompareOp.GE, CompareOp.EQ, CompareOp.NE, CompareOp.LT, CompareOp.LE];

/** do_richcompare: the reflected operand first when it is a proper subtype that overrides. */
export function richCompare(v: PyObject, w: PyObject, op: CompareOp): PyObject {
  let checkedReverse = false;
  const vt = v.type;
  const wt = w.type;
  if (vt !== wt && wt.tp_richcompare && wt.isSubtype(vt)) {
    checkedReverse = true;
    const r = wt.tp_richcompare(w, v, SWAPPED[op]!);
    if (r !== NotImplemented) return r;
    decref(r);
  }
  if (vt.tp_richcompare) {
    const r = vt.tp_richcompare(v, w, op);
    if (r !== NotImplemented) return r;
    decref(r);
  }
  if (!checkedReverse && wt.tp_richcompare) {
    const r = wt.tp_richcompare(w, v, SWAPPED[op]!);
    if (r !== NotImplemented) return r;
    decref(r);
  }
  if (op === CompareOp.EQ) return newref(v === w ? True : False);
  if (op === CompareOp.NE) return newref(v !== w ? True : False);
  throw typeError(`'${OP_SYMBOL[op]}' not supported between instances of '${vt.name}' and '${wt.name}'`);
}

/** PyObject_RichCompareBool: identity implies equality, as containers rely on. */
export function richCompareBool(v: PyObject, w: PyObject, op: CompareOp): boolean {
  if (v === w) {
    if (op === CompareOp.EQ) return true;
    if (op === CompareOp.NE) return false;
  }
  const r = richCompare(v, w, op);
  const b = isTrue(r);
  decref(r);
  return b;
}

export function equals(v: PyObject, w: PyObject): boolean {
  return richCompareBool(v, w, CompareOp.EQ);
}

/** PyObject_IsTrue */
export function isTrue(o: PyObject): boolean {
  if (o === True) return true;
  if (o === False || o === None) return false;
  const t = o.type;
  if (t.nb_bool) return t.nb_bool(o);
  if (t.mp_length) return t.mp_length(o) !== 0;
  if (t.sq_length) return t.sq_length(o) !== 0;
  return true;
}

// ------------------------------------------------------------------ attributes

/** PyObject_GetAttr */
export function getAttr(o: PyObject, name: string): PyObject {
  const f = o.type.tp_getattro;
  return f ? f(o, name) : genericGetAttr(o, name);
}

/** getattr(o, name, None)-style lookup: null instead of AttributeError. */
export function getAttrOrNull(o: PyObject, name: string): PyObject | null {
  try {
    return getAttr(o, name);
  } catch (e) {
    if (e instanceof PyBaseException && exceptionMatches(e, AttributeError)) {
      decref(e);
      return null;
    }
    throw e;
  }
}

/** PyObject_SetAttr (value null: delattr) */
export function setAttr(o: PyObject, name: string, value: PyObject | null): void {
  const f = o.type.tp_setattro;
  if (f) f(o, name, value);
  else genericSetAttr(o, name, value);
}

function noAttribute(o: PyObject, name: string): PyBaseException {
  return attributeError(`'${o.type.name}' object has no attribute '${name}'`);
}

/** PyObject_GenericGetAttr: data descriptors, then the instance's own attributes, then
 *  non-data descriptors and plain class attributes. */
export function genericGetAttr(o: PyObject, name: string): PyObject {
  const type = o.type;
  const descr = type.lookup(name);
  let get: PyType['tp_descr_get'];
  if (descr !== null) {
    get = descr.type.tp_descr_get;
    if (get && descr.type.tp_descr_set) return get(descr, o, type);
  }
  const attrs = instanceAttrsOf(type);
  if (attrs) {
    const v = attrs.get(o, name);
    if (v !== null) return newref(v);
  }
  if (get) return get(descr!, o, type);
  if (descr !== null) return newref(descr);
  throw noAttribute(o, name);
}

/** PyObject_GenericSetAttr */
export function genericSetAttr(o: PyObject, name: string, value: PyObject | null): void {
  const type = o.type;
  const descr = type.lookup(name);
  if (descr !== null) {
    const set = descr.type.tp_descr_set;
    if (set) {
      set(descr, o, value);
      return;
    }
  }
  const attrs = instanceAttrsOf(type);
  if (!attrs) {
    if (descr === null) {
      throw attributeError(`'${type.name}' object has no attribute '${name}'`);
    }
    throw attributeError(`'${type.name}' object attribute '${name}' is read-only`);
  }
  if (!attrs.set(o, name, value)) throw noAttribute(o, name);
}

/** _PyObject_LookupSpecial: a dunder looked up on the type, bound to the object, or null. */
export function lookupSpecial(o: PyObject, name: string): PyObject | null {
  const descr = o.type.lookup(name);
  if (descr === null) return null;
  const get = descr.type.tp_descr_get;
  return get ? get(descr, o, o.type) : newref(descr);
}

// ------------------------------------------------------------------ calls

/** PyObject_Vectorcall: positional arguments, then keyword values named by kwnames. */
export function call(callable: PyObject, args: PyObject[], kwnames: readonly string[] | null = null): PyObject {
  const f = callable.type.tp_call;
  if (!f) throw typeError(`'${callable.type.name}' object is not callable`);
  return f(callable, args, kwnames);
}

/** Calls the method `name` of `o` (looked up as an attribute) with the given arguments. */
export function callMethod(o: PyObject, name: string, args: PyObject[], kwnames: readonly string[] | null = null): PyObject {
  const m = getAttr(o, name);
  try {
    return call(m, args, kwnames);
  } finally {
    decref(m);
  }
}

export function isCallable(o: PyObject): boolean {
  return o.type.tp_call !== undefined;
}

// ------------------------------------------------------------------ iteration

/** PyObject_GetIter */
export function getIter(o: PyObject): PyObject {
  const t = o.type;
  if (t.tp_iter) {
    const it = t.tp_iter(o);
    if (!it.type.tp_iternext) {
      const tn = it.type.name;
      decref(it);
      throw typeError(`iter() returned non-iterator of type '${tn}'`);
    }
    return it;
  }
  if (t.sq_item && sequenceIterFactory.make) return sequenceIterFactory.make(o);
  throw typeError(`'${t.name}' object is not iterable`);
}

/** The old-style sequence iterator (Objects/iterobject.c), installed by its module. */
export const sequenceIterFactory: { make: ((seq: PyObject) => PyObject) | null } = { make: null };

/** PyIter_Next: the next item (new reference) or null when exhausted. A StopIteration raised
 *  by a Python __next__ also means exhaustion. */
export function iterNext(it: PyObject): PyObject | null {
  const f = it.type.tp_iternext;
  if (!f) throw typeError(`'${it.type.name}' object is not an iterator`);
  return f(it);
}

/** Runs `fn` on each item of an iterable; the item is borrowed for the duration of the call. */
export function forEach(iterable: PyObject, fn: (item: PyObject) => void): void {
  const it = getIter(iterable);
  try {
    for (;;) {
      const item = iterNext(it);
      if (item === null) break;
      try {
        fn(item);
      } finally {
        decref(item);
      }
    }
  } finally {
    decref(it);
  }
}

/** PySequence_List-like: every item of an iterable as owned references. */
export function collect(iterable: PyObject): PyObject[] {
  const out: PyObject[] = [];
  forEach(iterable, (item) => {
    out.push(newref(item));
  });
  return out;
}

// ------------------------------------------------------------------ numbers

function binaryOp1(v: PyObject, w: PyObject, slot: SlotName): PyObject {
  const slotv = (v.type as unknown as Record<string, BinaryFn | undefined>)[slot];
  let slotw = w.type !== v.type ? (w.type as unknown as Record<string, BinaryFn | undefined>)[slot] : undefined;
  if (slotw === slotv) slotw = undefined;
  if (slotv) {
    if (slotw && w.type.isSubtype(v.type)) {
      const x = slotw(v, w);
      if (x !== NotImplemented) return x;
      decref(x);
      slotw = undefined;
    }
    const x = slotv(v, w);
    if (x !== NotImplemented) return x;
    decref(x);
  }
  if (slotw) {
    const x = slotw(v, w);
    if (x !== NotImplemented) return x;
    decref(x);
  }
  NotImplemented.refcnt++;
  return NotImplemented;
}

function unsupported(v: PyObject, w: PyObject, symbol: string): PyBaseException {
  return typeError(`unsupported operand type(s) for ${symbol}: '${v.type.name}' and '${w.type.name}'`);
}

/** The binary operators by the `oparg` of 3.11's BINARY_OP (Include/opcode.h NB_*). */
export const enum BinaryOp {
  ADD = 0, AND = 1, FLOOR_DIVIDE = 2, LSHIFT = 3, MATRIX_MULTIPLY = 4, MULTIPLY = 5, REMAINDER = 6,
  OR = 7, POWER = 8, RSHIFT = 9, SUBTRACT = 10, TRUE_DIVIDE = 11, XOR = 12,
  INPLACE_ADD = 13, INPLACE_AND = 14, INPLACE_FLOOR_DIVIDE = 15, INPLACE_LSHIFT = 16,
  INPLACE_MATRIX_MULTIPLY = 17, INPLACE_MULTIPLY = 18, INPLACE_REMAINDER = 19, INPLACE_OR = 20,
  INPLACE_POWER = 21, INPLACE_RSHIFT = 22, INPLACE_SUBTRACT = 23, INPLACE_TRUE_DIVIDE = 24, INPLACE_XOR = 25,
}

const BINARY_SLOTS: readonly [SlotName, string][] = [
  ['nb_add', '+'], ['nb_and', '&'], ['nb_floor_divide', '//'], ['nb_lshift', '<<'], ['nb_matrix_multiply', '@'],
  ['nb_multiply', '*'], ['nb_remainder', '%'], ['nb_or', '|'], ['nb_power', '** or pow()'], ['nb_rshift', '>>'],
  ['nb_subtract', '-'], ['nb_true_divide', '/'], ['nb_xor', '^'],
];
const INPLACE_SLOTS: readonly SlotName[] = [
  'nb_inplace_add', 'nb_inplace_and', 'nb_inplace_floor_divide', 'nb_inplace_lshift', 'nb_inplace_matrix_multiply',
  'nb_inplace_multiply', 'nb_inplace_remainder', 'nb_inplace_or', 'nb_inplace_power', 'nb_inplace_rshift',
  'nb_inplace_subtract', 'nb_inplace_true_divide', 'nb_inplace_xor',
];

/** PyNumber_Add and friends, by BINARY_OP's oparg (in-place forms first try the nb_inplace_*
 *  slot of the left operand, as binary_iop1 does). */
export function binaryOp(v: PyObject, w: PyObject, op: BinaryOp): PyObject {
  const inplace = op >= BinaryOp.INPLACE_ADD;
  const base = inplace ? op - BinaryOp.INPLACE_ADD : op;
  const [slot, symbol] = BINARY_SLOTS[base]!;
  if (inplace) {
    const islot = (v.type as unknown as Record<string, Function | undefined>)[INPLACE_SLOTS[base]!];
    if (islot) {
      const x = base === BinaryOp.POWER ? islot(v, w, None) : islot(v, w);
      if (x !== NotImplemented) return x;
      decref(x);
    }
  }
  if (base === BinaryOp.POWER) return power(v, w, None, inplace ? '**=' : '** or pow()');
  const x = binaryOp1(v, w, slot);
  if (x !== NotImplemented) return x;
  decref(x);
  if (base === BinaryOp.ADD) {
    const concat = inplace ? (v.type.sq_inplace_concat ?? v.type.sq_concat) : v.type.sq_concat;
    if (concat) return concat(v, w);
  } else if (base === BinaryOp.MULTIPLY) {
    const seq = sequenceRepeat(v, w, inplace) ?? sequenceRepeat(w, v, false);
    if (seq) return seq;
  }
  throw unsupported(v, w, inplace ? `${symbol}=` : symbol);
}

function sequenceRepeat(seq: PyObject, count: PyObject, inplace: boolean): PyObject | null {
  const repeat = inplace ? (seq.type.sq_inplace_repeat ?? seq.type.sq_repeat) : seq.type.sq_repeat;
  if (!repeat) return null;
  if (!count.type.nb_index) {
    throw typeError(`can't multiply sequence by non-int of type '${count.type.name}'`);
  }
  return repeat(seq, asIndex(count));
}

/** PyNumber_Divmod: the nb_divmod slots of both operands, as binary_op dispatches them. */
export function divmod(v: PyObject, w: PyObject): PyObject {
  const x = binaryOp1(v, w, 'nb_divmod');
  if (x !== NotImplemented) return x;
  decref(x);
  throw unsupported(v, w, 'divmod()');
}

/** ternary_op for pow(v, w, z) */
export function power(v: PyObject, w: PyObject, z: PyObject, symbol = '** or pow()'): PyObject {
  const slotv = v.type.nb_power;
  let slotw = w.type !== v.type ? w.type.nb_power : undefined;
  if (slotw === slotv) slotw = undefined;
  if (slotv) {
    if (slotw && w.type.isSubtype(v.type)) {
      const x = slotw(v, w, z);
      if (x !== NotImplemented) return x;
      decref(x);
      slotw = undefined;
    }
    const x = slotv(v, w, z);
    if (x !== NotImplemented) return x;
    decref(x);
  }
  if (slotw) {
    const x = slotw(v, w, z);
    if (x !== NotImplemented) return x;
    decref(x);
  }
  if (z === None) throw unsupported(v, w, symbol);
  throw typeError(`unsupported operand type(s) for ** or pow(): '${v.type.name}', '${w.type.name}', '${z.type.name}'`);
}

function unaryOp(o: PyObject, slot: 'nb_negative' | 'nb_positive' | 'nb_invert' | 'nb_absolute', what: string): PyObject {
  const f = o.type[slot];
  if (!f) throw typeError(`bad operand type for ${what}: '${o.type.name}'`);
  return f(o);
}

export const negative = (o: PyObject): PyObject => unaryOp(o, 'nb_negative', 'unary -');
export const positive = (o: PyObject): PyObject => unaryOp(o, 'nb_positive', 'unary +');
export const invert = (o: PyObject): PyObject => unaryOp(o, 'nb_invert', 'unary ~');
export const absolute = (o: PyObject): PyObject => unaryOp(o, 'nb_absolute', 'abs()');

/** PyNumber_Index: an int (exact type int), or TypeError. */
export function index(o: PyObject): PyInt {
  if (o instanceof PyInt && o.type === intType) return newref(o);
  const f = o.type.nb_index;
  if (!f) throw typeError(`'${o.type.name}' object cannot be interpreted as an integer`);
  const r = f(o);
  if (!(r instanceof PyInt)) {
    const tn = r.type.name;
    decref(r);
    throw typeError(`__index__ returned non-int (type ${tn})`);
  }
  return r;
}

/** PyNumber_AsSsize_t with clipping left to the caller: the value of an index as a JS number
 *  (huge values stay exact enough to compare against lengths). */
export function asIndex(o: PyObject): number {
  if (o instanceof PyInt && typeof o.value === 'number') return o.value;
  const i = index(o);
  const v = i.value;
  decref(i);
  return typeof v === 'number' ? v : Number(v);
}

// ------------------------------------------------------------------ containers

/** PyObject_Size */
export function length(o: PyObject): number {
  const t = o.type;
  if (t.sq_length) return t.sq_length(o);
  if (t.mp_length) return t.mp_length(o);
  throw typeError(`object of type '${t.name}' has no len()`);
}

/** PyObject_GetItem */
export function getItem(o: PyObject, key: PyObject): PyObject {
  const t = o.type;
  if (t.mp_subscript) return t.mp_subscript(o, key);
  if (t.sq_item) {
    if (!key.type.nb_index) {
      throw typeError(`sequence index must be integer, not '${key.type.name}'`);
    }
    return t.sq_item(o, asIndex(key));
  }
  if (o instanceof PyType) {
    const cg = lookupClassGetItem(o);
    if (cg) {
      try {
        return call(cg, [key]);
      } finally {
        decref(cg);
      }
    }
    throw typeError(`type '${o.name}' is not subscriptable`);
  }
  throw typeError(`'${t.name}' object is not subscriptable`);
}

function lookupClassGetItem(type: PyType): PyObject | null {
  const f = type.lookup('__class_getitem__');
  if (!f) return null;
  const get = f.type.tp_descr_get;
  return get ? get(f, null, type) : newref(f);
}

/** PyObject_SetItem (value null: del o[key]) */
export function setItem(o: PyObject, key: PyObject, value: PyObject | null): void {
  const t = o.type;
  if (t.mp_ass_subscript) {
    t.mp_ass_subscript(o, key, value);
    return;
  }
  if (t.sq_ass_item) {
    if (!key.type.nb_index) throw typeError(`sequence index must be integer, not '${key.type.name}'`);
    t.sq_ass_item(o, asIndex(key), value);
    return;
  }
  if (value === null) {
    throw typeError(`'${t.name}' object ${t.mp_subscript || t.sq_item ? "doesn't support item deletion" : 'does not support item deletion'}`);
  }
  throw typeError(`'${t.name}' object does not support item assignment`);
}

/** PySequence_Contains: the sq_contains slot, or a scan of the iteration. */
export function contains(container: PyObject, item: PyObject): boolean {
  const f = container.type.sq_contains;
  if (f) return f(container, item);
  let found = false;
  const it = getIter(container);
  try {
    for (;;) {
      const x = iterNext(it);
      if (x === null) break;
      const eq = richCompareBool(x, item, CompareOp.EQ);
      decref(x);
      if (eq) {
        found = true;
        break;
      }
    }
  } finally {
    decref(it);
  }
  return found;
}

// ------------------------------------------------------------------ types

/** PyObject_IsInstance: a class whose metaclass is exactly `type` is checked directly (with
 *  `__class__` overrides), any other metaclass through its __instancecheck__. */
export function isInstance(o: PyObject, cls: PyObject): boolean {
  if (o.type === cls) return true;
  if (cls instanceof PyTuple) return cls.items.some((c) => isInstance(o, c));
  if (cls instanceof PyType && cls.type === typeType) return realIsInstance(o, cls);
  const checker = lookupSpecial(cls, '__instancecheck__');
  if (checker === null) throw typeError('isinstance() arg 2 must be a type, a tuple of types, or a union');
  try {
    const r = call(checker, [o]);
    const b = isTrue(r);
    decref(r);
    return b;
  } finally {
    decref(checker);
  }
}

/** _PyObject_RealIsInstance: type.__instancecheck__, without asking the metaclass again. */
export function realIsInstance(o: PyObject, cls: PyType): boolean {
  return o.type.isSubtype(cls) || classOfDiffers(o, cls);
}

function classOfDiffers(o: PyObject, cls: PyType): boolean {
  const c = getAttrOrNull(o, '__class__');
  if (c === null) return false;
  const r = c !== o.type && c instanceof PyType && c.isSubtype(cls);
  decref(c);
  return r;
}

/** PyObject_IsSubclass */
export function isSubclass(derived: PyObject, cls: PyObject): boolean {
  if (cls instanceof PyTuple) return cls.items.some((c) => isSubclass(derived, c));
  if (cls instanceof PyType && cls.type === typeType) return realIsSubclass(derived, cls);
  const checker = lookupSpecial(cls, '__subclasscheck__');
  if (checker === null) throw typeError('issubclass() arg 2 must be a class, a tuple of classes, or a union');
  try {
    const r = call(checker, [derived]);
    const b = isTrue(r);
    decref(r);
    return b;
  } finally {
    decref(checker);
  }
}

/** _PyObject_RealIsSubclass: type.__subclasscheck__, without asking the metaclass again. */
export function realIsSubclass(derived: PyObject, cls: PyType): boolean {
  if (!(derived instanceof PyType)) throw typeError('issubclass() arg 1 must be a class');
  return derived.isSubtype(cls);
}

/** True when a thrown value is a StopIteration (generators and iterators test this often). */
export function isStopIteration(e: unknown): e is PyBaseException {
  return e instanceof PyBaseException && e.type.isSubtype(StopIteration);
}

export function newNone(): PyObject {
  None.refcnt++;
  return None;
}

export function newNotImplemented(): PyObject {
  NotImplemented.refcnt++;
  return NotImplemented;
}
