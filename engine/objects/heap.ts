// Where objects get their memory: the bridge between the object model and the simulated
// allocator of the running process (engine/memory). One interpreter runs per thread, so the
// current process and profile are module state, switched by the session (and by fork).
import type { Profile } from '../profiles/index.js';
import { staticAlloc } from '../memory/staticData.js';
import type { PyGCObject, PyObject } from './object.js';
import { TypeFlags, type PyType } from './type.js';
import { executed } from '../os/clock.js';

/** The allocator domains of Objects/obmalloc.c that the object model calls. Addresses are
 *  numbers; 0 means the request failed (the caller raises MemoryError). */
export interface Allocator {
  objectMalloc(nbytes: number): number;
  objectFree(addr: number): void;
  objectRealloc(addr: number, nbytes: number): number;
  memMalloc(nbytes: number): number;
  memFree(addr: number): void;
  memRealloc(addr: number, nbytes: number): number;
}

/** Hooks of the cycle collector: allocation counts drive automatic collections (gcmodule.c). */
export interface CollectorHooks {
  onAlloc(o: PyGCObject): void;
  onFree(o: PyGCObject): void;
}

export const heap = {
  allocator: null as unknown as Allocator,
  profile: null as unknown as Profile,
  collector: null as CollectorHooks | null,
  /** Raised by the allocation helpers when the allocator says no; set by the exceptions module. */
  memoryError: (() => new Error('MemoryError before the exception types exist')) as () => unknown,
};

export function bindProcess(allocator: Allocator, profile: Profile): void {
  heap.allocator = allocator;
  heap.profile = profile;
}

/** Bytes allocated in front of an object of this type: the GC header, and in 3.11 the managed
 *  dict pre-header (_PyType_PreHeaderSize in Objects/typeobject.c). */
export function preHeaderSize(type: PyType): number {
  const flags = type.flags;
  if ((flags & PRE_HEADER_FLAGS) === 0) return 0;
  const profile = heap.profile;
  let size = 0;
  if (flags & TypeFlags.HAVE_GC) size += profile.gcHeaderSize;
  if (flags & TypeFlags.MANAGED_DICT) size += profile.managedDictPreheader;
  return size;
}

const PRE_HEADER_FLAGS = TypeFlags.HAVE_GC | TypeFlags.MANAGED_DICT;

/** PyObject_Malloc for a new object of `size` bytes (its header included, pre-headers not).
 *  An instance of a class defined in Python holds a reference to its class (PyType_GenericAlloc);
 *  subtype_dealloc gives it back. */
export function allocObject(o: PyObject, size: number): void {
  const type = o.type;
  const pre = preHeaderSize(type);
  const block = heap.allocator.objectMalloc(pre + size);
  if (block === 0) throw heap.memoryError();
  o.addr = block + pre;
  executed.allocations++; // the virtual clock's cost model (os/clock.ts)
  if (type.flags & TypeFlags.HEAPTYPE) type.refcnt++;
  if (pre !== 0 && heap.collector) heap.collector.onAlloc(o as PyGCObject);
}

/** PyObject_Free of an object's block (its pre-headers included). */
export function freeObject(o: PyObject): void {
  const pre = preHeaderSize(o.type);
  if (pre !== 0 && heap.collector) heap.collector.onFree(o as PyGCObject);
  heap.allocator.objectFree(o.addr - pre);
  o.addr = 0;
}

/** Places a static object (builtin types, singletons, small ints) in libpython's data segment,
 *  shared by every simulated process: static objects are created once per thread and keep their
 *  address across sessions and versions. */
export function allocStatic(o: PyObject, size: number): void {
  o.addr = staticAlloc(size, 8);
}

/** PyMem_Malloc for a buffer an object owns (list items, dict keys, bytearray storage). */
export function allocBuffer(nbytes: number): number {
  const addr = heap.allocator.memMalloc(nbytes);
  if (addr === 0) throw heap.memoryError();
  return addr;
}

export function reallocBuffer(addr: number, nbytes: number): number {
  const moved = addr === 0 ? heap.allocator.memMalloc(nbytes) : heap.allocator.memRealloc(addr, nbytes);
  if (moved === 0) throw heap.memoryError();
  return moved;
}

export function freeBuffer(addr: number): void {
  if (addr !== 0) heap.allocator.memFree(addr);
}
