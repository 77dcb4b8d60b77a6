// Slots of classes written in Python (Objects/typeobject.c slot_* functions and
// fixup_slot_dispatchers): a slot whose dunder a class defines in Python calls that dunder; a
// slot whose dunder comes unchanged from a builtin base keeps the base's native function.
import { PyObject, decref, newref } from './object.js';
import { CompareOp, PyType, SLOT_KEYS, TypeFlags, type SlotName } from './type.js';
import { SLOTDEFS } from './slots.js';
import { PyWrapperDescr } from './descr.js';
import { newWrapperTarget } from './newwrapper.js';
import { None, NotImplemented } from './singletons.js';
import { PyInt, newInt } from './int.js';
import { newStr } from './str.js';
import {
  call, genericGetAttr, isStopIteration, isTrue, iterNext, getIter, richCompareBool,
} from './abstract.js';
import { AttributeError, PyBaseException, attributeError, exceptionMatches, typeError, valueError } from './exceptions.js';

/** lookup_maybe_method + call: the dunder found on the type, called with self first (functions
 *  are called unbound, without making a bound method, as vectorcall_method does). Null when the
 *  type has no such attribute. */
export function callDunderOrNull(self: PyObject, name: string, args: PyObject[]): PyObject | null {
  const descr = self.type.lookup(name);
  if (descr === null) return null;
  if (descr.type.flags & TypeFlags.METHOD_DESCRIPTOR) return call(descr, [self, ...args]);
  const get = descr.type.tp_descr_get;
  if (!get) return call(descr, args);
  const bound = get(descr, self, self.type);
  try {
    return call(bound, args);
  } finally {
    decref(bound);
  }
}

export function callDunder(self: PyObject, name: string, args: PyObject[]): PyObject {
  const r = callDunderOrNull(self, name, args);
  // A dunder deleted after the class was made: CPython's lookup raises AttributeError(name).
  if (r === null) throw attributeError(name);
  return r;
}

function unarySlot(name: string) {
  return (o: PyObject): PyObject => callDunder(o, name, []);
}

/** SLOT1BINFULL: the forward dunder of the left operand and the reflected one of the right,
 *  the right first when its type is a proper subtype overriding the reflected method. A type
 *  takes part when its slot is `owner` (this function, or slot_nb_power for `**`). */
function binarySlot(slot: SlotName, name: string, rname: string, owner?: () => Function) {
  const fn = (self: PyObject, other: PyObject): PyObject => {
    const mine = owner ? owner() : fn;
    const selfHas = (self.type as unknown as Record<string, unknown>)[slot] === mine;
    let otherHas = other.type !== self.type && (other.type as unknown as Record<string, unknown>)[slot] === mine;
    if (selfHas) {
      if (otherHas && other.type.isSubtype(self.type) && overrides(other.type, self.type, rname)) {
        const r = callDunderOrNull(other, rname, [self]);
        if (r !== null) {
          if (r !== NotImplemented) return r;
          decref(r);
        }
        otherHas = false;
      }
      const r = callDunderOrNull(self, name, [other]);
      if (r !== null && (r !== NotImplemented || other.type === self.type)) return r;
      if (r !== null) decref(r);
    }
    if (otherHas) {
      const r = callDunderOrNull(other, rname, [self]);
      if (r !== null) return r;
    }
    NotImplemented.refcnt++;
    return NotImplemented;
  };
  return fn;
}

/** method_is_overloaded: the subtype's reflected method differs from the base type's. */
function overrides(sub: PyType, base: PyType, name: string): boolean {
  const a = sub.lookup(name);
  if (a === null) return false;
  return a !== base.lookup(name);
}

function inplaceSlot(name: string) {
  return (self: PyObject, other: PyObject): PyObject => {
    const r = callDunderOrNull(self, name, [other]);
    if (r !== null) return r;
    NotImplemented.refcnt++;
    return NotImplemented;
  };
}

const RICH_NAMES = ['__lt__', '__le__', '__eq__', '__ne__', '__gt__', '__ge__'] as const;

function slotRichCompare(self: PyObject, other: PyObject, op: CompareOp): PyObject {
  const r = callDunderOrNull(self, RICH_NAMES[op], [other]);
  if (r !== null) return r;
  NotImplemented.refcnt++;
  return NotImplemented;
}

/** slot_tp_hash: a hash that fits a Py_ssize_t is taken as it is, a larger int is hashed. */
function slotHash(self: PyObject): bigint {
  const descr = self.type.lookup('__hash__');
  if (descr === None) throw typeError(`unhashable type: '${self.type.name}'`);
  const r = callDunder(self, '__hash__', []);
  if (!(r instanceof PyInt)) {
    decref(r);
    throw typeError('__hash__ method should return an integer');
  }
  let h = BigInt(r.value);
  if (h > 0x7fffffffffffffffn || h < -0x8000000000000000n) h = r.type.tp_hash!(r);
  decref(r);
  return h === -1n ? -2n : h;
}

/** slot_tp_getattr_hook: __getattribute__, then __getattr__ when it raised AttributeError. */
function slotGetAttr(self: PyObject, name: string): PyObject {
  const type = self.type;
  const getattribute = type.lookup('__getattribute__');
  const getattr = type.lookup('__getattr__');
  const nameObj = newStr(name);
  try {
    try {
      if (getattribute instanceof PyWrapperDescr && getattribute.wrapped === genericGetAttrSlot) {
        return genericGetAttr(self, name);
      }
      return callDunder(self, '__getattribute__', [nameObj]);
    } catch (e) {
      if (getattr === null || !(e instanceof PyBaseException) || !exceptionMatches(e, AttributeError)) throw e;
      decref(e);
      return callDunder(self, '__getattr__', [nameObj]);
    }
  } finally {
    decref(nameObj);
  }
}

/** The native function behind object.__getattribute__, so the common case skips a call. */
export const genericGetAttrSlot = genericGetAttr;

function slotSetAttr(self: PyObject, name: string, value: PyObject | null): void {
  const nameObj = newStr(name);
  try {
    const r = value === null ? callDunder(self, '__delattr__', [nameObj]) : callDunder(self, '__setattr__', [nameObj, value]);
    decref(r);
  } finally {
    decref(nameObj);
  }
}

function slotCall(self: PyObject, args: PyObject[], kwnames: readonly string[] | null): PyObject {
  const descr = self.type.lookup('__call__');
  if (descr === null) throw typeError(`'${self.type.name}' object is not callable`);
  if (descr.type.flags & TypeFlags.METHOD_DESCRIPTOR) return call(descr, [self, ...args], kwnames);
  const get = descr.type.tp_descr_get;
  const bound = get ? get(descr, self, self.type) : newref(descr);
  try {
    return call(bound, args, kwnames);
  } finally {
    decref(bound);
  }
}

function slotIterNext(self: PyObject): PyObject | null {
  try {
    return callDunder(self, '__next__', []);
  } catch (e) {
    if (isStopIteration(e)) {
      decref(e);
      return null;
    }
    throw e;
  }
}

function slotIter(self: PyObject): PyObject {
  const descr = self.type.lookup('__iter__');
  if (descr === None) throw typeError(`'${self.type.name}' object is not iterable`);
  return callDunder(self, '__iter__', []);
}

/** slot_nb_bool: __bool__ must give a bool; without it, __len__ decides. */
function slotBool(self: PyObject): boolean {
  const viaBool = self.type.lookup('__bool__') !== null;
  const r = callDunder(self, viaBool ? '__bool__' : '__len__', []);
  try {
    if (viaBool) {
      if (r.type.name !== 'bool') throw typeError(`__bool__ should return bool, returned ${r.type.name}`);
      return isTrue(r);
    }
    return lengthResult(r) !== 0;
  } finally {
    decref(r);
  }
}

/** slot_sq_length: __len__ must give a non-negative int that fits a Py_ssize_t. */
function lengthResult(r: PyObject): number {
  if (!(r instanceof PyInt)) throw typeError(`'${r.type.name}' object cannot be interpreted as an integer`);
  const v = r.value;
  if (v < 0) throw valueError('__len__() should return >= 0');
  if (typeof v === 'bigint') throw overflowLength();
  return v;
}

function overflowLength(): PyBaseException {
  return typeError("cannot fit 'int' into an index-sized integer");
}

function slotLength(self: PyObject): number {
  const r = callDunder(self, '__len__', []);
  try {
    return lengthResult(r);
  } finally {
    decref(r);
  }
}

function slotSubscript(self: PyObject, key: PyObject): PyObject {
  return callDunder(self, '__getitem__', [key]);
}

function slotAssSubscript(self: PyObject, key: PyObject, value: PyObject | null): void {
  decref(value === null ? callDunder(self, '__delitem__', [key]) : callDunder(self, '__setitem__', [key, value]));
}

function slotSqItem(self: PyObject, i: number): PyObject {
  const key = newInt(i);
  try {
    return callDunder(self, '__getitem__', [key]);
  } finally {
    decref(key);
  }
}

/** slot_sq_contains: __contains__ (None forbids `in`), else a scan of the iteration. */
function slotContains(self: PyObject, value: PyObject): boolean {
  const descr = self.type.lookup('__contains__');
  if (descr === None) throw typeError(`'${self.type.name}' object is not a container`);
  if (descr !== null) {
    const r = callDunder(self, '__contains__', [value]);
    const b = isTrue(r);
    decref(r);
    return b;
  }
  const it = getIter(self);
  try {
    for (;;) {
      const x = iterNext(it);
      if (x === null) return false;
      const eq = richCompareBool(x, value, CompareOp.EQ);
      decref(x);
      if (eq) return true;
    }
  } finally {
    decref(it);
  }
}

function slotPower(self: PyObject, other: PyObject, mod: PyObject): PyObject {
  if (mod === None) return binaryPower(self, other);
  if ((self.type as unknown as Record<string, unknown>).nb_power === slotPower) {
    const r = callDunderOrNull(self, '__pow__', [other, mod]);
    if (r !== null) return r;
  }
  NotImplemented.refcnt++;
  return NotImplemented;
}
const binaryPower = binarySlot('nb_power', '__pow__', '__rpow__', () => slotPower);

function slotDescrGet(self: PyObject, obj: PyObject | null, type: PyType | null): PyObject {
  return callDunder(self, '__get__', [obj ?? None, type ?? None]);
}

function slotDescrSet(self: PyObject, obj: PyObject, value: PyObject | null): void {
  decref(value === null ? callDunder(self, '__delete__', [obj]) : callDunder(self, '__set__', [obj, value]));
}

/** slot_tp_init: __init__ must return None. */
function slotInit(self: PyObject, args: PyObject[], kwnames: readonly string[] | null): void {
  const descr = self.type.lookup('__init__');
  if (descr === null) return;
  let r: PyObject;
  if (descr.type.flags & TypeFlags.METHOD_DESCRIPTOR) r = call(descr, [self, ...args], kwnames);
  else {
    const get = descr.type.tp_descr_get;
    const bound = get ? get(descr, self, self.type) : newref(descr);
    try {
      r = call(bound, args, kwnames);
    } finally {
      decref(bound);
    }
  }
  if (r !== None) {
    const tn = r.type.name;
    decref(r);
    throw typeError(`__init__() should return None, not '${tn}'`);
  }
  decref(r);
}

/** slot_tp_new: __new__ is a static method called with the class first. */
export function pythonNewSlot(type: PyType, args: PyObject[], kwnames: readonly string[] | null): PyObject {
  const descr = type.lookup('__new__');
  if (descr === null) throw typeError(`cannot create '${type.name}' instances`);
  const get = descr.type.tp_descr_get;
  const fn = get ? get(descr, null, type) : newref(descr);
  try {
    return call(fn, [type, ...args], kwnames);
  } finally {
    decref(fn);
  }
}

/** slot_tp_finalize: __del__; the instance module reports what it raises as CPython does. */
function slotFinalize(self: PyObject): void {
  decref(callDunder(self, '__del__', []));
}

type SlotImpl = Function;

/** The slot function each slot gets when a class defines one of its dunders in Python. */
const PYTHON_SLOTS: Partial<Record<SlotName, SlotImpl>> = {
  tp_repr: unarySlot('__repr__'),
  tp_str: unarySlot('__str__'),
  tp_hash: slotHash,
  tp_richcompare: slotRichCompare,
  tp_getattro: slotGetAttr,
  tp_setattro: slotSetAttr,
  tp_call: slotCall,
  tp_iter: slotIter,
  tp_iternext: slotIterNext,
  tp_descr_get: slotDescrGet,
  tp_descr_set: slotDescrSet,
  tp_init: slotInit,
  tp_new: pythonNewSlot,
  tp_finalize: slotFinalize,
  nb_power: slotPower,
  nb_negative: unarySlot('__neg__'),
  nb_positive: unarySlot('__pos__'),
  nb_absolute: unarySlot('__abs__'),
  nb_invert: unarySlot('__invert__'),
  nb_int: unarySlot('__int__'),
  nb_float: unarySlot('__float__'),
  nb_index: unarySlot('__index__'),
  nb_bool: slotBool,
  mp_length: slotLength,
  sq_length: slotLength,
  mp_subscript: slotSubscript,
  sq_item: slotSqItem,
  mp_ass_subscript: slotAssSubscript,
  sq_contains: slotContains,
};

for (const def of SLOTDEFS) {
  if (PYTHON_SLOTS[def.slot] || !def.slot.startsWith('nb_')) continue;
  if (def.slot.startsWith('nb_inplace_')) PYTHON_SLOTS[def.slot] = inplaceSlot(def.name);
  else if (!def.name.startsWith('__r') || def.name === '__rshift__') {
    const rname = `__r${def.name.slice(2)}`;
    PYTHON_SLOTS[def.slot] = binarySlot(def.slot, def.name, rname);
  }
}

/** Dunders each slot answers to, from slotdefs. */
const DUNDERS_OF = new Map<SlotName, string[]>();
for (const def of SLOTDEFS) {
  const list = DUNDERS_OF.get(def.slot) ?? [];
  if (!list.includes(def.name)) list.push(def.name);
  DUNDERS_OF.set(def.slot, list);
}

/** update_one_slot for every slot: a dunder found as a wrapper of a builtin slot keeps that
 *  native function; one defined any other way (a Python function, a callable, None) gets the
 *  generic slot function; none found leaves the slot empty. */
export function fixupSlots(type: PyType): void {
  const t = type as unknown as Record<string, unknown>;
  for (const slot of SLOT_KEYS) {
    const dunders = DUNDERS_OF.get(slot);
    if (!dunders) continue;
    let native: Function | undefined;
    let generic = false;
    let found = false;
    for (const name of dunders) {
      const d = type.lookup(name);
      if (d === null) continue;
      found = true;
      if (d instanceof PyWrapperDescr && slotOfWrapper(d) === slot) native ??= d.wrapped;
      else if (slot === 'tp_new' && newWrapperTarget(d)) native ??= newWrapperTarget(d)!.tp_new;
      else generic = true;
    }
    if (slot === 'tp_hash' && type.lookup('__hash__') === None) {
      t[slot] = undefined;
      continue;
    }
    if (generic && PYTHON_SLOTS[slot]) t[slot] = PYTHON_SLOTS[slot];
    else if (native) t[slot] = native;
    else if (!found) t[slot] = slotInheritedFromBase(type, slot);
  }
  // The sequence forms of + and * give way to the number forms a class defines in Python.
  if (t.nb_add === PYTHON_SLOTS.nb_add) t.sq_concat = undefined;
  if (t.nb_multiply === PYTHON_SLOTS.nb_multiply) t.sq_repeat = undefined;
}

function slotOfWrapper(d: PyWrapperDescr): SlotName | undefined {
  return SLOTDEFS.find((def) => def.name === d.name && (d.objclass as unknown as Record<string, unknown>)[def.slot] === d.wrapped)?.slot;
}

/** Slots with no dunder visible (tp_dealloc-like internals, tp_traverse) come from the base. */
function slotInheritedFromBase(type: PyType, slot: SlotName): unknown {
  return type.base ? (type.base as unknown as Record<string, unknown>)[slot] : undefined;
}
