// str (Objects/unicodeobject.c): compact strings of 1, 2 or 4 bytes per character (PEP 393),
// with the interned-string table and the singletons CPython keeps. The type's protocol slots and
// methods live in engine/objects/unicode/ and are attached to strType there.
import { PyObject } from './object.js';
import { TypeFlags } from './type.js';
import { defineType } from './define.js';
import { allocObject, allocStatic, freeObject, heap } from './heap.js';
import { objectLayouts } from '../profiles/objects.js';
import { seedListeners } from './siphash.js';
import { registerWorldState } from '../os/worldRoots.js';

/** The PEP 393 layout facts of a text. */
export interface StrLayout {
  length: number;
  kind: 1 | 2 | 4;
  ascii: boolean;
}

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
  /** Bytes of a cached UTF-8 form (PyUnicode_AsUTF8 keeps it in the object), 0 when none. */
  utf8Size = 0;
  /** `layout` gives length, kind and ASCII-ness when the caller already knows them (a
   *  concatenation or repetition of known strings), sparing a scan of the text. */
  constructor(type: PyObject['type'], value: string, layout?: StrLayout) {
    super(type);
    this.value = value;
    if (layout) {
      this.length = layout.length;
      this.kind = layout.kind;
      this.ascii = layout.ascii;
      return;
    }
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

/** Bytes of a compact str object: its header, the characters and the terminating NUL
 *  (unicode___sizeof___impl), plus a cached UTF-8 form when the object holds one. */
export function strAllocSize(s: PyStr): number {
  const l = objectLayouts(heap.profile);
  const base = s.ascii ? l.strAsciiHeader + s.length + 1 : l.strCompactHeader + (s.length + 1) * s.kind;
  return base + s.utf8Size;
}

export const strType = defineType({
  name: 'str',
  flags: TypeFlags.BASETYPE | TypeFlags.UNICODE_SUBCLASS | TypeFlags.MATCH_SELF,
  layout: (p) => ({ basicsize: objectLayouts(p).strCompactHeader + 8, itemsize: 0 }),
  slots: { tp_dealloc: deallocStr },
});

const interned = new Map<string, PyStr>();

function deallocStr(o: PyObject): void {
  const s = o as PyStr;
  if (s.interned && interned.get(s.value) === s) interned.delete(s.value);
  freeObject(o);
}

/** PyUnicode_New + copy: always a new str object (what the compiler uses for constants). */
export function newStr(value: string, layout?: StrLayout): PyStr {
  const s = new PyStr(strType, value, layout);
  allocObject(s, strAllocSize(s));
  return s;
}

/** A str of the interpreter's static data (docstrings of builtin types): never freed. */
export function newStaticStr(value: string): PyStr {
  const s = new PyStr(strType, value);
  allocStatic(s, strAllocSize(s));
  s.refcnt = 1 << 20;
  longLived.push(s);
  return s;
}

/** _PyObject_IMMORTAL_INIT's count in 3.11: the runtime's static strings start with it. */
export const STATIC_REFCNT = 999999999;

/** Strings that live as long as the thread: their cached hashes must follow the hash seed. */
const longLived: PyStr[] = [];
registerWorldState(interned, longLived);

function runtimeStatic(value: string): PyStr {
  const s = new PyStr(strType, value);
  allocStatic(s, strAllocSize(s));
  s.refcnt = STATIC_REFCNT;
  longLived.push(s);
  return s;
}

seedListeners.push(() => {
  for (const s of longLived) s.hash = null;
  for (const s of interned.values()) s.hash = null;
});

/** The '' singleton (_Py_STR(empty)) and the 256 one-character latin-1 strings
 *  (_Py_SINGLETON(strings).ascii / .latin1), static in 3.11's runtime state. */
export const emptyStr = runtimeStatic('');
const latin1Chars: PyStr[] = [];
for (let c = 0; c < 256; c++) latin1Chars.push(runtimeStatic(String.fromCharCode(c)));

/** unicode___sizeof___impl: 3.12's static latin-1 singletons also count their UTF-8 form
 *  (two bytes and a NUL). */
export function strSizeof(s: PyStr): number {
  const extra = !s.ascii && s.length === 1 && latin1Chars[s.value.charCodeAt(0)] === s
    && objectLayouts(heap.profile).latin1SingletonsHaveUtf8 ? 3 : 0;
  return strAllocSize(s) + extra;
}

/** unicode_result: '' and one-character latin-1 results are the singletons, anything else a
 *  new object. Most str operations hand back their result through this. */
export function strResult(value: string, layout?: StrLayout): PyStr {
  if (value.length <= 1) {
    const s = value.length === 0 ? emptyStr : latin1Chars[value.charCodeAt(0)];
    if (s) {
      s.refcnt++;
      return s;
    }
  }
  return newStr(value, layout);
}

/** unicode_char / get_latin1_char: the str of one code point. */
export function strFromCodePoint(cp: number): PyStr {
  return strResult(String.fromCodePoint(cp));
}

/** PyUnicode_InternFromString: the one interned str with this text (a new reference). */
export function internStr(value: string): PyStr {
  let s = interned.get(value);
  if (s) {
    s.refcnt++;
    return s;
  }
  // PyUnicode_FromString hands back the '' and latin-1 singletons before they are interned.
  s = strResult(value);
  s.interned = true;
  interned.set(value, s);
  immortalizeInterned(s);
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
  immortalizeInterned(s);
  return s;
}

/** 3.12's _PyUnicode_InternInPlace makes the string immortal (_Py_SetImmortal sets the count
 *  _Py_IMMORTAL_REFCNT, 2**30 - 1, far above what references held later can take off). */
function immortalizeInterned(s: PyStr): void {
  if (heap.profile?.immortalInterned && s.refcnt < 1 << 20) s.refcnt = 2 ** 30 - 1;
}
