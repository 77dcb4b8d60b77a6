// Per-process free lists of the container types (list, dict, dict keys, tuple). A free list
// belongs to the simulated process whose allocator is current (fork copies them), so a type
// reaches its list through a slot that follows heap.allocator. A kept entry is the address of
// the dead object's block: the block stays allocated as far as pymalloc knows.
import { heap } from './heap.js';
import { FreeList } from '../memory/freeList.js';
import type { FreeListKind } from '../profiles/memory.js';

interface FreeListSource {
  createFreeList<T>(kind: FreeListKind, blockName: string, blockSize: number): FreeList<T>;
}

/** A group of free lists of one kind (tuples keep one per length), created together and in
 *  order for each process on first use, with the profile's capacity. */
export class FreeListSlot {
  private owner: object | null = null;
  private lists: FreeList<number>[] = [];
  private readonly perProcess = new WeakMap<object, FreeList<number>[]>();
  private readonly blocks: readonly (readonly [string, number])[];

  /** `blocks`: the C type name and block size of each list in the group, as the stats print them. */
  constructor(readonly kind: FreeListKind, ...blocks: (readonly [string, number])[]) {
    this.blocks = blocks;
  }

  /** The group's list `i` for the current process. */
  get(i = 0): FreeList<number> {
    const alloc = heap.allocator as unknown as object;
    if (alloc !== this.owner) {
      let lists = this.perProcess.get(alloc);
      if (!lists) {
        const src = alloc as Partial<FreeListSource>;
        lists = this.blocks.map(([name, size]) => (src.createFreeList
          ? src.createFreeList<number>(this.kind, name, size)
          : new FreeList<number>(0, name, size)));
        this.perProcess.set(alloc, lists);
      }
      this.owner = alloc;
      this.lists = lists;
    }
    return this.lists[i]!;
  }
}
