// Instances of classes defined in Python (Objects/typeobject.c object_new, subtype_dealloc,
// subtype_traverse): their instance dict, their __slots__ storage, and the order CPython tears
// them down in (finalizer, weak references, slots, dict, then the base type's own dealloc).
import { PyGCObject, PyObject, decref, newref, xdecref } from './object.js';
import { PyType, TypeFlags } from './type.js';
import { allocObject, freeObject } from './heap.js';
import { GC_FINALIZED, gcTrack, gcUntrack, isTracked } from '../gc/track.js';
import {
  PyDict, PyDictValues, dictDelStr, dictGetStr, dictSetItem, freeInstanceValues, insertIntoSharedKeys,
  newDict, newDictWithSharedKeys, newInstanceValues, newSplitDict, sharedKeyIndex,
} from './dict.js';
import { internStr } from './str.js';
import { objectType } from './typeobject.js';
import { PyBaseException } from './exceptions.js';
import { PyModule } from './module.js';

/** A plain instance (base `object`): its attributes, its __slots__ values, its weak references. */
export class PyInstance extends PyGCObject {
  /** 3.11's inline values: attributes kept beside the object (PyDictValues over the class's
   *  shared keys), no dict object existing until someone asks for `__dict__`. */
  values: PyDictValues | null = null;
  /** The materialised (or, before 3.11, the only) instance dict. */
  dict: PyDict | null = null;
  slots: (PyObject | null)[] | null = null;
  weakrefs: PyObject | null = null;
}

/** What an instance of a heap type carries whatever its builtin base is. A subclass of a
 *  builtin (list, int, Exception) keeps these on its own object. */
export interface HeapInstance extends PyObject {
  values?: PyDictValues | null;
  dict?: PyDict | null;
  slots?: (PyObject | null)[] | null;
  weakrefs?: PyObject | null;
}

/** object_new's allocation for a class whose solid base is `object`; a class with a managed
 *  dict gives each instance its values array at once (_PyObject_InitializeDict). */
export function newInstance(type: PyType): PyInstance {
  const o = new PyInstance(type);
  allocObject(o, type.basicsize);
  if (type.slotNames.length) o.slots = new Array(type.slotNames.length).fill(null);
  if (type.cachedKeys && type.flags & TypeFlags.MANAGED_DICT) o.values = newInstanceValues(type.cachedKeys);
  if (type.flags & TypeFlags.HAVE_GC) gcTrack(o);
  return o;
}

/** The instance attribute storage of heap types: inline values over the class's shared keys
 *  until a dict is materialised (3.11), or the instance dict made on first store (earlier
 *  versions, exceptions). */
export const heapInstanceAttrs = {
  get(o: PyObject, name: string): PyObject | null {
    const h = o as HeapInstance;
    if (h.dict) return dictGetStr(h.dict, name);
    const values = h.values;
    if (!values) return null;
    const ix = sharedKeyIndex(o.type.cachedKeys!, name);
    return ix < 0 ? null : values.values[ix] ?? null;
  },
  set(o: PyObject, name: string, value: PyObject | null): boolean {
    const h = o as HeapInstance;
    if (!h.dict && h.values) return storeInstanceValue(h, name, value);
    if (value === null) return h.dict ? dictDelStr(h.dict, name) : false;
    const d = h.dict ?? instanceDict(h);
    const key = internStr(name);
    dictSetItem(d, key, value);
    decref(key);
    return true;
  },
};

/** _PyObject_StoreInstanceAttribute: the value goes to its slot of the shared keys; when the
 *  keys are full the instance gets a real dict instead. */
function storeInstanceValue(h: HeapInstance, name: string, value: PyObject | null): boolean {
  const values = h.values!;
  const keyObj = internStr(name);
  const ix = insertIntoSharedKeys(h.type.cachedKeys!, keyObj);
  if (ix < 0) {
    const d = instanceDict(h);
    try {
      if (value === null) return dictDelStr(d, name);
      dictSetItem(d, keyObj, value);
      return true;
    } finally {
      decref(keyObj);
    }
  }
  decref(keyObj);
  const old = values.values[ix] ?? null;
  if (old === null && value === null) return false;
  values.values[ix] = value === null ? null : newref(value);
  if (old === null) values.order.push(ix);
  else if (value === null) values.order.splice(values.order.indexOf(ix), 1);
  if (old !== null) decref(old);
  return true;
}

/** `obj.__dict__`: materialises the dict from the inline values, which it then takes over
 *  (make_dict_from_instance_attributes). */
export function instanceDict(o: HeapInstance): PyDict {
  if (o.dict) return o.dict;
  if (o.values) {
    o.dict = newSplitDict(o.type.cachedKeys!, o.values);
    o.values = null;
  } else if (o.type.cachedKeys && !(o.type.flags & TypeFlags.MANAGED_DICT)) {
    o.dict = newDictWithSharedKeys(o.type.cachedKeys);
  } else {
    o.dict = newDict();
  }
  return o.dict;
}

/** Hooks for what the weakref and GC modules do when an instance dies. */
export const instanceHooks = {
  /** Clears weak references to `o` and runs their callbacks (PyObject_ClearWeakRefs). */
  clearWeakrefs: (_o: PyObject): void => {},
  /** Reports an exception raised by __del__ ("Exception ignored in: ..."). */
  unraisable: (_e: PyBaseException, _where: PyObject): void => {},
};

/** PEP 442 finalisation: __del__ runs once per object; an object that __del__ resurrected
 *  (made reachable again) survives. Returns true when the object must not be freed now. */
export function callFinalizer(o: PyObject): boolean {
  const fin = o.type.tp_finalize;
  if (!fin) return false;
  const g = o as PyGCObject;
  if (g.gcFlags & GC_FINALIZED) return false;
  g.gcFlags |= GC_FINALIZED;
  o.refcnt = 1;
  try {
    fin(o);
  } catch (e) {
    if (!(e instanceof PyBaseException)) throw e;
    instanceHooks.unraisable(e, o);
    decref(e);
  }
  return --o.refcnt !== 0;
}

/** subtype_dealloc: finalizer, weak references, slots and dict, then the builtin base's
 *  dealloc (which frees the memory). */
export function subtypeDealloc(o: PyObject): void {
  const type = o.type;
  const g = o as PyGCObject;
  const tracked = type.flags & TypeFlags.HAVE_GC ? isTracked(g) : false;
  if (tracked) gcUntrack(g);
  if (callFinalizer(o)) {
    if (tracked) gcTrack(g);
    return;
  }
  const h = o as HeapInstance;
  if (type.weakrefable) instanceHooks.clearWeakrefs(o);
  clearHeapFields(h);
  const base = solidBuiltinBase(type);
  if (base === objectType) {
    freeObject(o);
  } else {
    if (tracked) gcTrack(g);
    base.tp_dealloc(o);
  }
  if (type.flags & TypeFlags.HEAPTYPE) decref(type);
}

/** Exceptions and modules keep their own dict in `dict` (tp_dictoffset of the builtin base): a
 *  subclass instance has no second one to clear or visit. */
function ownsDictField(h: HeapInstance): boolean {
  return h instanceof PyBaseException || h instanceof PyModule;
}

/** subtype_clear's part for slots, values and the dict, also the collector's tp_clear. */
export function clearHeapFields(h: HeapInstance): void {
  // A class made by a metaclass keeps its namespace in the type's own layout (type_clear).
  if (h instanceof PyType) return;
  if (h.values) {
    const values = h.values;
    h.values = null;
    freeInstanceValues(values);
  }
  if (h.slots) {
    const slots = h.slots;
    h.slots = null;
    for (const v of slots) xdecref(v);
  }
  if (h.dict && !ownsDictField(h)) {
    const d = h.dict;
    h.dict = null;
    decref(d);
  }
}

/** subtype_traverse: what a heap-type instance refers to beyond its base's references. */
export function subtypeTraverse(o: PyObject, visit: (c: PyObject) => void): void {
  const h = o as HeapInstance;
  if (!(o instanceof PyType)) {
    if (h.values) for (const v of h.values.values) if (v) visit(v);
    if (h.slots) for (const v of h.slots) if (v) visit(v);
    if (h.dict && !ownsDictField(h)) visit(h.dict);
  }
  visit(o.type);
  const base = solidBuiltinBase(o.type);
  base.tp_traverse?.(o, visit);
}

/** subtype_clear: what the collector calls to break a cycle through an instance. */
export function subtypeClear(o: PyObject): void {
  clearHeapFields(o as HeapInstance);
  solidBuiltinBase(o.type).tp_clear?.(o);
}

/** The nearest builtin (static) type along the base chain: it owns the object's layout. */
export function solidBuiltinBase(type: PyType): PyType {
  let t: PyType | null = type;
  while (t && t.flags & TypeFlags.HEAPTYPE) t = t.base;
  return t ?? objectType;
}
