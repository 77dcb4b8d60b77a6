// A per-type free list as CPython keeps them (Objects/floatobject.c, tupleobject.c, listobject.c,
// dictobject.c ...): when an object of such a type dies, its memory is not given back to pymalloc
// but kept, up to a fixed number, and the next object of that type reuses it, last freed first.
// That is why `id(1.5) == id(2.5)` style experiments and the reuse of a just-freed list's id
// depend on these lists, not on pymalloc: a kept block stays "allocated" as far as pymalloc
// and `_debugmallocstats`' pool table are concerned.

import { debugAllocatorStats } from './mallocStats.js';

export class FreeList<T> {
  private items: T[] = [];

  /**
   * @param capacity the type's MAXFREELIST from the profile (0 disables the list)
   * @param blockName the C type name `sys._debugmallocstats()` prints, e.g. "PyFloatObject"
   * @param blockSize sizeof the kept C struct, as that report prints it
   */
  constructor(readonly capacity: number, readonly blockName: string, readonly blockSize: number) {}

  get length(): number {
    return this.items.length;
  }

  /** Keeps a dying object's memory; false when the list is full and the caller must free it. */
  push(item: T): boolean {
    if (this.items.length >= this.capacity) return false;
    this.items.push(item);
    return true;
  }

  /** The most recently kept item, or undefined when the caller must allocate. */
  pop(): T | undefined {
    return this.items.pop();
  }

  /** Empties the list, returning what it held for the caller to free: a collection of the oldest
   *  generation does this to every free list (Modules/gcmodule.c clear_freelists). */
  clear(): T[] {
    const all = this.items;
    this.items = [];
    return all;
  }

  /** The list's line in `sys._debugmallocstats()`. */
  statsLine(): string {
    return debugAllocatorStats(`free ${this.blockName}`, this.items.length, this.blockSize);
  }

  /** The child's list after fork: same items, most recent last. */
  fork(map: (item: T) => T = (x) => x): FreeList<T> {
    const c = new FreeList<T>(this.capacity, this.blockName, this.blockSize);
    c.items = this.items.map(map);
    return c;
  }
}
