// The memory layer's constants per simulated CPython version: pymalloc geometry, the GC header
// that precedes tracked objects, and the capacity of each per-type free list. Each value is a C
// constant of that release (Objects/obmalloc.c, Include/internal/pycore_*.h), checked against the
// interpreters' own `sys._debugmallocstats()` and `sys.getsizeof` where they can tell.

import type { ProfileName } from './index.js';

/** Capacities of the per-type free lists (objects kept aside on dealloc instead of freed). */
export interface FreeListSizes {
  /** PyFloat_MAXFREELIST */
  float: number;
  /** Longest tuple kept: 19 while PyTuple_MAXSAVESIZE (20) counted the empty tuple's slot (3.6-3.8), 20 after. */
  tupleMaxLength: number;
  /** PyTuple_MAXFREELIST: per tuple length. */
  tuplePerSize: number;
  /** PyList_MAXFREELIST */
  list: number;
  /** PyDict_MAXFREELIST */
  dict: number;
  /** Free list of dict keys objects of the smallest size (log2 size 3). */
  dictKeys: number;
  /** Zombie frames kept per code object plus a global free list (before 3.11's frame stack). */
  frame: number;
  /** PyCFunction_MAXFREELIST (removed in 3.9). */
  cfunction: number;
  /** PyMethod_MAXFREELIST for bound methods (removed in 3.9). */
  method: number;
  /** Contexts of contextvars: CONTEXT_FREELIST_MAXLEN. */
  context: number;
  /** _PyAsyncGen_MAXFREELIST, for async generator value wrappers and asend objects. */
  asyncGen: number;
  /** The one-slot cache of slice objects. */
  slice: number;
}

export interface MemoryProfile {
  name: ProfileName;
  /** Patch level the numbers were taken from: bpo-27987 changed both the alignment and the GC header in 3.7.4. */
  micro: number;
  /** pymalloc's ALIGNMENT: the size-class step and the alignment of returned blocks. */
  alignment: 8 | 16;
  /** SMALL_REQUEST_THRESHOLD: larger requests go to the raw allocator. */
  smallRequestThreshold: number;
  /** POOL_SIZE: 16 KiB with the radix tree (3.10+), else one 4 KiB page. */
  poolSize: number;
  /** ARENA_SIZE: 1 MiB with USE_LARGE_ARENAS (3.10+), else 256 KiB. */
  arenaSize: number;
  /** WITH_PYMALLOC_RADIX_TREE: address_in_range() looks arenas up in a radix tree (3.10+). */
  radixTree: boolean;
  /** bpo-37257 (3.9+): an empty arena is kept while it is the last usable one, to avoid thrashing. */
  keepLastEmptyArena: boolean;
  /** sizeof(PyGC_Head) before every GC-tracked object. */
  gcHeaderSize: number;
  freeLists: FreeListSizes;
  /** Order and names of the free-list lines `sys._debugmallocstats()` prints after the arena map. */
  freeListStats: readonly FreeListStat[];
}

/** One line group of `_PyObject_DebugTypeStats`: the free list it reports and the C type name it prints. */
export interface FreeListStat {
  kind: FreeListKind;
  /** e.g. "PyFloatObject"; tuples print "N-sized PyTupleObject" per length. */
  blockName: string;
}

export type FreeListKind =
  | 'float' | 'tuple' | 'list' | 'dict' | 'dictKeys' | 'frame' | 'cfunction' | 'method'
  | 'context' | 'asyncGen' | 'asyncGenAsend' | 'slice';

const freeLists311: FreeListSizes = {
  float: 100, tupleMaxLength: 20, tuplePerSize: 2000, list: 80, dict: 80, dictKeys: 80,
  frame: 0, cfunction: 0, method: 0, context: 255, asyncGen: 80, slice: 1,
};

// 3.6-3.8 also kept frames (PyFrame_MAXFREELIST 200), C functions and bound methods (256 each).
const freeLists38: FreeListSizes = { ...freeLists311, tupleMaxLength: 19, frame: 200, cfunction: 256, method: 256 };

const stats311: readonly FreeListStat[] = [
  { kind: 'dict', blockName: 'PyDictObject' },
  { kind: 'float', blockName: 'PyFloatObject' },
  { kind: 'list', blockName: 'PyListObject' },
  { kind: 'tuple', blockName: 'PyTupleObject' },
];

const stats38: readonly FreeListStat[] = [
  { kind: 'cfunction', blockName: 'PyCFunctionObject' },
  { kind: 'dict', blockName: 'PyDictObject' },
  { kind: 'float', blockName: 'PyFloatObject' },
  { kind: 'frame', blockName: 'PyFrameObject' },
  { kind: 'list', blockName: 'PyListObject' },
  { kind: 'method', blockName: 'PyMethodObject' },
  { kind: 'tuple', blockName: 'PyTupleObject' },
];

const stats313: readonly FreeListStat[] = [
  { kind: 'dict', blockName: 'PyDictObject' },
  { kind: 'dictKeys', blockName: 'PyDictKeysObject' },
  { kind: 'float', blockName: 'PyFloatObject' },
  { kind: 'list', blockName: 'PyListObject' },
  { kind: 'tuple', blockName: 'PyTupleObject' },
];

const small = { poolSize: 4096, arenaSize: 256 * 1024, radixTree: false } as const;
const large = { poolSize: 16 * 1024, arenaSize: 1024 * 1024, radixTree: true } as const;

const m311: MemoryProfile = {
  name: '3.11', micro: 7, alignment: 16, smallRequestThreshold: 512, ...large,
  keepLastEmptyArena: true, gcHeaderSize: 16, freeLists: freeLists311, freeListStats: stats311,
};

const m38: MemoryProfile = {
  ...m311, name: '3.8', micro: 18, ...small, keepLastEmptyArena: false, freeLists: freeLists38, freeListStats: stats38,
};

// 3.6.15 and 3.7.16 carry the bpo-27987 fix: 16-byte alignment and a 32-byte GC header.
const m37: MemoryProfile = { ...m38, name: '3.7', micro: 16, gcHeaderSize: 32 };

export const MEMORY_PROFILES: Readonly<Record<ProfileName, MemoryProfile>> = {
  '3.6': { ...m37, name: '3.6', micro: 15 },
  '3.7': m37,
  '3.8': m38,
  '3.11': m311,
  '3.12': { ...m311, name: '3.12', micro: 1 },
  '3.13': { ...m311, name: '3.13', micro: 0, freeListStats: stats313 },
};

/** The memory profile of a release. 3.7.0-3.7.3 (the patch levels older notes were measured on)
 *  had 8-byte pymalloc alignment, 64 size classes and a 24-byte GC header. */
export function memoryProfileFor(name: ProfileName, micro?: number): MemoryProfile {
  const p = MEMORY_PROFILES[name];
  if (name === '3.7' && micro !== undefined && micro <= 3) {
    return { ...p, micro, alignment: 8, gcHeaderSize: 24 };
  }
  return micro === undefined ? p : { ...p, micro };
}
