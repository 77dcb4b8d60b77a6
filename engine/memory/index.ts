// The memory layer's public surface: one ProcessMemory per simulated process.

export {
  ProcessMemory, DEFAULT_MEMORY_LIMIT, DOMAIN,
  type Domain, type AllocationTracer, type AddressLocation, type ProcessMemoryOptions,
} from './processMemory.js';
export { FreeList } from './freeList.js';
export { staticAlloc } from './staticData.js';
export { FrameTable, PAGE_SIZE } from './frames.js';
export type { Mapping, MappingKind } from './addressSpace.js';
export type { MallocInfo } from './libcMalloc.js';
export type { Vma } from './procMaps.js';
export type { SmapsRollup, ProcStatus } from './procStats.js';
export type { PageCounts } from './pageTable.js';
export type { ObmallocState, ArenaState, PoolState, BlockLocation } from './obmalloc.js';
export { debugAllocatorStats, printone } from './mallocStats.js';
