// The dict views and dict iterators (Objects/dictobject.c dictview_*, dictiter_*): keys(),
// values() and items() views, forward and reversed iterators over keys, values and items. The
// item iterators recycle their result tuple when nobody else holds it, as CPython does.
import { PyGCObject, PyObject, decref, newref } from './object.js';
import { CompareOp, TypeFlags, type PyType } from './type.js';
import { defineType } from './define.js';
import { allocObject, freeObject } from './heap.js';
import { gcTrack, gcUntrack, isTracked } from '../gc/track.js';
import { None } from './singletons.js';
import { newBool, newInt } from './int.js';
import { newStr } from './str.js';
import { PyTuple, newTuple } from './tuple.js';
import { callMethod, collect, contains, forEach, getIter, iterNext, length, newNotImplemented, reprString, richCompareBool } from './abstract.js';
import { runtimeError } from './exceptions.js';
import { reprEnter, reprLeave } from './reprguard.js';
import { PyDict, dictGetItem, dictKeyAt, dictNextPos, dictValueAt } from './dict.js';
import { PySet, setType, isAnySet, newSet, setAdd, setUpdate } from './set.js';

export type DictIterKind = 'keys' | 'values' | 'items';

// ------------------------------------------------------------------ iterators

export class PyDictIter extends PyGCObject {
  /** di_dict; null once exhausted */
  dict: PyDict | null;
  used: number;
  pos: number;
  /** di_result: the recycled (key, value) tuple of item iterators */
  result: PyTuple | null;
  len: number;
  constructor(type: PyType, d: PyDict, readonly kind: DictIterKind, readonly reversed: boolean) {
    super(type);
    this.dict = newref(d);
    this.used = d.used;
    this.len = d.used;
    this.pos = reversed ? (d.maValues ? d.used - 1 : d.maKeys.nentries - 1) : 0;
    this.result = null;
  }
}

/** sizeof(dictiterobject) */
const DICTITER_SIZE = 56;

function dictIterDealloc(o: PyObject): void {
  const it = o as PyDictIter;
  gcUntrack(it);
  const d = it.dict;
  const r = it.result;
  it.dict = null;
  it.result = null;
  if (d) decref(d);
  if (r) decref(r);
  freeObject(it);
}

function dictIterTraverse(o: PyObject, visit: (c: PyObject) => void): void {
  const it = o as PyDictIter;
  if (it.dict) visit(it.dict);
  if (it.result) visit(it.result);
}

function exhaust(it: PyDictIter): null {
  const d = it.dict;
  it.dict = null;
  if (d) decref(d);
  return null;
}

/** The next live position for the iterator, or -1; reversed iterators walk back. */
function nextPos(it: PyDictIter, d: PyDict): number {
  if (!it.reversed) return dictNextPos(d, it.pos);
  let i = it.pos;
  if (d.maValues) return i >= 0 ? i : -1;
  while (i >= 0 && d.maKeys.values[i] === null) i--;
  return i;
}

/** dictiter_iternextkey / value / item and their reversed forms. */
function dictIterNext(o: PyObject): PyObject | null {
  const it = o as PyDictIter;
  const d = it.dict;
  if (d === null) return null;
  if (it.used !== d.used) {
    it.used = -1;
    throw runtimeError('dictionary changed size during iteration');
  }
  const pos = nextPos(it, d);
  if (pos < 0) return exhaust(it);
  if (it.len === 0) {
    exhaust(it);
    throw runtimeError('dictionary keys changed during iteration');
  }
  it.pos = it.reversed ? pos - 1 : pos + 1;
  it.len--;
  if (it.kind === 'keys') return newref(dictKeyAt(d, pos));
  if (it.kind === 'values') return newref(dictValueAt(d, pos));
  const key = newref(dictKeyAt(d, pos));
  const value = newref(dictValueAt(d, pos));
  const r = it.result;
  if (r && r.refcnt === 1) {
    const oldKey = r.items[0]!;
    const oldValue = r.items[1]!;
    r.items[0] = key;
    r.items[1] = value;
    r.refcnt++;
    decref(oldKey);
    decref(oldValue);
    if (!isTracked(r)) gcTrack(r);
    return r;
  }
  return newTuple([key, value]);
}

function iterType(name: string): PyType {
  return defineType({
    name,
    flags: TypeFlags.HAVE_GC,
    layout: { basicsize: DICTITER_SIZE },
    slots: {
      tp_dealloc: dictIterDealloc,
      tp_traverse: dictIterTraverse,
      tp_iter: (o) => newref(o),
      tp_iternext: dictIterNext,
    },
    methods: {
      __length_hint__: {
        kind: 'noargs',
        fn: (self) => {
          const it = self as PyDictIter;
          return newInt(it.dict !== null && it.used === it.dict.used ? it.len : 0);
        },
      },
    },
  });
}

const iterTypes: Record<DictIterKind, PyType> = {
  keys: iterType('dict_keyiterator'),
  values: iterType('dict_valueiterator'),
  items: iterType('dict_itemiterator'),
};
const reverseIterTypes: Record<DictIterKind, PyType> = {
  keys: iterType('dict_reversekeyiterator'),
  values: iterType('dict_reversevalueiterator'),
  items: iterType('dict_reverseitemiterator'),
};

/** dictiter_new */
export function dictIter(d: PyDict, kind: DictIterKind, reversed: boolean): PyObject {
  const it = new PyDictIter((reversed ? reverseIterTypes : iterTypes)[kind], d, kind, reversed);
  allocObject(it, DICTITER_SIZE);
  if (kind === 'items') {
    None.refcnt += 2;
    it.result = newTuple([None, None]);
  }
  gcTrack(it);
  return it;
}

export function dictReversed(d: PyDict, kind: DictIterKind): PyObject {
  return dictIter(d, kind, true);
}

// ------------------------------------------------------------------ views

export class PyDictView extends PyGCObject {
  constructor(type: PyType, public dict: PyDict | null) {
    super(type);
  }
}

/** sizeof(_PyDictViewObject) */
const VIEW_SIZE = 24;

function viewDealloc(o: PyObject): void {
  const v = o as PyDictView;
  gcUntrack(v);
  const d = v.dict;
  v.dict = null;
  if (d) decref(d);
  freeObject(v);
}

function viewDict(o: PyObject): PyDict {
  return (o as PyDictView).dict!;
}

/** dictview_repr: `dict_keys(['a', 'b'])`, `...` when the view is already being printed. */
function viewRepr(o: PyObject): PyObject {
  if (!reprEnter(o)) return newStr('...');
  try {
    const items = collect(o);
    try {
      return newStr(`${o.type.name}([${items.map(reprString).join(', ')}])`);
    } finally {
      for (const x of items) decref(x);
    }
  } finally {
    reprLeave(o);
  }
}

/** dictitems_contains: a 2-tuple whose key maps to an equal value. */
function itemsContains(o: PyObject, item: PyObject): boolean {
  if (!(item instanceof PyTuple) || item.items.length !== 2) return false;
  const found = dictGetItem(viewDict(o), item.items[0]!);
  if (found === null) return false;
  newref(found);
  try {
    return richCompareBool(found, item.items[1]!, CompareOp.EQ);
  } finally {
    decref(found);
  }
}

/** all_contained_in */
function allContainedIn(self: PyObject, other: PyObject): boolean {
  const it = getIter(self);
  try {
    for (let x = iterNext(it); x !== null; x = iterNext(it)) {
      const ok = contains(other, x);
      decref(x);
      if (!ok) return false;
    }
  } finally {
    decref(it);
  }
  return true;
}

/** dictview_richcompare: set-like comparison against sets and keys/items views. */
function viewRichCompare(self: PyObject, other: PyObject, op: CompareOp): PyObject {
  if (!isSetLike(other)) return newNotImplemented();
  const ls = length(self);
  const lo = length(other);
  let ok = false;
  switch (op) {
    case CompareOp.EQ:
    case CompareOp.NE:
      ok = ls === lo && allContainedIn(self, other);
      if (op === CompareOp.NE) ok = !ok;
      break;
    case CompareOp.LT: ok = ls < lo && allContainedIn(self, other); break;
    case CompareOp.LE: ok = ls <= lo && allContainedIn(self, other); break;
    case CompareOp.GT: ok = ls > lo && allContainedIn(other, self); break;
    case CompareOp.GE: ok = ls >= lo && allContainedIn(other, self); break;
  }
  return newBool(ok);
}

function viewType(name: string, kind: DictIterKind, setLike: boolean): PyType {
  return defineType({
    name,
    flags: TypeFlags.HAVE_GC,
    layout: { basicsize: VIEW_SIZE },
    slots: {
      tp_dealloc: viewDealloc,
      tp_traverse: (o, visit) => {
        const d = (o as PyDictView).dict;
        if (d) visit(d);
      },
      tp_repr: viewRepr,
      tp_iter: (o) => dictIter(viewDict(o), kind, false),
      sq_length: (o) => viewDict(o).used,
      ...(kind === 'keys' ? { sq_contains: (o: PyObject, k: PyObject) => dictGetItem(viewDict(o), k) !== null } : {}),
      ...(kind === 'items' ? { sq_contains: itemsContains } : {}),
      ...(setLike ? { tp_richcompare: viewRichCompare, nb_subtract: viewsSub, nb_and: viewsAnd, nb_or: viewsOr, nb_xor: viewsXor } : {}),
    },
    methods: {
      __reversed__: { kind: 'noargs', fn: (self) => dictIter(viewDict(self), kind, true) },
      ...(setLike ? { isdisjoint: { kind: 'o' as const, fn: viewIsDisjoint } } : {}),
    },
    ...(setLike ? { attributes: () => ({ __hash__: None }) } : {}),
  });
}

export const dictKeysType = viewType('dict_keys', 'keys', true);
export const dictValuesType = viewType('dict_values', 'values', false);
export const dictItemsType = viewType('dict_items', 'items', true);

function newView(type: PyType, d: PyDict): PyObject {
  const v = new PyDictView(type, newref(d));
  allocObject(v, VIEW_SIZE);
  gcTrack(v);
  return v;
}

export const dictKeysView = (d: PyDict): PyObject => newView(dictKeysType, d);
export const dictValuesView = (d: PyDict): PyObject => newView(dictValuesType, d);
export const dictItemsView = (d: PyDict): PyObject => newView(dictItemsType, d);

export function isSetLikeView(o: PyObject): boolean {
  return o.type === dictKeysType || o.type === dictItemsType;
}

// ------------------------------------------------------------------ set operations of keys and items views

function isSetLike(o: PyObject): boolean {
  return isAnySet(o) || isSetLikeView(o);
}

/** dictviews_to_set: a keys view iterates its dict directly. */
function viewsToSet(self: PyObject): PySet {
  return newSet(self.type === dictKeysType ? viewDict(self) : self);
}

function withSetMethod(self: PyObject, other: PyObject, method: (s: PySet, o: PyObject) => void): PyObject {
  const result = viewsToSet(self);
  try {
    method(result, other);
  } catch (e) {
    decref(result);
    throw e;
  }
  return result;
}

function callSetMethod(name: string) {
  return (s: PySet, o: PyObject): void => decref(callMethod(s, name, [o]));
}

/** dictviews_sub, dictviews_or, dictviews_xor */
function viewsSub(self: PyObject, other: PyObject): PyObject {
  return withSetMethod(self, other, callSetMethod('difference_update'));
}

function viewsOr(self: PyObject, other: PyObject): PyObject {
  return withSetMethod(self, other, setUpdate);
}

function viewsXor(self: PyObject, other: PyObject): PyObject {
  return withSetMethod(self, other, callSetMethod('symmetric_difference_update'));
}

function viewLen(o: PyObject): number {
  return viewDict(o).used;
}

function viewContains(view: PyObject, key: PyObject): boolean {
  return view.type === dictKeysType ? dictGetItem(viewDict(view), key) !== null : itemsContains(view, key);
}

/** _PyDictView_Intersect */
function viewsAnd(self: PyObject, other: PyObject): PyObject {
  if (!isSetLikeView(self)) [self, other] = [other, self];
  const lenSelf = viewLen(self);
  if (other.type === setType && lenSelf <= length(other)) return callMethod(other, 'intersection', [self]);
  if (isSetLikeView(other) && viewLen(other) > lenSelf) [self, other] = [other, self];
  const result = newSet();
  try {
    forEach(other, (key) => {
      if (viewContains(self, key)) setAdd(result, key);
    });
  } catch (e) {
    decref(result);
    throw e;
  }
  return result;
}

/** dictviews_isdisjoint */
function viewIsDisjoint(self: PyObject, other: PyObject): PyObject {
  if (self === other) return newBool(viewLen(self) === 0);
  if (isSetLike(other) && length(other) > viewLen(self)) [self, other] = [other, self];
  const it = getIter(other);
  try {
    for (let item = iterNext(it); item !== null; item = iterNext(it)) {
      let found: boolean;
      try {
        found = contains(self, item);
      } finally {
        decref(item);
      }
      if (found) return newBool(false);
    }
  } finally {
    decref(it);
  }
  return newBool(true);
}
