// The object header every simulated Python object carries (Include/object.h PyObject, and
// Include/internal/pycore_gc.h PyGC_Head for objects the cycle collector can see).
//
// Conventions (the same as CPython's C API, see engine/objects/README.md):
// - a function returning a PyObject returns a NEW reference; arguments are BORROWED;
// - a Python exception is a thrown PyBaseExceptionObject (never a JS Error);
// - `addr` is the simulated address: `id(obj)` and the place the allocator put the object.
import type { PyType } from './type.js';

// Header fields are `declare`d and assigned in the constructors: as class-field definitions
// they would be defined on every object of every subclass through one megamorphic site, which
// made allocation several times slower.
export class PyObject {
  declare type: PyType;
  declare refcnt: number;
  declare addr: number;
  constructor(type: PyType) {
    this.type = type;
    this.refcnt = 1;
    this.addr = 0;
  }
}

/** An object whose type has Py_TPFLAGS_HAVE_GC: it carries the collector's links. */
export class PyGCObject extends PyObject {
  /** Links of the generation list the object is tracked in (null when untracked). */
  declare gcPrev: PyGCObject | null;
  declare gcNext: PyGCObject | null;
  /** Scratch count used during a collection (gc_refs in gcmodule.c). */
  declare gcRefs: number;
  /** Flags of the GC header: tracked generation, finalized (PEP 442), frozen. */
  declare gcFlags: number;
  constructor(type: PyType) {
    super(type);
    this.gcPrev = null;
    this.gcNext = null;
    this.gcRefs = 0;
    this.gcFlags = 0;
  }
}

// A refcount change is a write to the object's memory: once fork shares pages between processes
// it dirties (and may copy) the page. Off, the cost is this one boolean test per change.
let refcountWritesTracked = false;
let refcountWrite: (o: PyObject) => void = () => {};

/** Installs (or with null removes) the page accounting of refcount writes. */
export function trackRefcountWrites(hook: ((o: PyObject) => void) | null): void {
  refcountWritesTracked = hook !== null;
  if (hook) refcountWrite = hook;
}

/** Py_INCREF */
export function incref(o: PyObject): void {
  if (refcountWritesTracked) refcountWrite(o);
  o.refcnt++;
}

/** Py_NewRef: the same object, one more reference. */
export function newref<T extends PyObject>(o: T): T {
  if (refcountWritesTracked) refcountWrite(o);
  o.refcnt++;
  return o;
}

/** Py_DECREF: the last reference gone means the type's tp_dealloc runs now, as in CPython. */
export function decref(o: PyObject): void {
  if (refcountWritesTracked) refcountWrite(o);
  if (--o.refcnt === 0) o.type.tp_dealloc(o);
}

/** Py_XDECREF */
export function xdecref(o: PyObject | null | undefined): void {
  if (o) decref(o);
}

/** Drops a reference to every item (for native code that owns an array of references). */
export function decrefAll(items: readonly PyObject[]): void {
  for (let i = 0; i < items.length; i++) decref(items[i]!);
}
