// The keys object of 3.11's compact dict (Objects/dictobject.c PyDictKeysObject): a hash index
// of 2**log2Size slots whose width grows with the table (int8 .. int64), followed by the entries
// in insertion order (24 bytes with a cached hash, or 16 when every key is a str). The keys
// object is its own allocation, which is why a dict's size jumps when it is replaced.
import type { PyObject } from './object.js';
import { allocBuffer, freeBuffer, heap } from './heap.js';
import { objectLayouts } from '../profiles/objects.js';
import { FreeListSlot } from './freelists.js';

export const enum DictKeysKind {
  GENERAL = 0,
  UNICODE = 1,
  SPLIT = 2,
}

export const DKIX_EMPTY = -1;
export const DKIX_DUMMY = -2;
export const PyDict_LOG_MINSIZE = 3;
export const PERTURB_SHIFT = 5;
/** sizeof(PyDictKeysObject) on 64-bit Linux in 3.11: refcnt, three uint8 fields, version, usable, nentries. */
export const KEYS_HEADER = 32;
/** sizeof(PyDictKeyEntry) and sizeof(PyDictUnicodeEntry) */
export const GENERAL_ENTRY_SIZE = 24;
export const UNICODE_ENTRY_SIZE = 16;

/** USABLE_FRACTION: a table of n slots holds at most 2n/3 entries. */
export function usableFraction(n: number): number {
  return Math.floor((n * 2) / 3);
}

/** calculate_log2_keysize: the smallest power of two >= minsize, and at least 8. */
export function calculateLog2Keysize(minsize: number): number {
  let log2 = PyDict_LOG_MINSIZE;
  while (2 ** log2 < minsize) log2++;
  return log2;
}

/** estimate_log2_keysize: a table that holds n entries without resizing. */
export function estimateLog2Keysize(n: number): number {
  return calculateLog2Keysize(Math.floor((n * 3 + 1) / 2));
}

/** dk_log2_index_bytes for a table of 2**log2Size slots (new_keys_object). */
function log2IndexBytes(log2Size: number): number {
  if (log2Size < 8) return log2Size;
  if (log2Size < 16) return log2Size + 1;
  if (log2Size < 32) return log2Size + 2;
  return log2Size + 3;
}

export class PyDictKeys {
  refcnt = 1;
  /** Simulated address of the keys object; the static empty keys live in the data segment. */
  addr = 0;
  readonly log2Size: number;
  readonly log2IndexBytes: number;
  kind: DictKeysKind;
  usable: number;
  nentries = 0;
  /** dk_indices: entry index, DKIX_EMPTY or DKIX_DUMMY per slot. */
  readonly indices: Int32Array;
  /** dk_entries[0 .. dk_nentries): keys and (for combined tables) values, null once deleted,
   *  with each key's hash in two halves. */
  readonly keys: (PyObject | null)[];
  readonly values: (PyObject | null)[];
  readonly hashLo: Int32Array;
  readonly hashHi: Int32Array;
  /** Host-side index of exact-str keys by text, built on the first lookup by name (namespaces). */
  strIndex: Map<string, number> | null = null;

  constructor(log2Size: number, kind: DictKeysKind) {
    this.log2Size = log2Size;
    this.log2IndexBytes = log2IndexBytes(log2Size);
    this.kind = kind;
    const capacity = usableFraction(2 ** log2Size);
    this.usable = capacity;
    this.indices = new Int32Array(2 ** log2Size).fill(DKIX_EMPTY);
    // entries are appended in order, so the arrays grow by pushes and stay packed
    this.keys = [];
    this.values = [];
    this.hashLo = new Int32Array(capacity);
    this.hashHi = new Int32Array(capacity);
  }

  get size(): number {
    return this.indices.length;
  }

  get mask(): number {
    return this.indices.length - 1;
  }

  /** Bytes of one slot of dk_indices: 1, 2, 4 or 8. */
  get indexWidth(): number {
    return 2 ** (this.log2IndexBytes - this.log2Size);
  }

  get entrySize(): number {
    const strOnly = this.kind !== DictKeysKind.GENERAL && objectLayouts(heap.profile).dictStrOnlyEntries;
    return strOnly ? UNICODE_ENTRY_SIZE : GENERAL_ENTRY_SIZE;
  }
}

/** _PyDict_KeysSize: header, index bytes and the entries of a keys object. */
export function keysSize(k: PyDictKeys): number {
  return objectLayouts(heap.profile).dictKeysHeader + 2 ** k.log2IndexBytes + usableFraction(k.size) * k.entrySize;
}

/** Py_EMPTY_KEYS: the static keys every empty dict shares; nothing is ever inserted into it. */
export const EMPTY_KEYS = new PyDictKeys(PyDict_LOG_MINSIZE, DictKeysKind.UNICODE);
EMPTY_KEYS.usable = 0;
EMPTY_KEYS.refcnt = 1 << 30;

/** keys_free_list: kept keys objects of the minimum size with str-only entries. */
const keysFreeList = new FreeListSlot('dictKeys', ['PyDictKeysObject', KEYS_HEADER + 8 + 5 * UNICODE_ENTRY_SIZE]);

/** new_keys_object; before 3.11 a str-only table has the general 24-byte entries. */
export function newKeysObject(log2Size: number, strOnly: boolean): PyDictKeys {
  const unicode = strOnly && objectLayouts(heap.profile).dictStrOnlyEntries;
  const k = new PyDictKeys(log2Size, unicode ? DictKeysKind.UNICODE : DictKeysKind.GENERAL);
  const kept = log2Size === PyDict_LOG_MINSIZE && unicode ? keysFreeList.get().pop() : undefined;
  k.addr = kept ?? allocBuffer(keysSize(k));
  return k;
}

/** The memory half of free_keys_object (the caller has dropped the entries' references). */
export function freeKeysMemory(k: PyDictKeys): void {
  if (k === EMPTY_KEYS) return;
  if (k.log2Size === PyDict_LOG_MINSIZE && k.kind === DictKeysKind.UNICODE && keysFreeList.get().push(k.addr)) {
    k.addr = 0;
    return;
  }
  freeBuffer(k.addr);
  k.addr = 0;
}

/** The slot where a new entry with this hash goes: the first empty or dummy slot of its probe
 *  sequence (find_empty_slot). */
export function findEmptySlot(k: PyDictKeys, lo: number, hi: number): number {
  const mask = k.mask;
  const indices = k.indices;
  let i = lo & mask;
  let plo = lo;
  let phi = hi;
  while (indices[i]! >= 0) {
    plo = (plo >>> PERTURB_SHIFT) | (phi << (32 - PERTURB_SHIFT));
    phi = phi >>> PERTURB_SHIFT;
    i = (i * 5 + (plo >>> 0) + 1) & mask;
  }
  return i;
}

/** The slot that holds entry `ix`, following the probe sequence of its hash (lookdict_index). */
export function lookdictIndex(k: PyDictKeys, lo: number, hi: number, ix: number): number {
  const mask = k.mask;
  const indices = k.indices;
  let i = lo & mask;
  let plo = lo;
  let phi = hi;
  for (;;) {
    const v = indices[i]!;
    if (v === ix) return i;
    if (v === DKIX_EMPTY) return -1;
    plo = (plo >>> PERTURB_SHIFT) | (phi << (32 - PERTURB_SHIFT));
    phi = phi >>> PERTURB_SHIFT;
    i = (i * 5 + (plo >>> 0) + 1) & mask;
  }
}

/** The slots a hash visits, up to and including the one where its probe stops (an empty slot,
 *  or the slot of entry `stopAt`): what the %dict magic draws. */
export function probeSequence(k: PyDictKeys, lo: number, hi: number, stopAt = DKIX_EMPTY): number[] {
  const mask = k.mask;
  const out: number[] = [];
  let i = lo & mask;
  let plo = lo;
  let phi = hi;
  for (let n = 0; n <= k.size * 8; n++) {
    out.push(i);
    const v = k.indices[i]!;
    if (v === stopAt || v === DKIX_EMPTY) break;
    plo = (plo >>> PERTURB_SHIFT) | (phi << (32 - PERTURB_SHIFT));
    phi = phi >>> PERTURB_SHIFT;
    i = (i * 5 + (plo >>> 0) + 1) & mask;
  }
  return out;
}

/** build_indices_generic / build_indices_unicode: index entries 0..n-1 of a fresh table. */
export function buildIndices(k: PyDictKeys, n: number): void {
  for (let ix = 0; ix < n; ix++) k.indices[findEmptySlot(k, k.hashLo[ix]!, k.hashHi[ix]!)] = ix;
}
