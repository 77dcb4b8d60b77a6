// %heap: pymalloc's arenas, pools and size classes as data for a map and a table.
import type { HeapReport } from '../api.js';
import { runningMemory } from '../memory/running.js';

const UNUSED_POOL = 0xffff;

export function heapReport(): HeapReport {
  const mem = runningMemory();
  const pymalloc = mem.pymalloc;
  const state = pymalloc.inspect();
  const classes = new Map<number, HeapReport['sizeClasses'][number]>();
  const arenas = state.arenas.map((arena) => ({
    index: arena.index,
    address: arena.address,
    totalPools: arena.ntotalpools,
    freePools: arena.nfreepools,
    pools: arena.pools.map((pool) => {
      const used = pool.sizeIndex === UNUSED_POOL ? 0 : pool.count;
      const blockSize = pool.sizeIndex === UNUSED_POOL ? 0 : pymalloc.blockSize(pool.sizeIndex);
      const capacity = pool.sizeIndex === UNUSED_POOL ? 0 : pymalloc.numBlocks(pool.sizeIndex);
      // A pool with no block in use is back on its arena's free list, whatever class it had.
      if (used > 0) {
        const row = classes.get(pool.sizeIndex) ?? { sizeClass: pool.sizeIndex, blockSize, pools: 0, blocksInUse: 0, blocksFree: 0 };
        row.pools++;
        row.blocksInUse += used;
        row.blocksFree += capacity - used;
        classes.set(pool.sizeIndex, row);
      }
      return { address: pool.address, sizeClass: used > 0 ? pool.sizeIndex : -1, blockSize, used, capacity };
    }),
  }));
  return {
    alignment: pymalloc.alignment,
    poolSize: pymalloc.poolSize,
    arenaSize: pymalloc.arenaSize,
    arenas,
    sizeClasses: [...classes.values()].sort((a, b) => a.sizeClass - b.sizeClass),
    allocatedBlocks: mem.allocatedBlocks(),
    debugText: mem.debugMallocStats(),
  };
}
