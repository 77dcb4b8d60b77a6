// A simulated glibc malloc (main arena only), the allocator behind CPython's raw domain and every
// request pymalloc passes on. It keeps glibc's visible geometry: 16-byte chunk headers and
// alignment, 32-byte minimum chunks, usable size = chunk size - 8, the per-thread tcache
// allocated first on the heap, a brk heap grown with a 128 KiB top pad and trimmed past the trim
// threshold, and mmap for chunks at or above M_MMAP_THRESHOLD with glibc's dynamic threshold (a
// freed mmapped chunk larger than the threshold raises it). The free-chunk search is simpler than
// glibc's unsorted/small/large bins: after the tcache (7 chunks per size, LIFO) and the fastbins
// (chunks <= 128 bytes, LIFO, never coalesced), freed chunks coalesce with free neighbours and are
// found again best-fit, lowest address first among equal sizes. Deterministic, and the same shape
// of reuse as glibc: a freed block of the same size comes back first.

import type { AddressSpace } from './addressSpace.js';
import { pageAlignUp } from './addressSpace.js';

const SIZE_SZ = 8;
const HEADER = 2 * SIZE_SZ;
const MINSIZE = 32;
const TCACHE_MAX_CHUNK = 1040;
const TCACHE_COUNT = 7;
const MAX_FAST = 128;
const TOP_PAD = 128 * 1024;
const FASTBIN_CONSOLIDATION_THRESHOLD = 64 * 1024;
const DEFAULT_MMAP_THRESHOLD = 128 * 1024;
const DEFAULT_MMAP_THRESHOLD_MAX = 32 * 1024 * 1024;
/** sizeof(tcache_perthread_struct) as a chunk: the heap's first allocation. */
const TCACHE_STRUCT_CHUNK = 0x290;

const enum State { InUse, Cached, Binned }

/** mallinfo2()'s fields, in bytes. */
export interface MallocInfo {
  /** Bytes of the brk heap. */
  arena: number;
  /** Free chunks outside the tcache and fastbins, plus top. */
  ordblks: number;
  /** Chunks held by the tcache and fastbins. */
  smblks: number;
  hblks: number;
  hblkhd: number;
  uordblks: number;
  fordblks: number;
  /** Releasable top space. */
  keepcost: number;
}

/** request2size: the chunk size serving a request of n bytes. */
export function request2size(n: number): number {
  // Arithmetic rather than bit masks: requests may exceed 2**31.
  const s = Math.floor((n + SIZE_SZ + 15) / 16) * 16;
  return s < MINSIZE ? MINSIZE : s;
}

export class LibcMalloc {
  /** Chunk address -> chunk size, for every heap chunk except top. */
  private readonly sizes = new Map<number, number>();
  private readonly states = new Map<number, State>();
  /** End address -> chunk address, for binned free chunks (backward coalescing). */
  private readonly binnedByEnd = new Map<number, number>();
  /** Binned free chunks sorted by (size, address). */
  private binned: number[] = [];
  private readonly tcache = new Map<number, number[]>();
  private readonly fastbins = new Map<number, number[]>();
  /** User address of an mmapped chunk -> length of its mapping. */
  private readonly mmapped = new Map<number, number>();
  private top = 0;
  private topSize = 0;
  mmapThreshold = DEFAULT_MMAP_THRESHOLD;
  trimThreshold = 2 * DEFAULT_MMAP_THRESHOLD;
  /** Bytes in chunks handed out and not freed (chunk sizes, including headers). */
  inUseBytes = 0;
  mmappedBytes = 0;

  constructor(private space: AddressSpace) {}

  /** malloc(n): user address, or 0 when memory is exhausted. */
  malloc(n: number, zeroed = false): number {
    const nb = request2size(n);
    if (this.top === 0 && !this.initHeap()) return 0;
    let chunk = this.fromCache(nb);
    if (chunk === 0) chunk = this.fromBins(nb);
    if (chunk === 0) chunk = this.fromTop(nb);
    if (chunk === 0) {
      if (nb >= this.mmapThreshold) return this.mmapChunk(nb, zeroed);
      // sysmalloc falls back to mmap when the heap cannot grow.
      if (!this.growTop(nb)) return this.mmapChunk(nb, zeroed);
      chunk = this.fromTop(nb);
    }
    const size = this.sizes.get(chunk)!;
    this.states.set(chunk, State.InUse);
    this.inUseBytes += size;
    this.space.pages.write(chunk, zeroed ? HEADER : size);
    return chunk + HEADER;
  }

  free(p: number): void {
    if (p === 0) return;
    const mapLen = this.mmapped.get(p);
    if (mapLen !== undefined) {
      this.munmapChunk(p, mapLen);
      return;
    }
    const chunk = p - HEADER;
    const size = this.sizes.get(chunk);
    if (size === undefined || this.states.get(chunk) !== State.InUse) {
      throw new Error(`free(): invalid pointer 0x${p.toString(16)}`);
    }
    this.inUseBytes -= size;
    this.release(chunk, size);
  }

  /** realloc(p, n) with glibc's in-place cases: shrink, grow into top or a free neighbour, mremap. */
  realloc(p: number, n: number): number {
    if (p === 0) return this.malloc(n);
    const nb = request2size(n);
    const mapLen = this.mmapped.get(p);
    if (mapLen !== undefined) return this.remapChunk(p, mapLen, nb);
    const chunk = p - HEADER;
    const size = this.sizes.get(chunk)!;
    if (nb <= size) {
      this.shrinkInUse(chunk, size, nb);
      return p;
    }
    const next = chunk + size;
    if (next === this.top && size + this.topSize >= nb + MINSIZE) {
      this.sizes.set(chunk, nb);
      this.inUseBytes += nb - size;
      this.top = chunk + nb;
      this.topSize -= nb - size;
      this.space.pages.write(next, nb - size);
      return p;
    }
    const nextSize = this.states.get(next) === State.Binned ? this.sizes.get(next)! : 0;
    if (nextSize > 0 && size + nextSize >= nb) {
      this.unbin(next, nextSize);
      this.sizes.set(chunk, size + nextSize);
      this.inUseBytes += nextSize;
      this.space.pages.write(next, nextSize);
      this.shrinkInUse(chunk, size + nextSize, nb);
      return p;
    }
    const q = this.malloc(n);
    if (q === 0) return 0;
    this.free(p);
    return q;
  }

  /** malloc_usable_size(p). */
  usableSize(p: number): number {
    const mapLen = this.mmapped.get(p);
    if (mapLen !== undefined) return mapLen - HEADER;
    return this.sizes.get(p - HEADER)! - SIZE_SZ;
  }

  owns(p: number): boolean {
    return this.mmapped.has(p) || this.states.get(p - HEADER) === State.InUse;
  }

  info(): MallocInfo {
    let ord = this.topSize > 0 ? 1 : 0;
    let fordblks = this.topSize;
    let smblks = 0;
    for (const [chunk, state] of this.states) {
      if (state === State.InUse) continue;
      const size = this.sizes.get(chunk)!;
      fordblks += size;
      if (state === State.Binned) ord++;
      else smblks += size;
    }
    const arena = this.space.brk - this.space.heapStart;
    return {
      arena, ordblks: ord, smblks, hblks: this.mmapped.size, hblkhd: this.mmappedBytes,
      uordblks: arena - fordblks, fordblks, keepcost: this.topSize,
    };
  }

  /** A deep copy sharing nothing, for the forked child's allocator. */
  fork(space: AddressSpace): LibcMalloc {
    const c = new LibcMalloc(space);
    for (const [k, v] of this.sizes) c.sizes.set(k, v);
    for (const [k, v] of this.states) c.states.set(k, v);
    for (const [k, v] of this.binnedByEnd) c.binnedByEnd.set(k, v);
    c.binned = this.binned.slice();
    for (const [k, v] of this.tcache) c.tcache.set(k, v.slice());
    for (const [k, v] of this.fastbins) c.fastbins.set(k, v.slice());
    for (const [k, v] of this.mmapped) c.mmapped.set(k, v);
    c.top = this.top;
    c.topSize = this.topSize;
    c.mmapThreshold = this.mmapThreshold;
    c.trimThreshold = this.trimThreshold;
    c.inUseBytes = this.inUseBytes;
    c.mmappedBytes = this.mmappedBytes;
    return c;
  }

  // malloc/malloc.c ptmalloc_init + tcache_init: the first call extends the heap and carves the tcache struct.
  private initHeap(): boolean {
    const base = this.space.sbrk(0);
    this.top = base;
    this.topSize = 0;
    if (!this.growTop(TCACHE_STRUCT_CHUNK)) return false;
    const chunk = this.fromTop(TCACHE_STRUCT_CHUNK);
    this.states.set(chunk, State.InUse);
    this.inUseBytes += TCACHE_STRUCT_CHUNK;
    this.space.pages.write(chunk, TCACHE_STRUCT_CHUNK);
    return true;
  }

  private fromCache(nb: number): number {
    const list = nb <= TCACHE_MAX_CHUNK ? this.tcache.get(nb) : undefined;
    const hit = list?.pop() ?? (nb <= MAX_FAST ? this.fastbins.get(nb)?.pop() : undefined);
    return hit ?? 0;
  }

  private fromBins(nb: number): number {
    const i = this.lowerBound(nb, 0);
    if (i >= this.binned.length) return 0;
    const chunk = this.binned[i];
    const size = this.sizes.get(chunk)!;
    this.unbin(chunk, size);
    if (size - nb >= MINSIZE) {
      this.sizes.set(chunk, nb);
      this.bin(chunk + nb, size - nb);
    }
    return chunk;
  }

  private fromTop(nb: number): number {
    if (this.topSize < nb + MINSIZE) return 0;
    const chunk = this.top;
    this.sizes.set(chunk, nb);
    this.top += nb;
    this.topSize -= nb;
    return chunk;
  }

  // malloc/malloc.c sysmalloc: extend the brk heap by the shortfall plus the top pad, page-aligned.
  private growTop(nb: number): boolean {
    const want = pageAlignUp(nb + TOP_PAD + MINSIZE - this.topSize);
    if (this.space.sbrk(want) === 0) return false;
    this.topSize += want;
    return true;
  }

  private mmapChunk(nb: number, zeroed: boolean): number {
    const len = pageAlignUp(nb + SIZE_SZ);
    const start = this.space.mmap(len);
    if (start === 0) return 0;
    this.mmapped.set(start + HEADER, len);
    this.mmappedBytes += len;
    this.space.pages.write(start, zeroed ? HEADER : len);
    return start + HEADER;
  }

  // malloc/malloc.c munmap_chunk, with __libc_free's dynamic mmap threshold.
  private munmapChunk(p: number, len: number): void {
    if (len > this.mmapThreshold && len <= DEFAULT_MMAP_THRESHOLD_MAX) {
      this.mmapThreshold = len;
      this.trimThreshold = 2 * len;
    }
    this.mmapped.delete(p);
    this.mmappedBytes -= len;
    this.space.munmap(p - HEADER, len);
  }

  // malloc/malloc.c mremap_chunk: resize the mapping, moving it if the pages above are taken.
  private remapChunk(p: number, len: number, nb: number): number {
    const newLen = pageAlignUp(nb + SIZE_SZ);
    const start = p - HEADER;
    if (newLen === len) return p;
    if (newLen < len) {
      this.space.munmap(start + newLen, len - newLen);
    } else if (this.space.growInPlace(start, len, newLen)) {
      this.space.pages.write(start + len, newLen - len);
    } else {
      const moved = this.space.mmap(newLen);
      if (moved === 0) return 0;
      this.space.pages.write(moved, newLen);
      this.space.munmap(start, len);
      this.mmapped.delete(p);
      this.mmapped.set(moved + HEADER, newLen);
      this.mmappedBytes += newLen - len;
      return moved + HEADER;
    }
    this.mmapped.set(p, newLen);
    this.mmappedBytes += newLen - len;
    return p;
  }

  private shrinkInUse(chunk: number, size: number, nb: number): void {
    if (size - nb < MINSIZE) return;
    this.sizes.set(chunk, nb);
    this.inUseBytes -= size - nb;
    this.release(chunk + nb, size - nb);
  }

  // malloc/malloc.c _int_free: tcache, fastbins, then coalescing into bins or top.
  private release(chunk: number, size: number): void {
    this.sizes.set(chunk, size);
    if (size <= TCACHE_MAX_CHUNK) {
      const list = this.cacheList(this.tcache, size);
      if (list.length < TCACHE_COUNT) {
        list.push(chunk);
        this.states.set(chunk, State.Cached);
        return;
      }
    }
    if (size <= MAX_FAST) {
      this.cacheList(this.fastbins, size).push(chunk);
      this.states.set(chunk, State.Cached);
      return;
    }
    const prev = this.binnedByEnd.get(chunk);
    if (prev !== undefined) {
      const prevSize = this.sizes.get(prev)!;
      this.unbin(prev, prevSize);
      this.forget(chunk);
      chunk = prev;
      size += prevSize;
    }
    const next = chunk + size;
    if (next === this.top) {
      this.forget(chunk);
      this.top = chunk;
      this.topSize += size;
      // glibc considers trimming only after freeing at least FASTBIN_CONSOLIDATION_THRESHOLD.
      if (size >= FASTBIN_CONSOLIDATION_THRESHOLD) this.trimTop();
      return;
    }
    if (this.states.get(next) === State.Binned) {
      const nextSize = this.sizes.get(next)!;
      this.unbin(next, nextSize);
      this.forget(next);
      size += nextSize;
    }
    this.bin(chunk, size);
  }

  // malloc/malloc.c systrim: give the top's whole pages back, keeping the top pad.
  private trimTop(): void {
    if (this.topSize < this.trimThreshold) return;
    const extra = Math.floor((this.topSize - TOP_PAD - MINSIZE - 1) / 4096) * 4096;
    if (extra <= 0) return;
    this.space.sbrk(-extra);
    this.topSize -= extra;
  }

  private cacheList(map: Map<number, number[]>, size: number): number[] {
    let list = map.get(size);
    if (!list) map.set(size, (list = []));
    return list;
  }

  private forget(chunk: number): void {
    this.sizes.delete(chunk);
    this.states.delete(chunk);
  }

  private bin(chunk: number, size: number): void {
    this.sizes.set(chunk, size);
    this.states.set(chunk, State.Binned);
    this.binnedByEnd.set(chunk + size, chunk);
    this.binned.splice(this.lowerBound(size, chunk), 0, chunk);
  }

  private unbin(chunk: number, size: number): void {
    this.binned.splice(this.lowerBound(size, chunk), 1);
    this.binnedByEnd.delete(chunk + size);
    this.states.set(chunk, State.InUse);
  }

  /** First index in `binned` whose (size, address) is >= (size, addr). */
  private lowerBound(size: number, addr: number): number {
    let lo = 0;
    let hi = this.binned.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const c = this.binned[mid];
      const s = this.sizes.get(c)!;
      if (s < size || (s === size && c < addr)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
