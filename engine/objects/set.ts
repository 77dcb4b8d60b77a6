// set and frozenset (Objects/setobject.c, CPython 3.11): an open-addressing table of (hash, key)
// entries probed linearly LINEAR_PROBES slots before jumping, with an 8-entry table inside the
// object (which is why an empty set is 216 bytes) and a PyMem table once it grows.
import { newGenericAlias } from './genericalias.js';
import { newTuple } from './tuple.js';
import { PyGCObject, PyObject, decref, incref, newref } from './object.js';
import { CompareOp, PyType, TypeFlags } from './type.js';
import { defineType } from './define.js';
import { allocBuffer, allocObject, freeBuffer, freeObject, heap } from './heap.js';
import { growthRules } from '../profiles/growth.js';
import { gcTrack, gcUntrack } from '../gc/track.js';
import { None } from './singletons.js';
import { newBool, newInt } from './int.js';
import { newStr } from './str.js';
import {
  forEach, getAttrOrNull, getIter, iterNext, newNone, newNotImplemented, reprString, richCompareBool,
} from './abstract.js';
import { newList } from './list.js';
import { TypeError, exceptionMatches, isException, keyError, pyErr, KeyError, runtimeError } from './exceptions.js';
import { H, hashHalves, isExactStr, joinHash } from './hashparts.js';
import { PERTURB_SHIFT } from './dictkeys.js';
import { PyDict, dictType, dictHashAt, dictKeyAt, dictNextPos, dictGetItemKnownHash } from './dict.js';
import { guardedRepr } from './reprguard.js';
import { checkPositional, noKeywords } from './argcheck.js';

/** PySet_MINSIZE and LINEAR_PROBES */
const PySet_MINSIZE = 8;
const LINEAR_PROBES = 9;
/** sizeof(PySetObject): header, fill, used, mask, table, hash, finger, smalltable[8], weakreflist */
export const SET_BASICSIZE = 200;
/** sizeof(setentry) */
const ENTRY_SIZE = 16;

/** The dummy key a deleted entry keeps (its hash is -1). */
const DUMMY = Object.freeze({ dummy: true }) as unknown as PyObject;

export class PySet extends PyGCObject {
  fill = 0;
  used = 0;
  mask = PySet_MINSIZE - 1;
  keys: (PyObject | null)[] = new Array<PyObject | null>(PySet_MINSIZE).fill(null);
  hashLo = new Int32Array(PySet_MINSIZE);
  hashHi = new Int32Array(PySet_MINSIZE);
  /** Address of a PyMem table; 0 while the set uses its smalltable. */
  tableAddr = 0;
  /** frozenset's cached hash; -1n until computed */
  hash = -1n;
  finger = 0;
}

export function isAnySet(o: PyObject): o is PySet {
  return o instanceof PySet;
}

export function isAnySetExact(o: PyObject): o is PySet {
  return o.type === setType || o.type === frozensetType;
}

// ------------------------------------------------------------------ the table

/** set_lookkey: the entry index holding key, or -1. */
function setLookkey(so: PySet, key: PyObject, lo: number, hi: number): number {
  const strKey = isExactStr(key);
  restart: for (;;) {
    const keys = so.keys;
    let mask = so.mask;
    let i = lo & mask;
    let plo = lo;
    let phi = hi;
    for (;;) {
      let probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
      let j = i;
      do {
        const k = keys[j]!;
        if (k === null) return -1;
        if (so.hashLo[j] === lo && so.hashHi[j] === hi) {
          if (k === key) return j;
          if (strKey && isExactStr(k)) {
            if (k.value === (key as typeof k).value) return j;
          } else {
            incref(k);
            let eq: boolean;
            try {
              eq = richCompareBool(k, key, CompareOp.EQ);
            } finally {
              decref(k);
            }
            if (keys !== so.keys || so.keys[j] !== k) continue restart;
            if (eq) return j;
            mask = so.mask;
          }
        }
        j++;
      } while (probes--);
      plo = (plo >>> PERTURB_SHIFT) | (phi << (32 - PERTURB_SHIFT));
      phi = phi >>> PERTURB_SHIFT;
      i = (i * 5 + 1 + (plo >>> 0)) & mask;
    }
  }
}

/** set_insert_clean: place a key known to be absent into a table without dummies. */
function setInsertClean(so: PySet, key: PyObject, lo: number, hi: number): void {
  const mask = so.mask;
  const keys = so.keys;
  let i = lo & mask;
  let plo = lo;
  let phi = hi;
  for (;;) {
    if (keys[i] === null) break;
    let found = false;
    if (i + LINEAR_PROBES <= mask) {
      for (let j = 1; j <= LINEAR_PROBES; j++) {
        if (keys[i + j] === null) {
          i += j;
          found = true;
          break;
        }
      }
    }
    if (found) break;
    plo = (plo >>> PERTURB_SHIFT) | (phi << (32 - PERTURB_SHIFT));
    phi = phi >>> PERTURB_SHIFT;
    i = (i * 5 + 1 + (plo >>> 0)) & mask;
  }
  keys[i] = key;
  so.hashLo[i] = lo;
  so.hashHi[i] = hi;
}

/** Whether a table of this mask must grow before holding `fill` slots (3/5 full from 3.7, 2/3 before). */
function setTableFull(fill: number, mask: number): boolean {
  const [num, den] = growthRules(heap.profile).setMaxFill;
  return fill * den >= mask * num;
}

/** set_table_resize: a table of the smallest power of two > minused; dummies are dropped. */
function setTableResize(so: PySet, minused: number): void {
  let newsize = PySet_MINSIZE;
  while (newsize <= minused) newsize *= 2;
  const oldKeys = so.keys;
  const oldLo = so.hashLo;
  const oldHi = so.hashHi;
  const oldAddr = so.tableAddr;
  if (newsize === PySet_MINSIZE && oldAddr === 0 && so.fill === so.used) return;
  so.tableAddr = newsize === PySet_MINSIZE ? 0 : allocBuffer(newsize * ENTRY_SIZE);
  so.mask = newsize - 1;
  so.keys = new Array<PyObject | null>(newsize).fill(null);
  so.hashLo = new Int32Array(newsize);
  so.hashHi = new Int32Array(newsize);
  so.fill = so.used;
  for (let i = 0; i < oldKeys.length; i++) {
    const k = oldKeys[i]!;
    if (k !== null && k !== DUMMY) setInsertClean(so, k, oldLo[i]!, oldHi[i]!);
  }
  if (oldAddr !== 0) freeBuffer(oldAddr);
}

/** set_add_entry: the key is borrowed; the set takes a reference when it inserts. */
function setAddEntry(so: PySet, key: PyObject, lo: number, hi: number): void {
  incref(key);
  const strKey = isExactStr(key);
  restart: for (;;) {
    const keys = so.keys;
    let mask = so.mask;
    let i = lo & mask;
    let plo = lo;
    let phi = hi;
    let freeslot = -1;
    for (;;) {
      let probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
      let j = i;
      do {
        const k = keys[j]!;
        if (k === null) {
          if (freeslot >= 0) {
            so.used++;
            keys[freeslot] = key;
            so.hashLo[freeslot] = lo;
            so.hashHi[freeslot] = hi;
            return;
          }
          so.fill++;
          so.used++;
          keys[j] = key;
          so.hashLo[j] = lo;
          so.hashHi[j] = hi;
          if (!setTableFull(so.fill, mask)) return;
          setTableResize(so, so.used > 50000 ? so.used * 2 : so.used * 4);
          return;
        }
        if (so.hashLo[j] === lo && so.hashHi[j] === hi) {
          if (k === key || (strKey && isExactStr(k) && k.value === (key as typeof k).value)) {
            decref(key);
            return;
          }
          incref(k);
          let eq: boolean;
          try {
            eq = richCompareBool(k, key, CompareOp.EQ);
          } catch (e) {
            decref(key);
            throw e;
          } finally {
            decref(k);
          }
          if (eq) {
            decref(key);
            return;
          }
          if (keys !== so.keys || so.keys[j] !== k) continue restart;
          mask = so.mask;
        } else if (k === DUMMY && freeslot < 0) {
          freeslot = j;
        }
        j++;
      } while (probes--);
      plo = (plo >>> PERTURB_SHIFT) | (phi << (32 - PERTURB_SHIFT));
      phi = phi >>> PERTURB_SHIFT;
      i = (i * 5 + 1 + (plo >>> 0)) & mask;
    }
  }
}

/** set_add_key */
export function setAdd(so: PySet, key: PyObject): void {
  hashHalves(key);
  setAddEntry(so, key, H.lo, H.hi);
}

/** set_discard_entry: true when the key was there. */
function setDiscardEntry(so: PySet, key: PyObject, lo: number, hi: number): boolean {
  const j = setLookkey(so, key, lo, hi);
  if (j < 0) return false;
  const old = so.keys[j]!;
  so.keys[j] = DUMMY;
  so.hashLo[j] = -1;
  so.hashHi[j] = -1;
  so.used--;
  decref(old);
  return true;
}

/** Hashes a key for a lookup; an unhashable set becomes a temporary frozenset (set_contains). */
function withHashableKey<T>(key: PyObject, fn: (k: PyObject) => T): T {
  try {
    hashHalves(key);
  } catch (e) {
    if (!(key instanceof PySet) || key.type === frozensetType || !isException(e) || !exceptionMatches(e, TypeError)) throw e;
    decref(e);
    const tmp = makeNewSet(frozensetType, key);
    try {
      hashHalves(tmp);
      return fn(tmp);
    } finally {
      decref(tmp);
    }
  }
  return fn(key);
}

export function setContains(so: PySet, key: PyObject): boolean {
  return withHashableKey(key, (k) => setLookkey(so, k, H.lo, H.hi) >= 0);
}

function setDiscardKey(so: PySet, key: PyObject): boolean {
  return withHashableKey(key, (k) => setDiscardEntry(so, k, H.lo, H.hi));
}

/** set_next: the next active entry index at or after pos, or -1. */
function setNext(so: PySet, pos: number): number {
  const keys = so.keys;
  while (pos <= so.mask) {
    const k = keys[pos];
    if (k !== null && k !== DUMMY) return pos;
    pos++;
  }
  return -1;
}

/** Live keys, borrowed, in table order. */
export function* setItems(so: PySet): Generator<PyObject> {
  for (let i = setNext(so, 0); i >= 0; i = setNext(so, i + 1)) yield so.keys[i]!;
}

/** set_clear_internal */
function setClearInternal(so: PySet): void {
  const keys = so.keys;
  const addr = so.tableAddr;
  so.keys = new Array<PyObject | null>(PySet_MINSIZE).fill(null);
  so.hashLo = new Int32Array(PySet_MINSIZE);
  so.hashHi = new Int32Array(PySet_MINSIZE);
  so.mask = PySet_MINSIZE - 1;
  so.fill = 0;
  so.used = 0;
  so.tableAddr = 0;
  so.hash = -1n;
  for (const k of keys) if (k !== null && k !== DUMMY) decref(k);
  if (addr !== 0) freeBuffer(addr);
}

/** set_merge */
function setMerge(so: PySet, other: PySet): void {
  if (other === so || other.used === 0) return;
  if (setTableFull(so.fill + other.used, so.mask)) setTableResize(so, (so.used + other.used) * 2);
  if (so.fill === 0 && so.mask === other.mask && other.fill === other.used) {
    for (let i = 0; i <= other.mask; i++) {
      const k = other.keys[i]!;
      if (k === null) continue;
      so.keys[i] = newref(k);
      so.hashLo[i] = other.hashLo[i]!;
      so.hashHi[i] = other.hashHi[i]!;
    }
    so.fill = other.fill;
    so.used = other.used;
    return;
  }
  if (so.fill === 0) {
    so.fill = other.used;
    so.used = other.used;
    for (let i = 0; i <= other.mask; i++) {
      const k = other.keys[i]!;
      if (k !== null && k !== DUMMY) setInsertClean(so, newref(k), other.hashLo[i]!, other.hashHi[i]!);
    }
    return;
  }
  for (let i = 0; i <= other.mask; i++) {
    const k = other.keys[i]!;
    if (k !== null && k !== DUMMY) setAddEntry(so, k, other.hashLo[i]!, other.hashHi[i]!);
  }
}

/** set_update_internal: from a set, a dict (with its cached hashes) or any iterable. */
export function setUpdate(so: PySet, other: PyObject): void {
  if (other instanceof PySet) {
    setMerge(so, other);
    return;
  }
  if (other instanceof PyDict && other.type === dictType) {
    const n = other.used;
    if (setTableFull(so.fill + n, so.mask)) setTableResize(so, (so.used + n) * 2);
    for (let pos = dictNextPos(other, 0); pos >= 0; pos = dictNextPos(other, pos + 1)) {
      hashSplit(dictHashAt(other, pos));
      setAddEntry(so, dictKeyAt(other, pos), H.lo, H.hi);
    }
    return;
  }
  forEach(other, (key) => setAdd(so, key));
}

function hashSplit(h: bigint): void {
  const lo = Number(BigInt.asIntN(32, h));
  const hi = Number(BigInt.asIntN(32, h >> 32n));
  H.lo = lo;
  H.hi = hi;
}

// ------------------------------------------------------------------ creation

/** make_new_set: sets are GC-tracked from birth; there is no set free list in 3.11. */
export function makeNewSet(type: PyType, iterable: PyObject | null): PySet {
  const so = new PySet(type);
  allocObject(so, type.basicsize);
  gcTrack(so);
  if (iterable !== null) {
    try {
      setUpdate(so, iterable);
    } catch (e) {
      decref(so);
      throw e;
    }
  }
  return so;
}

/** make_new_set_basetype: results of set operations are plain sets or frozensets. */
function makeNewSetBasetype(type: PyType, iterable: PyObject | null): PySet {
  if (type !== setType && type !== frozensetType) type = type.isSubtype(setType) ? setType : frozensetType;
  return makeNewSet(type, iterable);
}

/** PySet_New / PyFrozenSet_New */
export const newSet = (iterable: PyObject | null = null): PySet => makeNewSet(setType, iterable);
export const newFrozenSet = (iterable: PyObject | null = null): PySet => makeNewSet(frozensetType, iterable);

function setCopy(so: PySet): PySet {
  return makeNewSetBasetype(so.type, so);
}

function setDealloc(o: PyObject): void {
  const so = o as PySet;
  gcUntrack(so);
  const keys = so.keys;
  const addr = so.tableAddr;
  so.keys = [];
  so.used = 0;
  so.fill = 0;
  for (const k of keys) if (k !== null && k !== DUMMY) decref(k);
  if (addr !== 0) freeBuffer(addr);
  freeObject(so);
}

// ------------------------------------------------------------------ algebra

function containsEntryAt(so: PySet, other: PySet, i: number): boolean {
  const key = newref(other.keys[i]!);
  try {
    return setLookkey(so, key, other.hashLo[i]!, other.hashHi[i]!) >= 0;
  } finally {
    decref(key);
  }
}

/** set_intersection */
function setIntersection(so: PySet, other: PyObject): PySet {
  if (so === other) return setCopy(so);
  const result = makeNewSetBasetype(so.type, null);
  try {
    if (other instanceof PySet) {
      let a: PySet = so;
      let b: PySet = other;
      if (b.used > a.used) [a, b] = [b, a];
      for (let i = setNext(b, 0); i >= 0; i = setNext(b, i + 1)) {
        if (containsEntryAt(a, b, i)) setAddEntry(result, b.keys[i]!, b.hashLo[i]!, b.hashHi[i]!);
      }
      return result;
    }
    forEach(other, (key) => {
      hashHalves(key);
      const lo = H.lo;
      const hi = H.hi;
      if (setLookkey(so, key, lo, hi) >= 0) setAddEntry(result, key, lo, hi);
    });
    return result;
  } catch (e) {
    decref(result);
    throw e;
  }
}

/** set_swap_bodies: intersection_update keeps the object and takes the result's table. */
function setSwapBodies(a: PySet, b: PySet): void {
  [a.keys, b.keys] = [b.keys, a.keys];
  [a.hashLo, b.hashLo] = [b.hashLo, a.hashLo];
  [a.hashHi, b.hashHi] = [b.hashHi, a.hashHi];
  [a.tableAddr, b.tableAddr] = [b.tableAddr, a.tableAddr];
  [a.fill, b.fill] = [b.fill, a.fill];
  [a.used, b.used] = [b.used, a.used];
  [a.mask, b.mask] = [b.mask, a.mask];
  if (a.type.isSubtype(frozensetType) && b.type.isSubtype(frozensetType)) [a.hash, b.hash] = [b.hash, a.hash];
  else {
    a.hash = -1n;
    b.hash = -1n;
  }
}

function setIntersectionUpdate(so: PySet, others: PyObject[]): void {
  let result: PySet = newref(so);
  for (const other of others) {
    try {
      const next = setIntersection(result, other);
      decref(result);
      result = next;
    } catch (e) {
      decref(result);
      throw e;
    }
  }
  setSwapBodies(so, result);
  decref(result);
}

/** set_difference_update_internal */
function setDifferenceUpdate(so: PySet, other: PyObject): void {
  if (so === other) {
    setClearInternal(so);
    return;
  }
  if (other instanceof PySet) {
    const src = other.used >> 3 > so.used ? setIntersection(so, other) : newref(other);
    try {
      for (let i = setNext(src, 0); i >= 0; i = setNext(src, i + 1)) {
        const key = newref(src.keys[i]!);
        try {
          setDiscardEntry(so, key, src.hashLo[i]!, src.hashHi[i]!);
        } finally {
          decref(key);
        }
      }
    } finally {
      decref(src);
    }
  } else {
    forEach(other, (key) => void setDiscardKey(so, key));
  }
  if (so.fill - so.used <= Math.floor(so.mask / 4)) return;
  setTableResize(so, so.used > 50000 ? so.used * 2 : so.used * 4);
}

/** set_difference */
function setDifference(so: PySet, other: PyObject): PySet {
  let otherSize: number;
  if (other instanceof PySet) otherSize = other.used;
  else if (other instanceof PyDict && other.type === dictType) otherSize = other.used;
  else return copyAndDifference(so, other);
  if (so.used >> 2 > otherSize) return copyAndDifference(so, other);
  const result = makeNewSetBasetype(so.type, null);
  try {
    for (let i = setNext(so, 0); i >= 0; i = setNext(so, i + 1)) {
      const key = newref(so.keys[i]!);
      const lo = so.hashLo[i]!;
      const hi = so.hashHi[i]!;
      try {
        const inOther = other instanceof PySet
          ? setLookkey(other, key, lo, hi) >= 0
          : dictGetItemKnownHash(other as PyDict, key, joinHash(lo, hi)) !== null;
        if (!inOther) setAddEntry(result, key, lo, hi);
      } finally {
        decref(key);
      }
    }
  } catch (e) {
    decref(result);
    throw e;
  }
  return result;
}

function copyAndDifference(so: PySet, other: PyObject): PySet {
  const result = setCopy(so);
  try {
    setDifferenceUpdate(result, other);
  } catch (e) {
    decref(result);
    throw e;
  }
  return result;
}

/** set_symmetric_difference_update */
function setSymmetricDifferenceUpdate(so: PySet, other: PyObject): void {
  if (so === other) {
    setClearInternal(so);
    return;
  }
  if (other instanceof PyDict && other.type === dictType) {
    for (let pos = dictNextPos(other, 0); pos >= 0; pos = dictNextPos(other, pos + 1)) {
      const key = newref(dictKeyAt(other, pos));
      try {
        hashSplit(dictHashAt(other, pos));
        const lo = H.lo;
        const hi = H.hi;
        if (!setDiscardEntry(so, key, lo, hi)) setAddEntry(so, key, lo, hi);
      } finally {
        decref(key);
      }
    }
    return;
  }
  const otherset = other instanceof PySet ? newref(other) : makeNewSetBasetype(so.type, other);
  try {
    for (let i = setNext(otherset, 0); i >= 0; i = setNext(otherset, i + 1)) {
      const key = newref(otherset.keys[i]!);
      const lo = otherset.hashLo[i]!;
      const hi = otherset.hashHi[i]!;
      try {
        if (!setDiscardEntry(so, key, lo, hi)) setAddEntry(so, key, lo, hi);
      } finally {
        decref(key);
      }
    }
  } finally {
    decref(otherset);
  }
}

function setSymmetricDifference(so: PySet, other: PyObject): PySet {
  const otherset = makeNewSetBasetype(so.type, other);
  try {
    setSymmetricDifferenceUpdate(otherset, so);
  } catch (e) {
    decref(otherset);
    throw e;
  }
  return otherset;
}

function setUnion(so: PySet, others: PyObject[]): PySet {
  const result = setCopy(so);
  try {
    for (const other of others) if (other !== so) setUpdate(result, other);
  } catch (e) {
    decref(result);
    throw e;
  }
  return result;
}

/** set_issubset */
function setIsSubset(so: PySet, other: PyObject): boolean {
  if (!(other instanceof PySet)) {
    const tmp = makeNewSet(setType, other);
    try {
      return setIsSubset(so, tmp);
    } finally {
      decref(tmp);
    }
  }
  if (so.used > other.used) return false;
  for (let i = setNext(so, 0); i >= 0; i = setNext(so, i + 1)) if (!containsEntryAt(other, so, i)) return false;
  return true;
}

/** set_issuperset */
function setIsSuperset(so: PySet, other: PyObject): boolean {
  if (other instanceof PySet) return setIsSubset(other, so);
  const it = getIter(other);
  try {
    for (let key = iterNext(it); key !== null; key = iterNext(it)) {
      const has = (() => {
        try {
          return setContains(so, key);
        } finally {
          decref(key);
        }
      })();
      if (!has) return false;
    }
  } finally {
    decref(it);
  }
  return true;
}

/** set_isdisjoint */
function setIsDisjoint(so: PySet, other: PyObject): boolean {
  if (so === other) return so.used === 0;
  if (isAnySetExact(other)) {
    let a: PySet = so;
    let b: PySet = other;
    if (b.used > a.used) [a, b] = [b, a];
    for (let i = setNext(b, 0); i >= 0; i = setNext(b, i + 1)) if (containsEntryAt(a, b, i)) return false;
    return true;
  }
  const it = getIter(other);
  try {
    for (let key = iterNext(it); key !== null; key = iterNext(it)) {
      let has: boolean;
      try {
        hashHalves(key);
        has = setLookkey(so, key, H.lo, H.hi) >= 0;
      } finally {
        decref(key);
      }
      if (has) return false;
    }
  } finally {
    decref(it);
  }
  return true;
}

// ------------------------------------------------------------------ protocol slots

/** _shuffle_bits and frozenset_hash */
const M64 = (1n << 64n) - 1n;
function shuffleBits(h: bigint): bigint {
  return (((h ^ 89869747n) ^ (h << 16n)) * 3644798167n) & M64;
}

function frozensetHash(o: PyObject): bigint {
  const so = o as PySet;
  if (so.hash !== -1n) return so.hash;
  let hash = 0n;
  for (let i = 0; i <= so.mask; i++) hash ^= shuffleBits(BigInt.asUintN(64, joinHash(so.hashLo[i]!, so.hashHi[i]!)));
  if (((so.mask + 1 - so.fill) & 1) !== 0) hash ^= shuffleBits(0n);
  if (((so.fill - so.used) & 1) !== 0) hash ^= shuffleBits(M64);
  hash ^= ((BigInt(so.used) + 1n) * 1927868237n) & M64;
  hash ^= (hash >> 11n) ^ (hash >> 25n);
  hash = (hash * 69069n + 907133923n) & M64;
  if (hash === M64) hash = 590923713n;
  so.hash = BigInt.asIntN(64, hash);
  return so.hash;
}

/** set_repr: `{1, 2}`, `set()`, `frozenset({1})`, `Sub({1})`. */
function setRepr(o: PyObject): PyObject {
  const so = o as PySet;
  const name = so.type.name;
  return newStr(guardedRepr(so, `${name}(...)`, () => {
    if (so.used === 0) return `${name}()`;
    const items: PyObject[] = [];
    for (const k of setItems(so)) items.push(newref(k));
    try {
      const body = `{${items.map(reprString).join(', ')}}`;
      return so.type === setType ? body : `${name}(${body})`;
    } finally {
      for (const k of items) decref(k);
    }
  }));
}

function setRichCompare(v: PyObject, w: PyObject, op: CompareOp): PyObject {
  if (!(w instanceof PySet)) return newNotImplemented();
  const a = v as PySet;
  switch (op) {
    case CompareOp.EQ:
    case CompareOp.NE: {
      let eq = a.used === w.used;
      if (eq && a.hash !== -1n && w.hash !== -1n && a.hash !== w.hash) eq = false;
      if (eq) eq = setIsSubset(a, w);
      return newBool(op === CompareOp.EQ ? eq : !eq);
    }
    case CompareOp.LE: return newBool(setIsSubset(a, w));
    case CompareOp.GE: return newBool(setIsSuperset(a, w));
    case CompareOp.LT: return newBool(a.used < w.used && setIsSubset(a, w));
    case CompareOp.GT: return newBool(a.used > w.used && setIsSuperset(a, w));
  }
}

/** The binary operators accept only sets on both sides (else NotImplemented). */
function setBinary(fn: (a: PySet, b: PySet) => PyObject) {
  return (a: PyObject, b: PyObject): PyObject => (a instanceof PySet && b instanceof PySet ? fn(a, b) : newNotImplemented());
}

function setInplace(fn: (a: PySet, b: PySet) => void) {
  return (a: PyObject, b: PyObject): PyObject => {
    if (!(b instanceof PySet)) return newNotImplemented();
    fn(a as PySet, b);
    return newref(a);
  };
}

// ------------------------------------------------------------------ iterator

export class PySetIter extends PyGCObject {
  constructor(type: PyType, public set: PySet | null, public siUsed: number, public pos: number, public len: number) {
    super(type);
  }
}

/** sizeof(setiterobject) */
const SETITER_SIZE = 48;

export const setIterType = defineType({
  name: 'set_iterator',
  flags: TypeFlags.HAVE_GC,
  layout: { basicsize: SETITER_SIZE },
  slots: {
    tp_dealloc: (o) => {
      const it = o as PySetIter;
      gcUntrack(it);
      const s = it.set;
      it.set = null;
      if (s) decref(s);
      freeObject(it);
    },
    tp_traverse: (o, visit) => {
      const s = (o as PySetIter).set;
      if (s) visit(s);
    },
    tp_iter: (o) => newref(o),
    tp_iternext: (o) => {
      const it = o as PySetIter;
      const so = it.set;
      if (so === null) return null;
      if (it.siUsed !== so.used) {
        it.siUsed = -1;
        throw runtimeError('Set changed size during iteration');
      }
      const i = setNext(so, it.pos);
      if (i < 0) {
        it.pos = so.mask + 1;
        it.set = null;
        decref(so);
        return null;
      }
      it.pos = i + 1;
      it.len--;
      return newref(so.keys[i]!);
    },
  },
  methods: {
    __length_hint__: {
      kind: 'noargs',
      fn: (self) => {
        const it = self as PySetIter;
        return newInt(it.set !== null && it.siUsed === it.set.used ? it.len : 0);
      },
    },
  },
});

function setIter(o: PyObject): PyObject {
  const so = o as PySet;
  const it = new PySetIter(setIterType, newref(so), so.used, 0, so.used);
  allocObject(it, SETITER_SIZE);
  gcTrack(it);
  return it;
}

// ------------------------------------------------------------------ the types

function setNew(type: PyType, args: PyObject[], kwnames: readonly string[] | null, name: string): PyObject {
  if (type === setType || type === frozensetType) noKeywords(name, kwnames);
  const n = args.length - (kwnames?.length ?? 0);
  checkPositional(type.name, n, 0, 1);
  const iterable = n === 1 ? args[0]! : null;
  if (type === frozensetType && iterable !== null && iterable.type === frozensetType) return newref(iterable);
  return makeNewSet(type, type === setType || type.isSubtype(setType) ? null : iterable);
}

function multiArg(fn: (so: PySet, others: PyObject[]) => PyObject) {
  return { kind: 'fast' as const, fn: (self: PyObject, args: PyObject[]) => fn(self as PySet, args) };
}

/** set_reduce: the class called with a list of the elements, and the instance dict (or None). */
function setReduce(self: PyObject): PyObject {
  const so = self as PySet;
  const keys: PyObject[] = [];
  for (const k of so.keys) if (k !== null && k !== DUMMY) keys.push(newref(k));
  const state = getAttrOrNull(so, '__dict__') ?? newref(None);
  return newTuple([newref(so.type), newTuple([newList(keys)]), state]);
}

const sharedMethods = {
  __reduce__: { kind: 'noargs' as const, fn: setReduce },
  __contains__: { kind: 'o' as const, fn: (self: PyObject, key: PyObject) => newBool(setContains(self as PySet, key)) },
  __sizeof__: {
    kind: 'noargs' as const,
    fn: (self: PyObject) => {
      const so = self as PySet;
      return newInt(so.type.basicsize + (so.tableAddr !== 0 ? (so.mask + 1) * ENTRY_SIZE : 0));
    },
  },
  difference: multiArg((so, others) => {
    if (others.length === 0) return setCopy(so);
    const result = setDifference(so, others[0]!);
    try {
      for (const o of others.slice(1)) setDifferenceUpdate(result, o);
    } catch (e) {
      decref(result);
      throw e;
    }
    return result;
  }),
  intersection: multiArg((so, others) => {
    if (others.length === 0) return setCopy(so);
    let result: PySet = newref(so);
    for (const other of others) {
      try {
        const next = setIntersection(result, other);
        decref(result);
        result = next;
      } catch (e) {
        decref(result);
        throw e;
      }
    }
    return result;
  }),
  isdisjoint: { kind: 'o' as const, fn: (self: PyObject, o: PyObject) => newBool(setIsDisjoint(self as PySet, o)) },
  issubset: { kind: 'o' as const, fn: (self: PyObject, o: PyObject) => newBool(setIsSubset(self as PySet, o)) },
  issuperset: { kind: 'o' as const, fn: (self: PyObject, o: PyObject) => newBool(setIsSuperset(self as PySet, o)) },
  symmetric_difference: { kind: 'o' as const, fn: (self: PyObject, o: PyObject) => setSymmetricDifference(self as PySet, o) },
  union: multiArg(setUnion),
};

const sharedSlots = {
  tp_dealloc: setDealloc,
  tp_traverse: (o: PyObject, visit: (c: PyObject) => void) => {
    for (const k of setItems(o as PySet)) visit(k);
  },
  tp_repr: setRepr,
  tp_richcompare: setRichCompare,
  tp_iter: setIter,
  sq_length: (o: PyObject) => (o as PySet).used,
  sq_contains: (o: PyObject, k: PyObject) => setContains(o as PySet, k),
  nb_subtract: setBinary(setDifference),
  nb_and: setBinary(setIntersection),
  nb_xor: setBinary(setSymmetricDifference),
  nb_or: setBinary((a, b) => setUnion(a, [b])),
};

function noneResult(fn: (so: PySet, arg: PyObject) => void) {
  return { kind: 'o' as const, fn: (self: PyObject, arg: PyObject) => {
    fn(self as PySet, arg);
    return newNone();
  } };
}

function eachArg(fn: (so: PySet, arg: PyObject) => void) {
  return { kind: 'fast' as const, fn: (self: PyObject, args: PyObject[]) => {
    for (const a of args) fn(self as PySet, a);
    return newNone();
  } };
}

export const setType = defineType({
  name: 'set',
  flags: TypeFlags.BASETYPE | TypeFlags.HAVE_GC | TypeFlags.MATCH_SELF,
  layout: { basicsize: SET_BASICSIZE },
  slots: {
    ...sharedSlots,
    tp_new: (type, args, kwnames) => setNew(type, args, kwnames, 'set'),
    tp_init: (self, args, kwnames) => {
      const so = self as PySet;
      noKeywords('set', kwnames);
      checkPositional(so.type.name, args.length, 0, 1);
      if (so.fill) setClearInternal(so);
      so.hash = -1n;
      if (args.length === 1) setUpdate(so, args[0]!);
    },
    nb_inplace_subtract: setInplace(setDifferenceUpdate),
    nb_inplace_and: setInplace((a, b) => setIntersectionUpdate(a, [b])),
    nb_inplace_xor: setInplace(setSymmetricDifferenceUpdate),
    nb_inplace_or: setInplace(setUpdate),
  },
  methods: {
    ...sharedMethods,
    add: noneResult(setAdd),
    clear: { kind: 'noargs', fn: (self) => {
      setClearInternal(self as PySet);
      return newNone();
    } },
    copy: { kind: 'noargs', fn: (self) => setCopy(self as PySet) },
    discard: noneResult((so, key) => void setDiscardKey(so, key)),
    difference_update: eachArg(setDifferenceUpdate),
    intersection_update: { kind: 'fast', fn: (self, args) => {
      setIntersectionUpdate(self as PySet, args);
      return newNone();
    } },
    pop: { kind: 'noargs', fn: (self) => setPop(self as PySet) },
    remove: noneResult((so, key) => {
      if (!setDiscardKey(so, key)) throw keyError(key);
    }),
    symmetric_difference_update: noneResult(setSymmetricDifferenceUpdate),
    update: eachArg(setUpdate),
  },
  classMethods: { __class_getitem__: { kind: 'o', fn: newGenericAlias } },
  attributes: () => ({ __hash__: None }),
  doc: 'set() -> new empty set object\nset(iterable) -> new set object\n\nBuild an unordered collection of unique elements.',
});

export const frozensetType = defineType({
  name: 'frozenset',
  flags: TypeFlags.BASETYPE | TypeFlags.HAVE_GC | TypeFlags.MATCH_SELF,
  layout: { basicsize: SET_BASICSIZE },
  slots: {
    ...sharedSlots,
    tp_hash: frozensetHash,
    tp_new: (type, args, kwnames) => setNew(type, args, kwnames, 'frozenset'),
  },
  classMethods: { __class_getitem__: { kind: 'o', fn: newGenericAlias } },
  methods: {
    ...sharedMethods,
    copy: { kind: 'noargs', fn: (self) => (self.type === frozensetType ? newref(self) : makeNewSet(frozensetType, self)) },
  },
  doc: 'frozenset() -> empty frozenset object\nfrozenset(iterable) -> frozenset object\n\nBuild an immutable unordered collection of unique elements.',
});

/** set_pop: the search finger makes repeated pops walk the table instead of rescanning it. */
function setPop(so: PySet): PyObject {
  if (so.used === 0) throw pyErr(KeyError, 'pop from an empty set');
  let i = so.finger & so.mask;
  for (;;) {
    const k = so.keys[i];
    if (k !== null && k !== DUMMY) break;
    i++;
    if (i > so.mask) i = 0;
  }
  const key = so.keys[i]!;
  so.keys[i] = DUMMY;
  so.hashLo[i] = -1;
  so.hashHi[i] = -1;
  so.used--;
  so.finger = i + 1;
  return key;
}


/** The frozenset constant the 3.11 compiler makes for a set display of constants: built from
 *  the items (the AST optimizer), then rebuilt from that set's iteration order when constants
 *  are merged (compile.c merge_consts_recursive). Items are borrowed. */
export function frozensetConstant(items: PyObject[]): PySet {
  const first = frozensetOf(items);
  try {
    return frozensetOf([...setItems(first)]);
  } finally {
    decref(first);
  }
}

function frozensetOf(items: PyObject[]): PySet {
  const t = newTuple(items.map((x) => newref(x)));
  try {
    return newFrozenSet(t);
  } finally {
    decref(t);
  }
}
