// str (Objects/unicodeobject.c): compact strings of 1, 2 or 4 bytes per character (PEP 393),
// with the interned-string table and the singletons CPython keeps.
import { PyObject } from './object.js';
import { TypeFlags } from './type.js';
import { defineType } from './define.js';
import { allocObject, allocStatic, freeObject } from './heap.js';

export class PyStr extends PyObject {
  /** The text; characters beyond U+FFFF are surrogate pairs here, one character in Python. */
  value: string;
  /** Length in code points (len() of the str). */
  length: number;
  /** PyUnicode_KIND: 1 (latin-1), 2 (UCS-2) or 4 (UCS-4) bytes per character. */
  kind: 1 | 2 | 4;
  /** Every character below 128: the compact ASCII layout. */
  ascii: boolean;
  /** Cached hash (unicode_hash caches it in the object too); null until computed. */
  hash: bigint | null = null;
  interned = false;
  constructor(type: PyObject['type'], value: string) {
    super(type);
    this.value = value;
    let kind: 1 | 2 | 4 = 1;
    let ascii = true;
    let length = value.length;
    for (let i = 0; i < value.length; i++) {
      const c = value.charCodeAt(i);
      if (c < 0x80) continue;
      ascii = false;
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < value.length) {
        const d = value.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          kind = 4;
          length--;
          i++;
          continue;
        }
      }
      if (c > 0xff && kind === 1) kind = 2;
    }
    this.kind = kind;
    this.ascii = ascii;
    this.length = length;
  }
}

/** sizeof(PyASCIIObject) and sizeof(PyCompactUnicodeObject) on 64-bit Linux (3.11). */
export const ASCII_HEADER = 48;
export const COMPACT_HEADER = 72;

/** Bytes of a compact str object: its header, the characters and the terminating NUL. */
export function strAllocSize(s: PyStr): number {
  return s.ascii ? ASCII_HEADER + s.length + 1 : COMPACT_HEADER + (s.length + 1) * s.kind;
}

export const strType = defineType({
  name: 'str',
  flags: TypeFlags.BASETYPE | TypeFlags.UNICODE_SUBCLASS | TypeFlags.MATCH_SELF,
  layout: { basicsize: 64, itemsize: 0 },
  slots: { tp_dealloc: deallocStr },
});

const interned = new Map<string, PyStr>();

function deallocStr(o: PyObject): void {
  const s = o as PyStr;
  if (s.interned) interned.delete(s.value);
  freeObject(o);
}

/** PyUnicode_FromString: a new str object. */
export function newStr(value: string): PyStr {
  const s = new PyStr(strType, value);
  allocObject(s, strAllocSize(s));
  return s;
}

/** A str of the interpreter's static data (docstrings of builtin types): never freed. */
export function newStaticStr(value: string): PyStr {
  const s = new PyStr(strType, value);
  allocStatic(s, strAllocSize(s));
  s.refcnt = 1 << 20;
  return s;
}

/** PyUnicode_InternFromString: the one interned str with this text (a new reference). */
export function internStr(value: string): PyStr {
  let s = interned.get(value);
  if (s) {
    s.refcnt++;
    return s;
  }
  s = newStr(value);
  s.interned = true;
  interned.set(value, s);
  return s;
}

/** PyUnicode_InternInPlace for an existing str: returns the canonical object (new reference). */
export function internInPlace(s: PyStr): PyStr {
  const existing = interned.get(s.value);
  if (existing) {
    existing.refcnt++;
    return existing;
  }
  s.interned = true;
  interned.set(s.value, s);
  s.refcnt++;
  return s;
}
