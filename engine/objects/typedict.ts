// A class's namespace. A class defined in Python owns a real dict (tp_dict) and real tuples for
// __bases__ and __mro__, as CPython's heap types do, so reference counts and what the cycle
// collector finds match; `type.dict` is the engine's fast index over the same entries (borrowed
// references). Builtin types have only the index, which owns its (static) entries.
import { PyObject, decref, newref } from './object.js';
import { PyType, TypeFlags } from './type.js';
import { PyDict, dictDelStr, dictSetItem, newDict } from './dict.js';
import { internStr } from './str.js';
import { PyTuple, newTuple, tupleType } from './tuple.js';
import { allocStatic } from './heap.js';

function isHeap(type: PyType): boolean {
  return (type.flags & TypeFlags.HEAPTYPE) !== 0;
}

/** Sets (value) or removes (null) a name of a class's namespace; false when removing a name
 *  that is not there. The caller keeps its own reference to `value`. */
export function setTypeAttr(type: PyType, name: string, value: PyObject | null): boolean {
  const index = type.dict;
  const old = index.get(name);
  if (value === null && old === undefined) return false;
  if (isHeap(type) && type.dictObject) {
    if (value === null) {
      index.delete(name);
      dictDelStr(type.dictObject as PyDict, name);
    } else {
      const key = internStr(name);
      dictSetItem(type.dictObject as PyDict, key, value);
      decref(key);
      index.set(name, value);
    }
  } else {
    if (value === null) index.delete(name);
    else index.set(name, newref(value));
    if (old !== undefined) decref(old);
  }
  type.modified();
  return true;
}

/** Gives a new class its dict, __bases__ and __mro__ objects and the references a class
 *  holds (tp_base, each base, each class of its MRO, itself included). */
export function initHeapTypeObjects(type: PyType): void {
  type.dictObject = newDict();
  if (type.base) newref(type.base);
  type.basesTuple = newTuple(type.bases.map((b) => newref(b)));
  type.mroTuple = newTuple(type.mro.map((t) => newref(t)));
}

/** __bases__ / __mro__ as tuples: a class's own, or one made once for a builtin type. */
export function basesTupleOf(type: PyType): PyTuple {
  return newref((type.basesTuple ??= staticTuple(type.bases)) as PyTuple);
}

export function mroTupleOf(type: PyType): PyTuple {
  return newref((type.mroTuple ??= staticTuple(type.mro)) as PyTuple);
}

/** Builtin types' tuples are static data, like the types themselves. */
function staticTuple(items: readonly PyType[]): PyTuple {
  const t = new PyTuple(tupleType, items.slice());
  allocStatic(t, 24 + 8 * items.length);
  t.refcnt = 1 << 20;
  return t;
}

/** type_dealloc's release of a class's own objects (and type_clear's, for the collector). */
export function clearHeapTypeObjects(type: PyType): void {
  const dict = type.dictObject;
  const bases = type.basesTuple;
  const mro = type.mroTuple;
  type.dictObject = null;
  type.basesTuple = null;
  type.mroTuple = null;
  type.dict.clear();
  type.lookupCache.clear();
  if (dict) decref(dict);
  if (mro) decref(mro);
  if (bases) decref(bases);
}
