// Creating a class: type(name, bases, namespace) (Objects/typeobject.c type_new and its helpers
// type_new_get_bases, best_base, type_new_slots, type_new_set_names, init_subclass).
import { PyObject, decref, newref } from './object.js';
import { PyType, TypeFlags, c3Linearize, inheritSlots } from './type.js';
import { objectType, typeType } from './typeobject.js';
import { allocObject, heap } from './heap.js';
import { PyDict, dictItems, newKeysForClass } from './dict.js';
import { initHeapTypeObjects, setTypeAttr } from './typedict.js';
import { PyCell } from './cell.js';
import { PyStr, internStr } from './str.js';
import { PyTuple } from './tuple.js';
import { None } from './singletons.js';
import { PyGetSetDescr, PyMemberDescr, type GetSetDef } from './descr.js';
import { weakrefsTo } from './weakref.js';
import { classMethodType, staticMethodType } from './funcwrappers.js';
import { functionType } from './function.js';
import { call, collect, lookupSpecial, setInstanceAttrs } from './abstract.js';
import { typeError, valueError } from './exceptions.js';
import { fixupSlots } from './classslots.js';
import {
  heapInstanceAttrs, instanceDict, subtypeClear, subtypeDealloc, subtypeTraverse, solidBuiltinBase, type HeapInstance,
} from './instance.js';
import { gcTrack } from '../gc/track.js';
import type { PyGCObject } from './object.js';

/** Flags a class inherits from its solid base: which builtin family its instances belong to. */
const INHERITED_FLAGS = TypeFlags.LONG_SUBCLASS | TypeFlags.LIST_SUBCLASS | TypeFlags.TUPLE_SUBCLASS
  | TypeFlags.BYTES_SUBCLASS | TypeFlags.UNICODE_SUBCLASS | TypeFlags.DICT_SUBCLASS
  | TypeFlags.BASE_EXC_SUBCLASS | TypeFlags.TYPE_SUBCLASS | TypeFlags.SEQUENCE | TypeFlags.MAPPING;

/** The running frame's facts type_new needs (its globals' __name__), answered by the VM. */
export const classFrame = {
  moduleName: (): PyObject | null => null,
};

/** Names a class namespace may use for functions that become class methods implicitly. */
const IMPLICIT_CLASSMETHODS = ['__init_subclass__', '__class_getitem__'];

/** _PyType_CalculateMetaclass: the most derived metaclass among the given and the bases'. */
export function calculateMetaclass(metatype: PyType, bases: readonly PyType[]): PyType {
  let winner = metatype;
  for (const b of bases) {
    const t = b.type;
    if (winner.isSubtype(t)) continue;
    if (t.isSubtype(winner)) {
      winner = t;
      continue;
    }
    throw typeError('metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases');
  }
  return winner;
}

/** best_base: the base whose instance layout every other base's layout extends. */
function bestBase(bases: readonly PyType[]): PyType {
  let winner: PyType | null = null;
  let base: PyType | null = null;
  for (const b of bases) {
    if (!(b.flags & TypeFlags.BASETYPE)) throw typeError(`type '${b.name}' is not an acceptable base type`);
    const candidate = solidBase(b);
    if (winner === null) {
      winner = candidate;
      base = b;
    } else if (winner.isSubtype(candidate)) {
      // the current winner's layout already extends this one
    } else if (candidate.isSubtype(winner)) {
      winner = candidate;
      base = b;
    } else {
      throw typeError('multiple bases have instance lay-out conflict');
    }
  }
  return base!;
}

/** solid_base: the nearest type along the base chain that adds to the instance layout. */
function solidBase(type: PyType): PyType {
  const base = type.base ? solidBase(type.base) : objectType;
  return extraIvars(type, base) ? type : base;
}

function extraIvars(type: PyType, base: PyType): boolean {
  if (type.flags & TypeFlags.HEAPTYPE) return type.slotNames.length > (base.slotNames?.length ?? 0) && type.dict.has('__slots__');
  return type.basicsize !== base.basicsize || type.itemsize !== base.itemsize;
}

/** _Py_Mangle: `__name` inside class `Cls` is stored as `_Cls__name`. */
export function mangle(className: string, name: string): string {
  if (!name.startsWith('__') || name.endsWith('__') || name.includes('.')) return name;
  const stripped = className.replace(/^_+/, '');
  return stripped ? `_${stripped}${name}` : name;
}

function isIdentifier(s: string): boolean {
  return /^[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}_]*$/u.test(s);
}

interface SlotsSpec {
  names: string[];
  addDict: boolean;
  addWeak: boolean;
}

/** type_new_slots: the names a class's __slots__ declares, and whether it keeps __dict__ and
 *  __weakref__ (always, unless __slots__ leaves them out). */
function readSlots(name: string, ns: Map<string, PyObject>, base: PyType): SlotsSpec {
  const slotsObj = ns.get('__slots__');
  const baseHasDict = hasDict(base);
  const baseHasWeak = hasWeakref(base);
  if (slotsObj === undefined) return { names: [], addDict: !baseHasDict, addWeak: !baseHasWeak };
  const items = slotsObj instanceof PyStr ? [newref(slotsObj)] : collect(slotsObj);
  const names: string[] = [];
  let addDict = false;
  let addWeak = false;
  try {
    for (const item of items) {
      if (!(item instanceof PyStr)) throw typeError(`__slots__ items must be strings, not '${item.type.name}'`);
      if (!isIdentifier(item.value)) throw typeError('__slots__ must be identifiers');
      if (item.value === '__dict__') {
        if (baseHasDict || addDict) throw typeError('__dict__ slot disallowed: we already got one');
        addDict = true;
        continue;
      }
      if (item.value === '__weakref__') {
        if (baseHasWeak || addWeak) throw typeError('__weakref__ slot disallowed: either we already got one, or __itemsize__ != 0');
        addWeak = true;
        continue;
      }
      const mangled = mangle(name, item.value);
      if (names.includes(mangled)) throw typeError(`duplicate slot name`);
      if (ns.has(mangled)) throw valueError(`'${item.value}' in __slots__ conflicts with class variable`);
      names.push(mangled);
    }
  } finally {
    for (const item of items) decref(item);
  }
  names.sort();
  return { names, addDict, addWeak };
}

function hasDict(t: PyType): boolean {
  return t.mro.some((m) => (m.flags & TypeFlags.MANAGED_DICT) !== 0 || m === typeType || m.flags & TypeFlags.BASE_EXC_SUBCLASS) && t !== objectType;
}

function hasWeakref(t: PyType): boolean {
  return t.mro.some((m) => m.weakrefable);
}

/** A descriptor a class creates for its own layout: it refers to the class (d_type). */
function addDescriptor(type: PyType, name: string, d: PyGCObject): void {
  allocObject(d, 48);
  newref(type);
  gcTrack(d);
  setTypeAttr(type, name, d);
  decref(d);
}

/** The `__dict__` and `__weakref__` attributes a class adds with its instance layout
 *  (subtype_getsets_full in typeobject.c). */
function addLayoutDescriptors(type: PyType, slots: SlotsSpec): void {
  const add = (name: string, def: GetSetDef): void => {
    addDescriptor(type, name, new PyGetSetDescr(name, def, type));
  };
  if (slots.addDict) {
    add('__dict__', {
      get: (o) => newref(instanceDict(o as HeapInstance)),
      set: (o, value) => {
        if (!(value instanceof PyDict)) {
          throw typeError(`__dict__ must be set to a dictionary, not a '${value?.type.name ?? 'NoneType'}'`);
        }
        const h = o as HeapInstance;
        const old = instanceDict(h);
        h.dict = newref(value);
        decref(old);
      },
    });
  }
  if (slots.addWeak) {
    add('__weakref__', { get: (o) => newref(weakrefsTo(o)[0] ?? None) });
  }
}

/** type_new for three arguments: builds the class object. */
export function newClass(metatype: PyType, name: string, basesTuple: PyTuple, ns: PyDict, kwnames: readonly string[] | null, kwvalues: PyObject[]): PyType {
  const rawBases = basesTuple.items;
  for (const b of rawBases) {
    if (!(b instanceof PyType)) {
      const mro = lookupSpecial(b, '__mro_entries__');
      if (mro) {
        decref(mro);
        throw typeError('type() doesn\'t support MRO entry resolution; use types.new_class()');
      }
      throw typeError(`bases must be types`);
    }
  }
  const bases = rawBases.length ? (rawBases as PyType[]).slice() : [objectType];
  for (let i = 0; i < bases.length; i++) {
    for (let j = i + 1; j < bases.length; j++) {
      if (bases[i] === bases[j]) throw typeError(`duplicate base class ${bases[i]!.qualname}`);
    }
  }
  const base = bestBase(bases);
  const namespace = new Map<string, PyObject>();
  for (const [k, v] of dictItems(ns)) {
    if (!(k instanceof PyStr)) continue;
    namespace.set(k.value, v);
  }
  const slots = readSlots(name, namespace, base);
  // type_new_descriptors: where the instance dict and weak-reference list live. 3.11 manages
  // the dict in a pre-header for fixed-size bases only; 3.12 manages both, for every base.
  const profile = heap.profile;
  const varSized = base.itemsize !== 0;
  if (varSized && !profile.managedEverywhere) slots.addWeak = false;
  const managedDict = profile.managedDictPreheader > 0 && (!varSized || profile.managedEverywhere);
  let basicsize = base.basicsize + 8 * slots.names.length;
  if (slots.addWeak && !profile.managedEverywhere) basicsize += 8;
  if (slots.addDict && !managedDict) basicsize += 8;
  // type_new_alloc: every class is a GC type, whatever its layout.
  let flags = TypeFlags.HEAPTYPE | TypeFlags.BASETYPE | TypeFlags.READY | TypeFlags.HAVE_GC | (base.flags & INHERITED_FLAGS);
  if (slots.addDict && managedDict) flags |= TypeFlags.MANAGED_DICT;
  if (base.flags & TypeFlags.MANAGED_DICT) flags |= TypeFlags.MANAGED_DICT;

  const type = new PyType(metatype, name, base, flags, { basicsize, itemsize: base.itemsize });
  type.bases = bases;
  type.slotNames = [...(base.slotNames ?? []), ...slots.names];
  type.weakrefable = slots.addWeak || base.weakrefable;
  const mro = c3Linearize(type, bases);
  if (!mro) {
    throw typeError(`Cannot create a consistent method resolution\norder (MRO) for bases ${bases.map((b) => b.qualname).join(', ')}`);
  }
  type.mro = mro;
  allocObject(type, metatype.basicsize);
  initHeapTypeObjects(type);
  fillNamespace(type, namespace, name);
  // A class that defines __eq__ without __hash__ is unhashable (type_new_set_hash... in type_new).
  if (type.dict.has('__eq__') && !type.dict.has('__hash__')) setTypeAttr(type, '__hash__', None);
  slots.names.forEach((slotName, i) => {
    const index = (base.slotNames?.length ?? 0) + i;
    addDescriptor(type, slotName, new PyMemberDescr(slotName, index, type));
  });
  addLayoutDescriptors(type, slots);
  if (!type.dict.has('__doc__')) setTypeAttr(type, '__doc__', None);
  inheritSlots(type, base);
  type.tp_dealloc = subtypeDealloc;
  if (type.flags & TypeFlags.HAVE_GC) {
    type.tp_traverse = subtypeTraverse;
    type.tp_clear = subtypeClear;
  }
  fixupSlots(type);
  if (slots.addDict || (base.flags & TypeFlags.HEAPTYPE && hasDict(base))) setInstanceAttrs(type, heapInstanceAttrs);
  // type_new_impl: a class whose instances have a managed dict gets its own shared keys.
  if (type.flags & TypeFlags.MANAGED_DICT && solidBuiltinBase(type) === objectType) type.cachedKeys = newKeysForClass();
  // Before 3.11 every class whose instances have a dict gets them, at creation.
  else if (!managedDict && slots.addDict && solidBuiltinBase(type) === objectType) type.cachedKeys = newKeysForClass();
  for (const b of bases) b.subclasses.push(type);
  gcTrack(type);
  setNames(type);
  initSubclass(type, kwnames, kwvalues);
  return type;
}

/** Copies the namespace into the class, turning __new__ into a static method and the implicit
 *  class methods into class methods, setting __module__ and __qualname__, and filling the
 *  __classcell__ that zero-argument super() reads (type_new_set_attrs, type_new_set_classcell). */
function fillNamespace(type: PyType, namespace: Map<string, PyObject>, name: string): void {
  for (const [k, v] of namespace) {
    if (k === '__qualname__') {
      if (!(v instanceof PyStr)) throw typeError(`type __qualname__ must be a str, not ${v.type.name}`);
      type.qualname = v.value;
      continue;
    }
    if (k === '__classcell__') {
      if (!(v instanceof PyCell)) throw typeError(`__classcell__ must be a nonlocal cell, not ${v.type.name}`);
      if (v.ref === null) v.ref = newref(type);
      continue;
    }
    const stored = wrapImplicit(k, v);
    setTypeAttr(type, k, stored);
    if (stored !== v) decref(stored);
  }
  if (!namespace.has('__qualname__')) type.qualname = name;
  if (!type.dict.has('__module__')) {
    const mod = classFrame.moduleName();
    if (mod) setTypeAttr(type, '__module__', mod);
  }
}

/** __new__ is a static method and __init_subclass__/__class_getitem__ class methods, even
 *  when written as plain functions: `v` itself (borrowed), or a new wrapper (owned). */
function wrapImplicit(key: string, v: PyObject): PyObject {
  if (v.type !== functionType) return v;
  const wrapper = key === '__new__' ? staticMethodType : IMPLICIT_CLASSMETHODS.includes(key) ? classMethodType : null;
  return wrapper ? call(wrapper, [v]) : v;
}

/** type_new_set_names: __set_name__(owner, name) on each attribute that has one. */
function setNames(type: PyType): void {
  for (const [key, value] of [...type.dict]) {
    const setName = lookupSpecial(value, '__set_name__');
    if (!setName) continue;
    const keyObj = internStr(key);
    try {
      decref(call(setName, [type, keyObj]));
    } finally {
      decref(keyObj);
      decref(setName);
    }
  }
}

/** init_subclass: super(type, type).__init_subclass__(**kwargs). */
function initSubclass(type: PyType, kwnames: readonly string[] | null, kwvalues: PyObject[]): void {
  let fn: PyObject | null = null;
  for (const t of type.mro.slice(1)) {
    const f = t.dict.get('__init_subclass__');
    if (f) {
      const get = f.type.tp_descr_get;
      fn = get ? get(f, null, type) : newref(f);
      break;
    }
  }
  if (!fn) return;
  try {
    decref(call(fn, kwvalues, kwnames));
  } finally {
    decref(fn);
  }
}

/** type(name, bases, dict) argument checks of type_new, then the class. */
export function typeNewFromArgs(metatype: PyType, args: PyObject[], kwnames: readonly string[] | null): PyObject {
  const nkw = kwnames?.length ?? 0;
  const npos = args.length - nkw;
  if (npos !== 3) throw typeError('type() takes 1 or 3 arguments');
  const [name, bases, dict] = args as [PyObject, PyObject, PyObject];
  if (!(name instanceof PyStr)) throw typeError(`type.__new__() argument 1 must be str, not ${name.type.name}`);
  if (!(bases instanceof PyTuple)) throw typeError(`type.__new__() argument 2 must be tuple, not ${bases.type.name}`);
  if (!(dict instanceof PyDict)) throw typeError(`type.__new__() argument 3 must be dict, not ${dict.type.name}`);
  const winner = calculateMetaclass(metatype, bases.items.filter((b): b is PyType => b instanceof PyType));
  if (winner !== metatype && winner.tp_new !== metatype.tp_new) return call(winner, args.slice(0, 3), null);
  return newClass(winner, name.value, bases, dict, kwnames, args.slice(3));
}
