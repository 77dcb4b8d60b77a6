// The simulated virtual address space of one process: its mappings (what /proc/PID/maps lists),
// the brk heap, anonymous mmap placed the way Linux's top-down allocator places it (the highest
// hole below the libraries that fits), and a limit on anonymous memory past which mmap and brk
// fail, which is how an oversized Python allocation turns into MemoryError.

import { PAGE_SIZE } from './frames.js';
import { PageTable, MMAP_ZONE_TOP } from './pageTable.js';
import { SharedPages } from './sharedPages.js';

export type MappingKind = 'file' | 'anon' | 'shared' | 'heap' | 'stack' | 'special';

export interface Mapping {
  start: number;
  end: number;
  perms: string;
  kind: MappingKind;
  /** Path for file mappings, "[heap]", "[stack]", "[vdso]"..., or "" for anonymous memory. */
  name: string;
  /** File offset of a file mapping. */
  offset: number;
  /** The frames of a MAP_SHARED mapping, common to every process mapping it. */
  shared?: SharedPages;
}

/** Anonymous mmaps never go below this address (the brk heap grows up far beneath it). */
const MMAP_FLOOR = 0x600000000000;

export function pageAlignUp(n: number): number {
  return Math.ceil(n / PAGE_SIZE) * PAGE_SIZE;
}

export class AddressSpace {
  /** Sorted by start address. */
  readonly mappings: Mapping[] = [];
  /** Lowest address of the mmap area's libraries: new mmaps go below it. */
  mmapBase = MMAP_ZONE_TOP;
  heapStart = 0;
  brk = 0;
  /** Anonymous bytes currently mapped (heap + mmaps), against `limit`. */
  anonBytes = 0;
  /** Most bytes ever mapped (VmPeak). */
  mappedPeak = 0;

  constructor(readonly pages: PageTable, public limit: number) {}

  add(m: Mapping): void {
    let i = this.mappings.length;
    while (i > 0 && this.mappings[i - 1].start > m.start) i--;
    this.mappings.splice(i, 0, m);
  }

  /** Sets the start of the brk heap (just after the executable's bss). */
  initHeap(start: number): void {
    this.heapStart = this.brk = start;
  }

  /** sbrk(delta): moves the heap's end; returns the old end, or 0 when the limit forbids growth. */
  sbrk(delta: number): number {
    const old = this.brk;
    if (delta > 0 && this.anonBytes + delta > this.limit) return 0;
    this.brk += delta;
    this.anonBytes += delta;
    if (delta < 0) this.pages.release(this.brk, -delta);
    const heap = this.mappings.find((m) => m.kind === 'heap');
    if (heap) {
      heap.end = pageAlignUp(this.brk);
      if (heap.end === heap.start) this.mappings.splice(this.mappings.indexOf(heap), 1);
    } else if (this.brk > this.heapStart) {
      this.add({ start: this.heapStart, end: pageAlignUp(this.brk), perms: 'rw-p', kind: 'heap', name: '[heap]', offset: 0 });
    }
    this.notePeak();
    return old;
  }

  /** mmap(NULL, len, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS): 0 when over the limit.
   *  With `sharedName`, MAP_SHARED: Linux names a shared anonymous mapping "/dev/zero (deleted)". */
  mmap(len: number, sharedName?: string): number {
    len = pageAlignUp(len);
    if (this.anonBytes + len > this.limit) return 0;
    const start = this.highestHole(len);
    if (start === 0) return 0;
    if (sharedName === undefined) {
      this.add({ start, end: start + len, perms: 'rw-p', kind: 'anon', name: '', offset: 0 });
    } else {
      const shared = new SharedPages(this.pages.physical, len);
      this.add({ start, end: start + len, perms: 'rw-s', kind: 'shared', name: sharedName, offset: 0, shared });
    }
    this.anonBytes += len;
    this.notePeak();
    return start;
  }

  /** munmap of exactly a range an earlier mmap returned (or its tail, for mremap shrinking). */
  munmap(start: number, len: number): void {
    len = pageAlignUp(len);
    const i = this.mappings.findIndex((m) => m.start <= start && start < m.end && (m.kind === 'anon' || m.kind === 'shared'));
    if (i < 0) throw new Error(`munmap of unmapped address 0x${start.toString(16)}`);
    const m = this.mappings[i];
    if (m.shared) {
      if (m.start !== start || m.end !== start + len) throw new Error('partial munmap of a shared mapping is not simulated');
      m.shared.unmap();
      this.mappings.splice(i, 1);
      this.anonBytes -= len;
      return;
    }
    if (m.start === start && m.end === start + len) this.mappings.splice(i, 1);
    else if (m.start === start) m.start += len;
    else if (m.end === start + len) m.end = start;
    else throw new Error('munmap inside a mapping is not simulated');
    this.anonBytes -= len;
    this.pages.release(start, len);
  }

  /** Grows an anonymous mapping in place when the pages above it are free (mremap without moving). */
  growInPlace(start: number, oldLen: number, newLen: number): boolean {
    oldLen = pageAlignUp(oldLen);
    newLen = pageAlignUp(newLen);
    const extra = newLen - oldLen;
    if (this.anonBytes + extra > this.limit) return false;
    const i = this.mappings.findIndex((m) => m.start === start && m.kind === 'anon');
    if (i < 0) return false;
    const next = this.mappings[i + 1];
    const ceiling = next ? next.start : this.mmapBase;
    if (start + newLen > ceiling) return false;
    this.mappings[i].end = start + newLen;
    this.anonBytes += extra;
    this.notePeak();
    return true;
  }

  /** Linux's unmapped_area_topdown: the highest gap below mmapBase that holds len bytes. */
  private highestHole(len: number): number {
    let ceiling = this.mmapBase;
    for (let i = this.mappings.length - 1; i >= 0; i--) {
      const m = this.mappings[i];
      if (m.start >= this.mmapBase) continue;
      if (m.end <= ceiling && ceiling - m.end >= len) return ceiling - len;
      if (m.start < ceiling) ceiling = m.start;
      if (ceiling < MMAP_FLOOR) return 0;
    }
    return ceiling - len >= MMAP_FLOOR ? ceiling - len : 0;
  }

  notePeak(): void {
    const n = this.mappedBytes();
    if (n > this.mappedPeak) this.mappedPeak = n;
  }

  /** The shared mapping holding addr, if any. */
  sharedAt(addr: number): Mapping | undefined {
    return this.mappings.find((m) => m.shared !== undefined && m.start <= addr && addr < m.end);
  }

  /** Process exit: shared mappings lose one mapper. */
  unmapShared(): void {
    for (const m of this.mappings) m.shared?.unmap();
    this.mappings.splice(0, this.mappings.length, ...this.mappings.filter((m) => !m.shared));
  }

  /** VmSize: every mapped byte. */
  mappedBytes(): number {
    let n = 0;
    for (const m of this.mappings) n += m.end - m.start;
    return n;
  }

  /** A copy for a forked child, sharing frames through the child's page table. */
  fork(pages: PageTable): AddressSpace {
    const a = new AddressSpace(pages, this.limit);
    for (const m of this.mappings) {
      m.shared?.map();
      a.mappings.push({ ...m });
    }
    a.mmapBase = this.mmapBase;
    a.heapStart = this.heapStart;
    a.brk = this.brk;
    a.anonBytes = this.anonBytes;
    a.mappedPeak = this.mappedPeak;
    return a;
  }
}
