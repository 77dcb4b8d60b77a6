// Statically allocated objects (builtin types, None, small ints, the empty tuple...) live in
// libpython's writable data segment. They are created once, when the object model loads, before
// any simulated process exists, and every process (forked ones included) maps the same segment:
// one placement counter serves them all.
import { LIBPYTHON_DATA, LIBPYTHON_DATA_KIB } from './baseline.js';

/** Statically allocated objects start this far into the data segment (C globals come first). */
export const STATIC_OBJECTS_START = LIBPYTHON_DATA + 0x10000;
const STATIC_OBJECTS_END = LIBPYTHON_DATA + LIBPYTHON_DATA_KIB * 1024;

let staticNext = STATIC_OBJECTS_START;

/** Memory for a static object: a stable address near the other C globals, never freed. */
export function staticAlloc(size: number, align = 16): number {
  const addr = Math.ceil(staticNext / align) * align;
  if (addr + size > STATIC_OBJECTS_END) throw new Error('static data segment exhausted');
  staticNext = addr + size;
  return addr;
}

/** True for an address some static object was placed at (or inside). */
export function isStaticAddress(addr: number): boolean {
  return addr >= STATIC_OBJECTS_START && addr < staticNext;
}
