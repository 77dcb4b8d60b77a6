// dict (Objects/dictobject.c). PROVISIONAL: this file fixes the API the rest of the engine calls;
// the compact-table implementation (indices, entries, probing, resizing, sizes) replaces its
// inside.
import { PyGCObject, PyObject, decref, newref } from './object.js';
import { TypeFlags } from './type.js';
import { defineType } from './define.js';
import { allocObject, freeObject } from './heap.js';
import { gcTrack, gcUntrack } from '../gc/track.js';
import { PyStr } from './str.js';
import { equals, hash } from './abstract.js';
import { keyError } from './exceptions.js';

export class PyDict extends PyGCObject {
  keys: (PyObject | null)[] = [];
  values: (PyObject | null)[] = [];
  hashes: bigint[] = [];
  used = 0;
}

export const dictType = defineType({
  name: 'dict',
  flags: TypeFlags.BASETYPE | TypeFlags.HAVE_GC | TypeFlags.DICT_SUBCLASS | TypeFlags.MAPPING | TypeFlags.MATCH_SELF,
  layout: { basicsize: 48 },
  slots: {
    tp_dealloc: (o) => {
      const d = o as PyDict;
      gcUntrack(d);
      const keys = d.keys;
      const values = d.values;
      d.keys = [];
      d.values = [];
      d.used = 0;
      for (let i = 0; i < keys.length; i++) {
        if (keys[i]) decref(keys[i]!);
        if (values[i]) decref(values[i]!);
      }
      freeObject(d);
    },
    tp_traverse: (o, visit) => {
      const d = o as PyDict;
      for (let i = 0; i < d.keys.length; i++) {
        if (d.keys[i]) visit(d.keys[i]!);
        if (d.values[i]) visit(d.values[i]!);
      }
    },
    mp_length: (o) => (o as PyDict).used,
  },
});

export function newDict(): PyDict {
  const d = new PyDict(dictType);
  allocObject(d, 48);
  gcTrack(d);
  return d;
}

function find(d: PyDict, key: PyObject, h: bigint): number {
  for (let i = 0; i < d.keys.length; i++) {
    const k = d.keys[i];
    if (k && d.hashes[i] === h && (k === key || equals(k, key))) return i;
  }
  return -1;
}

function findStr(d: PyDict, name: string): number {
  for (let i = 0; i < d.keys.length; i++) {
    const k = d.keys[i];
    if (k instanceof PyStr && k.value === name) return i;
  }
  return -1;
}

/** PyDict_GetItemWithError: borrowed value or null. */
export function dictGetItem(d: PyDict, key: PyObject): PyObject | null {
  const i = find(d, key, hash(key));
  return i < 0 ? null : d.values[i]!;
}

/** PyDict_SetItem: the dict takes its own references. */
export function dictSetItem(d: PyDict, key: PyObject, value: PyObject): void {
  const h = hash(key);
  const i = find(d, key, h);
  newref(value);
  if (i >= 0) {
    const old = d.values[i]!;
    d.values[i] = value;
    decref(old);
    return;
  }
  d.keys.push(newref(key));
  d.values.push(value);
  d.hashes.push(h);
  d.used++;
}

/** PyDict_DelItem: KeyError when missing. */
export function dictDelItem(d: PyDict, key: PyObject): void {
  const i = find(d, key, hash(key));
  if (i < 0) throw keyError(key);
  removeAt(d, i);
}

function removeAt(d: PyDict, i: number): void {
  const k = d.keys[i]!;
  const v = d.values[i]!;
  d.keys[i] = null;
  d.values[i] = null;
  d.used--;
  decref(k);
  decref(v);
}

/** Borrowed value for a str key given as text (namespaces, attributes), or null. */
export function dictGetStr(d: PyDict, name: string): PyObject | null {
  const i = findStr(d, name);
  return i < 0 ? null : d.values[i]!;
}

export function dictSetStr(d: PyDict, key: PyStr, value: PyObject): void {
  dictSetItem(d, key, value);
}

/** Deletes a str key given as text; false when it was missing. */
export function dictDelStr(d: PyDict, name: string): boolean {
  const i = findStr(d, name);
  if (i < 0) return false;
  removeAt(d, i);
  return true;
}

/** Live (key, value) pairs in insertion order, borrowed. */
export function* dictItems(d: PyDict): Generator<[PyObject, PyObject]> {
  for (let i = 0; i < d.keys.length; i++) {
    const k = d.keys[i];
    if (k) yield [k, d.values[i]!];
  }
}
