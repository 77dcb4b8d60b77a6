// dict (Objects/dictobject.c, CPython 3.11): the compact dict. A PyDictObject (48 bytes) points
// to a separately allocated keys object (dictkeys.ts) and, for split tables (instance dicts
// sharing their class's keys), to a values array. Probing, resizing, dummies, presizing, the
// free lists and the GC tracking rules follow dictobject.c so sizes, order and ids match.
import { newGenericAlias } from './genericalias.js';
import { PyGCObject, PyObject, decref, incref, newref, xdecref } from './object.js';
import { CompareOp, PyType, TypeFlags } from './type.js';
import { defineType } from './define.js';
import { allocBuffer, allocObject, freeBuffer, freeObject, heap, preHeaderSize } from './heap.js';
import { objectLayouts } from '../profiles/objects.js';
import { gcTrack, gcUntrack, isTracked } from '../gc/track.js';
import { PyStr, newStr } from './str.js';
import { None } from './singletons.js';
import { newBool, newInt } from './int.js';
import { PyTuple, mayBeTracked, newTuple } from './tuple.js';
import {
  call, callMethod, collect, forEach, getAttrOrNull, getItem, getIter, iterNext, lookupSpecial, newNone,
  newNotImplemented, reprString, richCompareBool,
} from './abstract.js';
import { KeyError, keyError, pyErr, runtimeError, typeError, valueError } from './exceptions.js';
import {
  DKIX_DUMMY, DKIX_EMPTY, DictKeysKind, EMPTY_KEYS, PERTURB_SHIFT, PyDict_LOG_MINSIZE, PyDictKeys,
  buildIndices, calculateLog2Keysize, estimateLog2Keysize, findEmptySlot, freeKeysMemory, keysSize,
  lookdictIndex, newKeysObject, probeSequence, usableFraction,
} from './dictkeys.js';
import { H, hashHalves, isExactStr, joinHash } from './hashparts.js';
import { FreeListSlot } from './freelists.js';
import { guardedRepr } from './reprguard.js';
import { checkPositional } from './argcheck.js';
import { isAnySetExact } from './set.js';
import { dictIter, dictItemsView, dictKeysView, dictReversed, dictValuesView } from './dictviews.js';

/** PyDictValues of a split table: a value per entry of the shared keys, and the insertion order
 *  (the byte prefix of 3.11's values array). */
export class PyDictValues {
  addr = 0;
  readonly values: (PyObject | null)[];
  readonly order: number[] = [];
  constructor(readonly size: number) {
    this.values = new Array<PyObject | null>(size).fill(null);
  }
}

export class PyDict extends PyGCObject {
  /** ma_keys */
  maKeys: PyDictKeys = EMPTY_KEYS;
  /** ma_values: non-null for a split table */
  maValues: PyDictValues | null = null;
  /** ma_used */
  used = 0;
}

/** sizeof(PyDictObject) */
export const DICT_BASICSIZE = 48;
/** GROWTH_RATE */
const growthRate = (d: PyDict): number => d.used * 3;

const dictFreeList = new FreeListSlot('dict', ['PyDictObject', DICT_BASICSIZE]);

// ------------------------------------------------------------------ values arrays (split tables)

/** new_values: the prefix (order bytes rounded to 8) and one pointer per shared key. */
function newValues(size: number): PyDictValues {
  const v = new PyDictValues(size);
  const prefix = Math.ceil((size + 2) / 8) * 8;
  v.addr = allocBuffer(prefix + size * 8);
  return v;
}

function freeValues(v: PyDictValues): void {
  freeBuffer(v.addr);
  v.addr = 0;
}

/** dictkeys_decref: the last reference frees the keys object and drops its entries. */
function dictKeysDecref(k: PyDictKeys): void {
  if (k === EMPTY_KEYS || --k.refcnt > 0) return;
  const n = k.nentries;
  for (let i = 0; i < n; i++) {
    const key = k.keys[i];
    const value = k.values[i];
    k.keys[i] = null;
    k.values[i] = null;
    if (key) decref(key);
    if (value) decref(value);
  }
  freeKeysMemory(k);
}

// ------------------------------------------------------------------ creation

/** new_dict: from the free list when it has one. Dicts start untracked (MAINTAIN_TRACKING). */
function newDictWith(keys: PyDictKeys, values: PyDictValues | null, used: number): PyDict {
  const d = new PyDict(dictType);
  const kept = dictFreeList.get().pop();
  if (kept !== undefined) d.addr = kept + preHeaderSize(dictType);
  else allocObject(d, DICT_BASICSIZE);
  d.maKeys = keys;
  d.maValues = values;
  d.used = used;
  return d;
}

/** PyDict_New: an empty dict sharing the static empty keys (3.6 and 3.7 give it its own). */
export function newDict(): PyDict {
  if (objectLayouts(heap.profile).dictNewAllocatesKeys) return newDictWith(newKeysObject(PyDict_LOG_MINSIZE, true), null, 0);
  return newDictWith(EMPTY_KEYS, null, 0);
}

/** dict_new_presized: room for `minused` items without a resize (up to 2**17 slots). */
export function newDictPresized(minused: number, unicode: boolean): PyDict {
  if (minused <= usableFraction(2 ** PyDict_LOG_MINSIZE)) return newDict();
  const log2 = minused > usableFraction(2 ** 17) ? 17 : estimateLog2Keysize(minused);
  return newDictWith(newKeysObject(log2, unicode), null, 0);
}

/** _PyDict_FromItems: BUILD_MAP and BUILD_CONST_KEY_MAP. Items are borrowed. */
export function dictFromItems(keys: readonly PyObject[], values: readonly PyObject[]): PyDict {
  const d = newDictPresized(keys.length, keys.every(isExactStr));
  try {
    for (let i = 0; i < keys.length; i++) dictSetItem(d, keys[i]!, values[i]!);
  } catch (e) {
    decref(d);
    throw e;
  }
  return d;
}

// ------------------------------------------------------------------ tracking


function maintainTracking(d: PyDict, key: PyObject, value: PyObject): void {
  if (!isTracked(d) && (mayBeTracked(key) || mayBeTracked(value))) gcTrack(d);
}

/** _PyDict_MaybeUntrack: the collector untracks dicts holding only atomic keys and values. */
export function dictMaybeUntrack(d: PyDict): void {
  if (!isTracked(d)) return;
  for (const [k, v] of dictItems(d)) if (mayBeTracked(v) || (d.maKeys.kind === DictKeysKind.GENERAL && mayBeTracked(k))) return;
  gcUntrack(d);
}

// ------------------------------------------------------------------ lookup

/** _Py_dict_lookup: the entry index of `key` (hash in lo/hi), or DKIX_EMPTY. A comparison that
 *  mutates the dict restarts the search, as CPython does. */
function dictLookup(d: PyDict, key: PyObject, lo: number, hi: number): number {
  const strKey = isExactStr(key);
  restart: for (;;) {
    const dk = d.maKeys;
    const mask = dk.mask;
    const indices = dk.indices;
    const keys = dk.keys;
    let i = lo & mask;
    let plo = lo;
    let phi = hi;
    for (;;) {
      const ix = indices[i]!;
      if (ix >= 0) {
        const k = keys[ix]!;
        if (k === key) return ix;
        if (dk.hashLo[ix] === lo && dk.hashHi[ix] === hi) {
          if (strKey && isExactStr(k)) {
            if (k.value === (key as PyStr).value) return ix;
          } else {
            incref(k);
            let eq: boolean;
            try {
              eq = richCompareBool(k, key, CompareOp.EQ);
            } finally {
              decref(k);
            }
            if (dk !== d.maKeys || dk.keys[ix] !== k) continue restart;
            if (eq) return ix;
          }
        }
      } else if (ix === DKIX_EMPTY) {
        return DKIX_EMPTY;
      }
      plo = (plo >>> PERTURB_SHIFT) | (phi << (32 - PERTURB_SHIFT));
      phi = phi >>> PERTURB_SHIFT;
      i = (i * 5 + (plo >>> 0) + 1) & mask;
    }
  }
}

/** The value stored for entry ix (null: a split table's key this dict does not have). */
function valueAt(d: PyDict, ix: number): PyObject | null {
  return d.maValues ? d.maValues.values[ix]! : d.maKeys.values[ix]!;
}

function lookupValue(d: PyDict, key: PyObject, lo: number, hi: number): PyObject | null {
  const ix = dictLookup(d, key, lo, hi);
  return ix < 0 ? null : valueAt(d, ix);
}

/** PyDict_GetItemWithError: borrowed value or null. */
export function dictGetItem(d: PyDict, key: PyObject): PyObject | null {
  hashHalves(key);
  return lookupValue(d, key, H.lo, H.hi);
}

/** _PyDict_GetItem_KnownHash with the hash as an exact value. */
export function dictGetItemKnownHash(d: PyDict, key: PyObject, hash: bigint): PyObject | null {
  const [lo, hi] = halvesOf(hash);
  return lookupValue(d, key, lo, hi);
}

function halvesOf(hash: bigint): [number, number] {
  const lo = Number(BigInt.asIntN(32, hash));
  const hi = Number(BigInt.asIntN(32, hash >> 32n));
  return [lo, hi];
}

/** PyDict_Contains */
export function dictContains(d: PyDict, key: PyObject): boolean {
  return dictGetItem(d, key) !== null;
}

function strIndexOf(dk: PyDictKeys): Map<string, number> {
  let idx = dk.strIndex;
  if (idx) return idx;
  idx = new Map();
  for (let i = 0; i < dk.nentries; i++) {
    const k = dk.keys[i];
    if (k && isExactStr(k)) idx.set(k.value, i);
  }
  dk.strIndex = idx;
  return idx;
}

/** Borrowed value for a str key given as text (namespaces, attributes), or null. */
export function dictGetStr(d: PyDict, name: string): PyObject | null {
  const ix = strIndexOf(d.maKeys).get(name);
  return ix === undefined ? null : valueAt(d, ix);
}

// ------------------------------------------------------------------ insertion

/** dictresize: a fresh table of 2**log2NewSize slots holding the live entries in order; a split
 *  table becomes combined. */
function dictResize(d: PyDict, log2NewSize: number, unicode: boolean): void {
  const oldKeys = d.maKeys;
  const oldValues = d.maValues;
  if (oldKeys.kind === DictKeysKind.GENERAL) unicode = false;
  const nk = newKeysObject(log2NewSize, unicode);
  const n = d.used;
  if (oldValues) {
    for (let i = 0; i < n; i++) {
      const index = oldValues.order[i]!;
      nk.keys[i] = newref(oldKeys.keys[index]!);
      nk.hashLo[i] = oldKeys.hashLo[index]!;
      nk.hashHi[i] = oldKeys.hashHi[index]!;
      nk.values[i] = oldValues.values[index]!;
    }
    d.maKeys = nk;
    d.maValues = null;
    buildIndices(nk, n);
    dictKeysDecref(oldKeys);
    freeValues(oldValues);
  } else {
    let j = 0;
    for (let i = 0; j < n; i++) {
      const v = oldKeys.values[i];
      if (v === null) continue;
      nk.keys[j] = oldKeys.keys[i]!;
      nk.values[j] = v!;
      nk.hashLo[j] = oldKeys.hashLo[i]!;
      nk.hashHi[j] = oldKeys.hashHi[i]!;
      j++;
    }
    d.maKeys = nk;
    buildIndices(nk, n);
    // the entries' references moved to the new table: only the memory goes
    freeKeysMemory(oldKeys);
  }
  nk.usable -= n;
  nk.nentries = n;
}

/** insertion_resize */
function insertionResize(d: PyDict, unicode: boolean): void {
  dictResize(d, calculateLog2Keysize(growthRate(d)), unicode);
}

/** insert_to_emptydict */
function insertToEmptyDict(d: PyDict, key: PyObject, lo: number, hi: number, value: PyObject): void {
  const nk = newKeysObject(PyDict_LOG_MINSIZE, isExactStr(key));
  if (d.maValues) freeValues(d.maValues);
  d.maKeys = nk;
  d.maValues = null;
  maintainTracking(d, key, value);
  nk.indices[lo & (nk.size - 1)] = 0;
  nk.keys[0] = newref(key);
  nk.values[0] = newref(value);
  nk.hashLo[0] = lo;
  nk.hashHi[0] = hi;
  d.used++;
  nk.usable--;
  nk.nentries++;
}

/** The new-entry half of insertdict, after a lookup found no entry. */
function insertNewEntry(d: PyDict, key: PyObject, lo: number, hi: number, value: PyObject): void {
  let dk = d.maKeys;
  if (dk.usable <= 0) {
    insertionResize(d, true);
    dk = d.maKeys;
  }
  const n = dk.nentries;
  dk.indices[findEmptySlot(dk, lo, hi)] = n;
  dk.keys[n] = newref(key);
  dk.hashLo[n] = lo;
  dk.hashHi[n] = hi;
  if (d.maValues) {
    d.maValues.values[n] = newref(value);
    d.maValues.order.push(n);
  } else {
    dk.values[n] = newref(value);
  }
  if (dk.strIndex && isExactStr(key)) dk.strIndex.set(key.value, n);
  d.used++;
  dk.usable--;
  dk.nentries++;
}

/** insertdict: key and value are borrowed; the dict takes its own references. */
function insertDict(d: PyDict, key: PyObject, lo: number, hi: number, value: PyObject): void {
  if (d.maKeys === EMPTY_KEYS) {
    insertToEmptyDict(d, key, lo, hi, value);
    return;
  }
  if (d.maKeys.kind !== DictKeysKind.GENERAL && !isExactStr(key)) insertionResize(d, false);
  const ix = dictLookup(d, key, lo, hi);
  maintainTracking(d, key, value);
  if (ix === DKIX_EMPTY) {
    insertNewEntry(d, key, lo, hi, value);
    return;
  }
  const old = valueAt(d, ix);
  if (old === value) return;
  newref(value);
  if (d.maValues) {
    d.maValues.values[ix] = value;
    if (old === null) {
      d.maValues.order.push(ix);
      d.used++;
    }
  } else {
    d.maKeys.values[ix] = value;
  }
  xdecref(old);
}

/** PyDict_SetItem: the dict takes its own references. */
export function dictSetItem(d: PyDict, key: PyObject, value: PyObject): void {
  hashHalves(key);
  insertDict(d, key, H.lo, H.hi, value);
}

/** _PyDict_SetItem_KnownHash */
export function dictSetItemKnownHash(d: PyDict, key: PyObject, hash: bigint, value: PyObject): void {
  const [lo, hi] = halvesOf(hash);
  insertDict(d, key, lo, hi, value);
}

export function dictSetStr(d: PyDict, key: PyStr, value: PyObject): void {
  dictSetItem(d, key, value);
}

/** PyDict_SetDefault: the value now stored under key (borrowed). */
export function dictSetDefault(d: PyDict, key: PyObject, deflt: PyObject): PyObject {
  hashHalves(key);
  const lo = H.lo;
  const hi = H.hi;
  if (d.maKeys === EMPTY_KEYS) {
    insertToEmptyDict(d, key, lo, hi, deflt);
    return deflt;
  }
  if (d.maKeys.kind !== DictKeysKind.GENERAL && !isExactStr(key)) insertionResize(d, false);
  const ix = dictLookup(d, key, lo, hi);
  if (ix >= 0) {
    const v = valueAt(d, ix);
    if (v !== null) return v;
    insertDict(d, key, lo, hi, deflt);
    return deflt;
  }
  maintainTracking(d, key, deflt);
  insertNewEntry(d, key, lo, hi, deflt);
  return deflt;
}

// ------------------------------------------------------------------ deletion

/** delitem_common: the slot becomes DKIX_DUMMY (combined) or the value goes (split). */
function delItemCommon(d: PyDict, lo: number, hi: number, ix: number, oldValue: PyObject): void {
  const dk = d.maKeys;
  d.used--;
  if (d.maValues) {
    d.maValues.values[ix] = null;
    const order = d.maValues.order;
    order.splice(order.indexOf(ix), 1);
  } else {
    dk.indices[lookdictIndex(dk, lo, hi, ix)] = DKIX_DUMMY;
    const oldKey = dk.keys[ix]!;
    dk.keys[ix] = null;
    dk.values[ix] = null;
    dk.hashLo[ix] = 0;
    dk.hashHi[ix] = 0;
    if (dk.strIndex && isExactStr(oldKey)) dk.strIndex.delete(oldKey.value);
    decref(oldKey);
  }
  decref(oldValue);
}

/** Removes key; false when missing. */
function deleteKnownHash(d: PyDict, key: PyObject, lo: number, hi: number): boolean {
  const ix = dictLookup(d, key, lo, hi);
  if (ix < 0) return false;
  const old = valueAt(d, ix);
  if (old === null) return false;
  delItemCommon(d, lo, hi, ix, old);
  return true;
}

/** PyDict_DelItem: KeyError when missing. */
export function dictDelItem(d: PyDict, key: PyObject): void {
  hashHalves(key);
  if (!deleteKnownHash(d, key, H.lo, H.hi)) throw keyError(key);
}

/** Deletes a str key given as text; false when it was missing. */
export function dictDelStr(d: PyDict, name: string): boolean {
  const dk = d.maKeys;
  const ix = strIndexOf(dk).get(name);
  if (ix === undefined) return false;
  const old = valueAt(d, ix);
  if (old === null) return false;
  delItemCommon(d, dk.hashLo[ix]!, dk.hashHi[ix]!, ix, old);
  return true;
}

/** _PyDict_Pop: the removed value (new reference), `deflt` (new reference) or KeyError. */
export function dictPop(d: PyDict, key: PyObject, deflt: PyObject | null): PyObject {
  if (d.used === 0) {
    if (deflt) return newref(deflt);
    throw keyError(key);
  }
  hashHalves(key);
  const lo = H.lo;
  const hi = H.hi;
  const ix = dictLookup(d, key, lo, hi);
  const old = ix < 0 ? null : valueAt(d, ix);
  if (old === null) {
    if (deflt) return newref(deflt);
    throw keyError(key);
  }
  incref(old);
  delItemCommon(d, lo, hi, ix, old);
  return old;
}

/** dict.popitem: the last entry, LIFO; dk_nentries shrinks to it (dict_popitem_impl). */
export function dictPopItem(d: PyDict): PyObject {
  const res = newTuple([None, None]);
  None.refcnt += 2;
  if (d.used === 0) {
    decref(res);
    throw pyErr(KeyError, 'popitem(): dictionary is empty');
  }
  if (d.maKeys.kind === DictKeysKind.SPLIT) dictResize(d, d.maKeys.log2Size, true);
  const dk = d.maKeys;
  let i = dk.nentries - 1;
  while (i >= 0 && dk.values[i] === null) i--;
  const key = dk.keys[i]!;
  const value = dk.values[i]!;
  dk.indices[lookdictIndex(dk, dk.hashLo[i]!, dk.hashHi[i]!, i)] = DKIX_DUMMY;
  dk.keys[i] = null;
  dk.values[i] = null;
  if (dk.strIndex && isExactStr(key)) dk.strIndex.delete(key.value);
  (res as PyTuple).items[0] = key;
  (res as PyTuple).items[1] = value;
  None.refcnt -= 2;
  dk.nentries = i;
  d.used--;
  return res;
}

/** PyDict_Clear */
export function dictClear(d: PyDict): void {
  const oldKeys = d.maKeys;
  const oldValues = d.maValues;
  if (oldKeys === EMPTY_KEYS) {
    if (oldValues) freeValues(oldValues);
    d.maValues = null;
    return;
  }
  d.maKeys = EMPTY_KEYS;
  d.maValues = null;
  d.used = 0;
  if (oldValues) freeInstanceValues(oldValues);
  dictKeysDecref(oldKeys);
}

// ------------------------------------------------------------------ iteration

/** _PyDict_Next over entry positions: the next live position at or after pos, or -1. For split
 *  tables pos counts in insertion order. */
export function dictNextPos(d: PyDict, pos: number): number {
  if (d.maValues) return pos < d.used ? pos : -1;
  const dk = d.maKeys;
  const n = dk.nentries;
  while (pos < n && dk.values[pos] === null) pos++;
  return pos < n ? pos : -1;
}

/** Borrowed key and value at a position returned by dictNextPos. */
export function dictKeyAt(d: PyDict, pos: number): PyObject {
  return d.maValues ? d.maKeys.keys[d.maValues.order[pos]!]! : d.maKeys.keys[pos]!;
}

export function dictValueAt(d: PyDict, pos: number): PyObject {
  return d.maValues ? d.maValues.values[d.maValues.order[pos]!]! : d.maKeys.values[pos]!;
}

/** The stored hash of the entry at a position. */
export function dictHashAt(d: PyDict, pos: number): bigint {
  const ix = d.maValues ? d.maValues.order[pos]! : pos;
  return joinHash(d.maKeys.hashLo[ix]!, d.maKeys.hashHi[ix]!);
}

/** Live (key, value) pairs in insertion order, borrowed. */
export function* dictItems(d: PyDict): Generator<[PyObject, PyObject]> {
  for (let pos = dictNextPos(d, 0); pos >= 0; pos = dictNextPos(d, pos + 1)) {
    yield [dictKeyAt(d, pos), dictValueAt(d, pos)];
  }
}

// ------------------------------------------------------------------ merging and copying

/** clone_combined_dict_keys: a byte copy of a combined table, every entry referenced again. */
function cloneCombinedKeys(src: PyDictKeys): PyDictKeys {
  const k = new PyDictKeys(src.log2Size, src.kind);
  k.addr = allocBuffer(keysSize(src));
  k.indices.set(src.indices);
  k.hashLo.set(src.hashLo);
  k.hashHi.set(src.hashHi);
  for (let i = 0; i < src.nentries; i++) {
    const key = src.keys[i]!;
    const value = src.values[i]!;
    k.keys.push(key ? newref(key) : null);
    k.values.push(value ? newref(value) : null);
  }
  k.usable = src.usable;
  k.nentries = src.nentries;
  return k;
}

function isPlainIterDict(o: PyObject): o is PyDict {
  return o instanceof PyDict && o.type.tp_iter === dictType.tp_iter;
}

/** dict_merge: override 1 replaces, 0 keeps existing keys, 2 raises KeyError on a duplicate
 *  (the ** of a call, whose caller words the error). */
export function dictMerge(a: PyDict, b: PyObject, override: 0 | 1 | 2): void {
  if (isPlainIterDict(b)) {
    if (b === a || b.used === 0) return;
    if (a.used === 0) {
      override = 1;
      const okeys = b.maKeys;
      if (b.maValues === null && b.used === okeys.nentries
        && (okeys.log2Size === PyDict_LOG_MINSIZE || usableFraction(okeys.size / 2) < b.used)) {
        const keys = cloneCombinedKeys(okeys);
        dictKeysDecref(a.maKeys);
        a.maKeys = keys;
        if (a.maValues) {
          freeValues(a.maValues);
          a.maValues = null;
        }
        a.used = b.used;
        if (isTracked(b) && !isTracked(a)) gcTrack(a);
        return;
      }
    }
    if (usableFraction(a.maKeys.size) < b.used) {
      dictResize(a, estimateLog2Keysize(a.used + b.used), b.maKeys.kind !== DictKeysKind.GENERAL);
    }
    const origSize = b.maKeys.nentries;
    for (let pos = dictNextPos(b, 0); pos >= 0; pos = dictNextPos(b, pos + 1)) {
      const key = newref(dictKeyAt(b, pos));
      const value = newref(dictValueAt(b, pos));
      const ix = b.maValues ? b.maValues.order[pos]! : pos;
      const lo = b.maKeys.hashLo[ix]!;
      const hi = b.maKeys.hashHi[ix]!;
      try {
        if (override === 1 || lookupValue(a, key, lo, hi) === null) insertDict(a, key, lo, hi, value);
        else if (override === 2) throw keyError(key);
      } finally {
        decref(value);
        decref(key);
      }
      if (origSize !== b.maKeys.nentries) throw runtimeError('dict mutated during update');
    }
    return;
  }
  const keys = callMethod(b, 'keys', []);
  try {
    forEach(keys, (key) => {
      if (override !== 1 && dictGetItem(a, key) !== null) {
        if (override === 2) throw keyError(key);
        return;
      }
      const value = getItem(b, key);
      try {
        dictSetItem(a, key, value);
      } finally {
        decref(value);
      }
    });
  } finally {
    decref(keys);
  }
}

/** PyDict_MergeFromSeq2: pairs from an iterable of 2-item iterables. */
export function dictMergeFromSeq2(d: PyDict, seq: PyObject, override: boolean): void {
  const it = getIter(seq);
  try {
    let i = 0;
    for (let item = iterNext(it); item !== null; item = iterNext(it), i++) {
      try {
        let pair: PyObject[];
        if (item.type.tp_iter === undefined && item.type.sq_item === undefined) {
          throw typeError(`cannot convert dictionary update sequence element #${i} to a sequence`);
        }
        pair = item instanceof PyTuple ? item.items.map((x) => newref(x)) : collect(item);
        try {
          if (pair.length !== 2) {
            throw valueError(`dictionary update sequence element #${i} has length ${pair.length}; 2 is required`);
          }
          if (override || dictGetItem(d, pair[0]!) === null) dictSetItem(d, pair[0]!, pair[1]!);
        } finally {
          for (const x of pair) decref(x);
        }
      } finally {
        decref(item);
      }
    }
  } finally {
    decref(it);
  }
}

/** dict_update_arg: a dict, anything with keys(), or an iterable of pairs. */
export function dictUpdateArg(d: PyDict, arg: PyObject): void {
  if (arg.type === dictType) {
    dictMerge(d, arg, 1);
    return;
  }
  const keys = getAttrOrNull(arg, 'keys');
  if (keys !== null) {
    decref(keys);
    dictMerge(d, arg, 1);
    return;
  }
  dictMergeFromSeq2(d, arg, true);
}

/** PyDict_Copy */
export function dictCopy(d: PyDict): PyDict {
  if (d.used === 0) {
    // 3.6 has no shortcut for empty dicts: one emptied by clear() still holds the static empty
    // values array, so it is copied as a split table over the shared empty keys.
    if (d.maKeys === EMPTY_KEYS && objectLayouts(heap.profile).dictClearKeepsEmptyValues) return newSplitDict(EMPTY_KEYS, newValues(0));
    return newDict();
  }
  if (d.maValues) {
    const keys = d.maKeys;
    const size = keys.nentries + keys.usable;
    const values = newValues(size);
    const copy = new PyDict(dictType);
    allocObject(copy, DICT_BASICSIZE);
    for (let i = 0; i < size; i++) {
      const v = d.maValues.values[i];
      if (v) values.values[i] = newref(v);
    }
    values.order.push(...d.maValues.order);
    copy.maKeys = keys;
    copy.maValues = values;
    copy.used = d.used;
    keys.refcnt++;
    if (isTracked(d)) gcTrack(copy);
    return copy;
  }
  if (d.type.tp_iter === dictType.tp_iter && d.used >= Math.floor((d.maKeys.nentries * 2) / 3)) {
    const copy = newDictWith(cloneCombinedKeys(d.maKeys), null, d.used);
    if (isTracked(d)) gcTrack(copy);
    return copy;
  }
  const copy = newDict();
  try {
    dictMerge(copy, d, 1);
  } catch (e) {
    decref(copy);
    throw e;
  }
  return copy;
}

// ------------------------------------------------------------------ split tables (instance dicts)

/** SHARED_KEYS_MAX_SIZE and the log2 size of a class's cached keys. */
export const SHARED_KEYS_MAX_SIZE = 30;
const NEXT_LOG2_SHARED_KEYS_MAX_SIZE = 6;

/** _PyDict_NewKeysForClass: the shared keys a heap type's instances start from. */
export function newKeysForClass(): PyDictKeys {
  const minimal = objectLayouts(heap.profile).sharedKeysMinimal;
  const k = newKeysObject(minimal ? PyDict_LOG_MINSIZE : NEXT_LOG2_SHARED_KEYS_MAX_SIZE, true);
  if (!minimal) k.usable = SHARED_KEYS_MAX_SIZE;
  k.kind = DictKeysKind.SPLIT;
  return k;
}

/** new_dict_with_shared_keys (before 3.11): an instance dict over the class's keys, with a
 *  values slot for every usable entry. */
export function newDictWithSharedKeys(k: PyDictKeys): PyDict {
  return newSplitDict(k, newValues(usableFraction(k.size)));
}

/** shared_keys_usable_size */
export function sharedKeysUsableSize(k: PyDictKeys): number {
  return k.nentries + k.usable;
}

/** init_inline_values: the values array of a new instance (each instance shrinks the keys'
 *  usable count by one, as 3.11 does). */
export function newInstanceValues(k: PyDictKeys): PyDictValues {
  if (k.usable > 1) k.usable--;
  return newValues(sharedKeysUsableSize(k));
}

/** insert_into_dictkeys: the entry index of a str key in shared keys, adding it if there is room
 *  (-1 when the keys are full). */
export function insertIntoSharedKeys(k: PyDictKeys, name: PyStr): number {
  const known = strIndexOf(k).get(name.value);
  if (known !== undefined) return known;
  if (k.usable <= 0) return -1;
  hashHalves(name);
  const n = k.nentries;
  k.indices[findEmptySlot(k, H.lo, H.hi)] = n;
  k.keys[n] = newref(name);
  k.hashLo[n] = H.lo;
  k.hashHi[n] = H.hi;
  k.strIndex!.set(name.value, n);
  k.usable--;
  k.nentries++;
  return n;
}

/** The entry index of a str key in shared keys, or -1 (a lookup that never inserts). */
export function sharedKeyIndex(k: PyDictKeys, name: string): number {
  return strIndexOf(k).get(name) ?? -1;
}

/** The value of attribute `name` in an instance's values array over the class's shared keys
 *  (borrowed), or null. */
export function sharedValuesGet(keys: PyDictKeys, values: PyDictValues, name: string): PyObject | null {
  const ix = strIndexOf(keys).get(name);
  return ix === undefined ? null : values.values[ix] ?? null;
}

/** _PyObject_StoreInstanceAttribute for an instance without a dict: stores (or deletes, value
 *  null) in its values array. 'missing' when deleting an absent attribute; 'full' when the
 *  shared keys have no room (the caller then makes the dict and stores there). */
export function sharedValuesStore(keys: PyDictKeys, values: PyDictValues, name: PyStr, value: PyObject | null): 'ok' | 'missing' | 'full' {
  const ix = isExactStr(name) ? insertIntoSharedKeys(keys, name) : -1;
  if (ix < 0) return 'full';
  const old = values.values[ix] ?? null;
  if (value !== null) newref(value);
  values.values[ix] = value;
  if (old === null) {
    if (value === null) return 'missing';
    values.order.push(ix);
  } else {
    if (value === null) values.order.splice(values.order.indexOf(ix), 1);
    decref(old);
  }
  return 'ok';
}

/** make_dict_from_instance_attributes: the instance's dict over the class's shared keys. The
 *  dict takes over `values` and one reference to the keys. */
export function newSplitDict(keys: PyDictKeys, values: PyDictValues): PyDict {
  keys.refcnt++;
  const d = newDictWith(keys, values, values.order.length);
  for (const ix of values.order) {
    if (mayBeTracked(values.values[ix]!)) {
      gcTrack(d);
      break;
    }
  }
  return d;
}

/** Drops the values of a values array and frees it (a cleared split dict, or an instance's
 *  values that never became a dict). */
export function freeInstanceValues(values: PyDictValues): void {
  const vals = values.values;
  for (let i = 0; i < vals.length; i++) {
    const v = vals[i];
    vals[i] = null;
    if (v) decref(v);
  }
  freeValues(values);
}

// ------------------------------------------------------------------ sizes

/** _PyDict_SizeOf: the object, a split table's values, and the keys when not shared. */
export function dictSizeOf(d: PyDict): number {
  let res = d.type.basicsize;
  if (d.maValues) res += sharedKeysUsableSize(d.maKeys) * 8;
  if (d.maKeys.refcnt === 1) res += keysSize(d.maKeys);
  return res;
}

// ------------------------------------------------------------------ the dict type

function dictDealloc(o: PyObject): void {
  const d = o as PyDict;
  gcUntrack(d);
  dictClear(d);
  if (d.type === dictType && dictFreeList.get().push(d.addr - preHeaderSize(dictType))) {
    d.addr = 0;
    return;
  }
  freeObject(d);
}

function dictTraverse(o: PyObject, visit: (c: PyObject) => void): void {
  const d = o as PyDict;
  const dk = d.maKeys;
  if (d.maValues) {
    for (const v of d.maValues.values) if (v) visit(v);
    return;
  }
  const general = dk.kind === DictKeysKind.GENERAL;
  for (let i = 0; i < dk.nentries; i++) {
    const v = dk.values[i];
    if (!v) continue;
    visit(v);
    if (general) visit(dk.keys[i]!);
  }
}

/** dict_repr */
function dictRepr(o: PyObject): PyObject {
  const d = o as PyDict;
  if (d.used === 0) return newStr('{}');
  return newStr(guardedRepr(d, '{...}', () => {
    const parts: string[] = [];
    for (let pos = dictNextPos(d, 0); pos >= 0; pos = dictNextPos(d, pos + 1)) {
      const key = newref(dictKeyAt(d, pos));
      const value = newref(dictValueAt(d, pos));
      try {
        parts.push(`${reprString(key)}: ${reprString(value)}`);
      } finally {
        decref(key);
        decref(value);
      }
    }
    return `{${parts.join(', ')}}`;
  }));
}

/** dict_equal: same length, and every key of a maps to an equal value in b. */
function dictEqual(a: PyDict, b: PyDict): boolean {
  if (a.used !== b.used) return false;
  for (let pos = dictNextPos(a, 0); pos >= 0; pos = dictNextPos(a, pos + 1)) {
    const ix = a.maValues ? a.maValues.order[pos]! : pos;
    const key = newref(dictKeyAt(a, pos));
    const aval = newref(dictValueAt(a, pos));
    try {
      const bval = lookupValue(b, key, a.maKeys.hashLo[ix]!, a.maKeys.hashHi[ix]!);
      if (bval === null) return false;
      incref(bval);
      try {
        if (!richCompareBool(aval, bval, CompareOp.EQ)) return false;
      } finally {
        decref(bval);
      }
    } finally {
      decref(aval);
      decref(key);
    }
  }
  return true;
}

function dictRichCompare(a: PyObject, b: PyObject, op: CompareOp): PyObject {
  if (!(a instanceof PyDict) || !(b instanceof PyDict) || (op !== CompareOp.EQ && op !== CompareOp.NE)) {
    return newNotImplemented();
  }
  const eq = dictEqual(a, b);
  return newBool(op === CompareOp.EQ ? eq : !eq);
}

/** dict_subscript, with __missing__ for subclasses. */
function dictSubscript(o: PyObject, key: PyObject): PyObject {
  const d = o as PyDict;
  const v = dictGetItem(d, key);
  if (v !== null) return newref(v);
  if (d.type !== dictType) {
    const missing = lookupSpecial(d, '__missing__');
    if (missing !== null) {
      try {
        return call(missing, [key]);
      } finally {
        decref(missing);
      }
    }
  }
  throw keyError(key);
}

function dictAssSubscript(o: PyObject, key: PyObject, value: PyObject | null): void {
  if (value === null) dictDelItem(o as PyDict, key);
  else dictSetItem(o as PyDict, key, value);
}

/** dict_new: exact dicts start untracked; subclass instances are tracked. */
function dictNew(type: PyType): PyObject {
  const d = new PyDict(type);
  allocObject(d, type.basicsize);
  if (objectLayouts(heap.profile).dictCallAllocatesKeys) d.maKeys = newKeysObject(PyDict_LOG_MINSIZE, true);
  if (type !== dictType) gcTrack(d);
  return d;
}

/** dict_update_common: at most one positional argument, then the keywords. */
function dictUpdateCommon(d: PyDict, args: PyObject[], kwnames: readonly string[] | null, name: string): void {
  const nkw = kwnames ? kwnames.length : 0;
  const npos = args.length - nkw;
  if (npos > 1) throw typeError(`${name} expected at most 1 argument, got ${npos}`);
  if (npos === 1) dictUpdateArg(d, args[0]!);
  for (let i = 0; i < nkw; i++) {
    const key = newStr(kwnames![i]!);
    try {
      dictSetItem(d, key, args[npos + i]!);
    } finally {
      decref(key);
    }
  }
}

function dictOr(a: PyObject, b: PyObject): PyObject {
  if (!(a instanceof PyDict) || !(b instanceof PyDict)) return newNotImplemented();
  const copy = dictCopy(a);
  try {
    dictUpdateArg(copy, b);
  } catch (e) {
    decref(copy);
    throw e;
  }
  return copy;
}

function dictInplaceOr(a: PyObject, b: PyObject): PyObject {
  dictUpdateArg(a as PyDict, b);
  return newref(a);
}

/** _PyDict_FromKeys */
function dictFromKeys(cls: PyObject, args: PyObject[]): PyObject {
  checkPositional('fromkeys', args.length, 1, 2);
  const iterable = args[0]!;
  const value = args[1] ?? None;
  const d = call(cls, []);
  try {
    if (d.type === dictType && (d as PyDict).used === 0 && isPlainIterDict(iterable) && iterable.type === dictType) {
      dictResize(d as PyDict, estimateLog2Keysize(iterable.used), iterable.maKeys.kind !== DictKeysKind.GENERAL);
    } else if (d.type === dictType && (d as PyDict).used === 0 && isAnySetExact(iterable)) {
      dictResize(d as PyDict, estimateLog2Keysize(iterable.used), false);
    }
    forEach(iterable, (key) => {
      if (d.type === dictType) dictSetItem(d as PyDict, key, value);
      else dictAssignViaProtocol(d, key, value);
    });
  } catch (e) {
    decref(d);
    throw e;
  }
  return d;
}

function dictAssignViaProtocol(d: PyObject, key: PyObject, value: PyObject): void {
  const f = d.type.mp_ass_subscript;
  if (!f) throw typeError(`'${d.type.name}' object does not support item assignment`);
  f(d, key, value);
}

export const dictType = defineType({
  name: 'dict',
  flags: TypeFlags.BASETYPE | TypeFlags.HAVE_GC | TypeFlags.DICT_SUBCLASS | TypeFlags.MAPPING | TypeFlags.MATCH_SELF,
  layout: { basicsize: DICT_BASICSIZE },
  slots: {
    tp_dealloc: dictDealloc,
    tp_traverse: dictTraverse,
    tp_clear: (o) => dictClear(o as PyDict),
    tp_repr: dictRepr,
    tp_richcompare: dictRichCompare,
    tp_iter: (o) => dictIter(o as PyDict, 'keys', false),
    tp_new: (type) => dictNew(type),
    tp_init: (self, args, kwnames) => dictUpdateCommon(self as PyDict, args, kwnames, 'dict'),
    mp_length: (o) => (o as PyDict).used,
    mp_subscript: dictSubscript,
    mp_ass_subscript: dictAssSubscript,
    sq_contains: (o, key) => dictContains(o as PyDict, key),
    nb_or: dictOr,
    nb_inplace_or: dictInplaceOr,
  },
  methods: {
    __contains__: { kind: 'o', fn: (self, key) => newBool(dictContains(self as PyDict, key)) },
    __getitem__: { kind: 'o', fn: dictSubscript },
    __sizeof__: { kind: 'noargs', fn: (self) => newInt(dictSizeOf(self as PyDict)) },
    get: {
      kind: 'fast',
      fn: (self, args) => {
        checkPositional('get', args.length, 1, 2);
        const v = dictGetItem(self as PyDict, args[0]!);
        return newref(v ?? args[1] ?? None);
      },
    },
    setdefault: {
      kind: 'fast',
      fn: (self, args) => {
        checkPositional('setdefault', args.length, 1, 2);
        return newref(dictSetDefault(self as PyDict, args[0]!, args[1] ?? None));
      },
    },
    pop: {
      kind: 'fast',
      fn: (self, args) => {
        checkPositional('pop', args.length, 1, 2);
        return dictPop(self as PyDict, args[0]!, args[1] ?? null);
      },
    },
    popitem: { kind: 'noargs', fn: (self) => dictPopItem(self as PyDict) },
    keys: { kind: 'noargs', fn: (self) => dictKeysView(self as PyDict) },
    items: { kind: 'noargs', fn: (self) => dictItemsView(self as PyDict) },
    values: { kind: 'noargs', fn: (self) => dictValuesView(self as PyDict) },
    update: {
      kind: 'fastkw',
      fn: (self, args, kwnames) => {
        dictUpdateCommon(self as PyDict, args, kwnames, 'update');
        return newNone();
      },
    },
    clear: {
      kind: 'noargs',
      fn: (self) => {
        dictClear(self as PyDict);
        return newNone();
      },
    },
    copy: { kind: 'noargs', fn: (self) => dictCopy(self as PyDict) },
    __reversed__: { kind: 'noargs', fn: (self) => dictReversed(self as PyDict, 'keys') },
  },
  classMethods: {
    fromkeys: { kind: 'fast', fn: dictFromKeys },
    __class_getitem__: { kind: 'o', fn: newGenericAlias },
  },
  attributes: () => ({ __hash__: None }),
  doc: 'dict() -> new empty dictionary\n'
    + "dict(mapping) -> new dictionary initialized from a mapping object's\n"
    + '    (key, value) pairs\n'
    + 'dict(iterable) -> new dictionary initialized as if via:\n'
    + '    d = {}\n'
    + '    for k, v in iterable:\n'
    + '        d[k] = v\n'
    + 'dict(**kwargs) -> new dictionary initialized with the name=value pairs\n'
    + '    in the keyword argument list.  For example:  dict(one=1, two=2)',
});

/** The dict a native caller fills: PyDict_New under the name the VM's call paths use. */
export function isDict(o: PyObject): o is PyDict {
  return o instanceof PyDict;
}

// ------------------------------------------------------------------ inspection (the %dict magic)

export interface DictEntryView {
  /** position in dk_entries */
  index: number;
  /** null for a deleted entry */
  key: PyObject | null;
  value: PyObject | null;
  hash: bigint | null;
}

export interface DictLayout {
  kind: 'general' | 'unicode' | 'split';
  log2Size: number;
  /** bytes per slot of dk_indices */
  indexWidth: number;
  usable: number;
  nentries: number;
  used: number;
  /** address and size of the keys object (0 for the shared empty keys) */
  keysAddr: number;
  keysBytes: number;
  /** dk_indices: entry index, DKIX_EMPTY (-1) or DKIX_DUMMY (-2) per slot */
  indices: number[];
  entries: DictEntryView[];
}

const KIND_NAMES = ['general', 'unicode', 'split'] as const;

/** A snapshot of a dict's table, borrowed references only. */
export function dictLayout(d: PyDict): DictLayout {
  const k = d.maKeys;
  const entries: DictEntryView[] = [];
  for (let i = 0; i < k.nentries; i++) {
    const key = k.keys[i] ?? null;
    const value = d.maValues ? d.maValues.values[i] ?? null : k.values[i] ?? null;
    entries.push({ index: i, key, value, hash: key ? joinHash(k.hashLo[i]!, k.hashHi[i]!) : null });
  }
  return {
    kind: KIND_NAMES[k.kind],
    log2Size: k.log2Size,
    indexWidth: k.indexWidth,
    usable: k.usable,
    nentries: k.nentries,
    used: d.used,
    keysAddr: k.addr,
    keysBytes: k === EMPTY_KEYS ? 0 : keysSize(k),
    indices: Array.from(k.indices),
    entries,
  };
}

/** The slots the lookup of `key` visits, ending where it stops (its entry or an empty slot). */
export function dictKeyProbe(d: PyDict, key: PyObject): number[] {
  hashHalves(key);
  const lo = H.lo;
  const hi = H.hi;
  const ix = dictLookup(d, key, lo, hi);
  return probeSequence(d.maKeys, lo, hi, ix >= 0 ? ix : DKIX_EMPTY);
}
