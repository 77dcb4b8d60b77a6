// The memory of one simulated CPython process: the three allocator domains of Objects/obmalloc.c
// (raw = libc malloc; mem and object = pymalloc, falling back to raw above 512 bytes), the page
// table that fork shares copy-on-write, and the numbers /proc/PID/status and smaps_rollup report.
// Static objects are placed once for all processes (staticData.ts).

import type { ProfileName } from '../profiles/index.js';
import { memoryProfileFor, type FreeListKind, type MemoryProfile } from '../profiles/memory.js';
import { AddressSpace } from './addressSpace.js';
import { mapInterpreterImage } from './baseline.js';
import { FrameTable } from './frames.js';
import { FreeList } from './freeList.js';
import { LibcMalloc, type MallocInfo } from './libcMalloc.js';
import { Obmalloc, type BlockLocation } from './obmalloc.js';
import { PageTable } from './pageTable.js';
import { formatMaps, vmas, type Vma } from './procMaps.js';
import { procStatus, smapsRollup, type ProcStatus, type SmapsRollup } from './procStats.js';
import { isStaticAddress } from './staticData.js';

export interface ProcessMemoryOptions {
  /** Version profile (default 3.11), by name or as a memory profile. */
  profile?: ProfileName | MemoryProfile;
  /** Patch level, for the releases whose memory layout changed within a minor version (3.7.0-3.7.3). */
  micro?: number;
  /** Anonymous memory (heap + mmaps) the process may map before allocations fail: MemoryError. */
  limit?: number;
  /** Physical memory to share with other processes of the same simulated machine. */
  frames?: FrameTable;
}

export type AddressLocation =
  | ({ region: 'pymalloc' } & BlockLocation)
  | { region: 'malloc-heap' | 'malloc-mmap'; usableSize: number }
  | { region: 'static' | 'unmapped' }
  | { region: 'mapped'; name: string; perms: string };

/** PyMemAllocatorDomain: the domain numbers tracemalloc reports. */
export const DOMAIN = { raw: 0, mem: 1, object: 2 } as const;
export type Domain = (typeof DOMAIN)[keyof typeof DOMAIN];

/** tracemalloc's view of the allocators: told of every block allocated or freed in any domain. */
export interface AllocationTracer {
  traceAlloc(domain: Domain, addr: number, size: number): void;
  traceFree(domain: Domain, addr: number): void;
}

export const DEFAULT_MEMORY_LIMIT = 2 * 1024 ** 3;

interface ForkSource {
  parent: ProcessMemory;
}

export class ProcessMemory {
  readonly profile: MemoryProfile;
  readonly frames: FrameTable;
  readonly pages: PageTable;
  readonly space: AddressSpace;
  readonly libc: LibcMalloc;
  readonly pymalloc: Obmalloc;
  /** _Py_GetAllocatedBlocks' raw_allocated_blocks: object-domain blocks served by malloc. */
  rawAllocatedBlocks = 0;
  /** Set while tracemalloc traces; calls made inside the allocators (pymalloc falling back to
   *  malloc) are not traced again, as tracemalloc's reentrancy guard ensures. */
  tracer: AllocationTracer | null = null;
  private readonly freeLists: { kind: FreeListKind; list: FreeList<unknown> }[] = [];

  constructor(options: ProcessMemoryOptions | ForkSource = {}) {
    if ('parent' in options) {
      const parent = options.parent;
      this.profile = parent.profile;
      this.frames = parent.frames;
      this.pages = parent.pages.fork();
      this.space = parent.space.fork(this.pages);
      this.libc = parent.libc.fork(this.space);
      this.pymalloc = parent.pymalloc.fork(this.space);
      this.rawAllocatedBlocks = parent.rawAllocatedBlocks;
      this.tracer = parent.tracer;
      return;
    }
    const p = options.profile ?? '3.11';
    this.profile = typeof p === 'string' ? memoryProfileFor(p, options.micro) : p;
    this.frames = options.frames ?? new FrameTable();
    this.pages = new PageTable(this.frames);
    this.space = new AddressSpace(this.pages, options.limit ?? DEFAULT_MEMORY_LIMIT);
    mapInterpreterImage(this.space, this.profile.name);
    this.libc = new LibcMalloc(this.space);
    this.pymalloc = new Obmalloc(this.profile, this.space);
  }

  // ---- the three domains, as PyObject_Malloc, PyMem_Malloc and PyMem_RawMalloc see them ----

  objectMalloc(n: number): number {
    return this.traced(DOMAIN.object, 0, this.pyObjectMalloc(n), n);
  }

  objectCalloc(nelem: number, elsize: number): number {
    return this.traced(DOMAIN.object, 0, this.pyObjectCalloc(nelem, elsize), nelem * elsize);
  }

  objectRealloc(p: number, n: number): number {
    return this.traced(DOMAIN.object, p, this.pyObjectRealloc(p, n), n);
  }

  objectFree(p: number): void {
    if (this.tracer !== null && p !== 0) this.tracer.traceFree(DOMAIN.object, p);
    this.pyObjectFree(p);
  }

  // PyMem_Malloc is pymalloc as well since 3.6; tracemalloc tells the two domains apart.

  memMalloc(n: number): number {
    return this.traced(DOMAIN.mem, 0, this.pyObjectMalloc(n), n);
  }

  memCalloc(nelem: number, elsize: number): number {
    return this.traced(DOMAIN.mem, 0, this.pyObjectCalloc(nelem, elsize), nelem * elsize);
  }

  memRealloc(p: number, n: number): number {
    return this.traced(DOMAIN.mem, p, this.pyObjectRealloc(p, n), n);
  }

  memFree(p: number): void {
    if (this.tracer !== null && p !== 0) this.tracer.traceFree(DOMAIN.mem, p);
    this.pyObjectFree(p);
  }

  rawMalloc(n: number): number {
    return this.traced(DOMAIN.raw, 0, this.pyMemRawMalloc(n), n);
  }

  rawCalloc(nelem: number, elsize: number): number {
    return this.traced(DOMAIN.raw, 0, this.pyMemRawCalloc(nelem, elsize), nelem * elsize);
  }

  rawRealloc(p: number, n: number): number {
    return this.traced(DOMAIN.raw, p, this.pyMemRawRealloc(p, n), n);
  }

  rawFree(p: number): void {
    if (this.tracer !== null && p !== 0) this.tracer.traceFree(DOMAIN.raw, p);
    this.libc.free(p);
  }

  /** Modules/_tracemalloc.c tracemalloc_alloc/realloc: a new block is traced with the requested
   *  size; a moved or resized one is untraced at its old address first. */
  private traced(domain: Domain, old: number, p: number, n: number): number {
    if (this.tracer !== null && p !== 0) {
      if (old !== 0) this.tracer.traceFree(domain, old);
      this.tracer.traceAlloc(domain, p, n);
    }
    return p;
  }

  // Objects/obmalloc.c _PyObject_Malloc, _PyObject_Calloc, _PyObject_Realloc, _PyObject_Free.

  private pyObjectMalloc(n: number): number {
    return this.pymalloc.pymallocAlloc(n) || this.rawForObject(n);
  }

  private pyObjectCalloc(nelem: number, elsize: number): number {
    const p = this.pymalloc.pymallocAlloc(nelem * elsize);
    if (p !== 0) return p;
    const q = this.pyMemRawCalloc(nelem, elsize);
    if (q !== 0) this.rawAllocatedBlocks++;
    return q;
  }

  private pyObjectRealloc(p: number, n: number): number {
    if (p === 0) return this.pyObjectMalloc(n);
    const q = this.pymalloc.pymallocRealloc(p, n, (m) => this.rawForObject(m));
    return q !== -1 ? q : this.pyMemRawRealloc(p, n);
  }

  private pyObjectFree(p: number): void {
    if (p === 0) return;
    if (!this.pymalloc.pymallocFree(p)) {
      this.libc.free(p);
      this.rawAllocatedBlocks--;
    }
  }

  private rawForObject(n: number): number {
    const p = this.pyMemRawMalloc(n);
    if (p !== 0) this.rawAllocatedBlocks++;
    return p;
  }

  // Objects/obmalloc.c _PyMem_RawMalloc, _PyMem_RawCalloc, _PyMem_RawRealloc: never a request of 0 bytes.

  private pyMemRawRealloc(p: number, n: number): number {
    return this.libc.realloc(p, n === 0 ? 1 : n);
  }


  private pyMemRawMalloc(n: number): number {
    return this.libc.malloc(n === 0 ? 1 : n);
  }

  private pyMemRawCalloc(nelem: number, elsize: number): number {
    if (nelem === 0 || elsize === 0) nelem = elsize = 1;
    return this.libc.malloc(nelem * elsize, true);
  }

  /** Usable size of a live block of any domain (pymalloc's size class, or malloc_usable_size). */
  sizeOf(p: number): number {
    const s = this.pymalloc.usableSize(p);
    return s >= 0 ? s : this.libc.usableSize(p);
  }

  /** What an address is: a pymalloc block (with its arena and pool), a malloc chunk on the heap
   *  or in its own mmap, a static object, or other memory of the process. */
  locate(addr: number): AddressLocation {
    const block = this.pymalloc.locate(addr);
    if (block) return { region: 'pymalloc', ...block };
    if (this.libc.owns(addr)) {
      return { region: addr < this.space.brk ? 'malloc-heap' : 'malloc-mmap', usableSize: this.libc.usableSize(addr) };
    }
    if (isStaticAddress(addr)) return { region: 'static' };
    const m = this.space.mappings.find((x) => x.start <= addr && addr < x.end);
    return m ? { region: 'mapped', name: m.name, perms: m.perms } : { region: 'unmapped' };
  }

  /** sys.getallocatedblocks() */
  allocatedBlocks(): number {
    return this.pymalloc.allocatedBlocks() + this.rawAllocatedBlocks;
  }

  // ---- pages ----

  /** Records a read or write of simulated memory; does nothing unless a fork made pages shared. */
  touch(addr: number, len: number, write: boolean): void {
    if (this.pages.tracking && write) this.pages.write(addr, len);
  }

  /** os.fork(): the child's memory, a copy-on-write view of this one. */
  fork(): ProcessMemory {
    const child = new ProcessMemory({ parent: this });
    for (const { kind, list } of this.freeLists) child.freeLists.push({ kind, list: list.fork() });
    return child;
  }

  /** Process exit: every page goes back, shared frames stay with the other processes. */
  exit(): void {
    this.pages.destroy();
    this.space.unmapShared();
  }

  /** mmap(-1, len, MAP_SHARED) or a shared-memory segment: memory that stays shared across fork.
   *  Returns its address, or 0 past the memory limit. */
  mmapShared(len: number, name = '/dev/zero (deleted)'): number {
    return this.space.mmap(len, name);
  }

  munmapShared(addr: number, len: number): void {
    this.space.munmap(addr, len);
  }

  /** A write into a shared mapping: resident and dirty for every process mapping it, never copied. */
  writeShared(addr: number, len: number): void {
    const m = this.space.sharedAt(addr);
    if (!m?.shared) throw new Error(`0x${addr.toString(16)} is not in a shared mapping`);
    m.shared.write(addr - m.start, len);
  }

  smapsRollup(): SmapsRollup {
    return smapsRollup(this.space);
  }

  status(): ProcStatus {
    return procStatus(this.space);
  }

  /** The rows of /proc/PID/smaps: merged mappings with their page counts. */
  vmas(): Vma[] {
    return vmas(this.space.mappings, this.pages);
  }

  /** Text of /proc/PID/maps. */
  procMaps(): string {
    return formatMaps(this.vmas());
  }

  mallocInfo(): MallocInfo {
    return this.libc.info();
  }

  // ---- free lists and the allocator report ----

  /** A per-type free list sized by the profile, reported by `debugMallocStats`. Tuples take one
   *  list per length, created in length order with blockName "N-sized PyTupleObject". */
  createFreeList<T>(kind: FreeListKind, blockName: string, blockSize: number): FreeList<T> {
    const caps = this.profile.freeLists;
    const capacity = kind === 'tuple' ? caps.tuplePerSize : kind === 'asyncGenAsend' ? caps.asyncGen : caps[kind];
    const list = new FreeList<T>(capacity, blockName, blockSize);
    this.freeLists.push({ kind, list: list as FreeList<unknown> });
    return list;
  }

  /** clear_freelists (a full collection): empties every free list but the slice cache, which
   *  only interpreter shutdown clears; `release` frees each item. */
  clearFreeLists(release: (kind: FreeListKind, item: unknown) => void): void {
    for (const { kind, list } of this.freeLists) {
      if (kind !== 'slice') for (const item of list.clear()) release(kind, item);
    }
  }

  /** sys._debugmallocstats(): pymalloc's report, a blank line, then the free lists. */
  debugMallocStats(): string {
    const lines = [this.pymalloc.debugMallocStats(), '\n'];
    for (const stat of this.profile.freeListStats) {
      for (const { kind, list } of this.freeLists) if (kind === stat.kind) lines.push(list.statsLine());
    }
    return lines.join('');
  }
}
