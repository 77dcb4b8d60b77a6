// pymalloc, CPython's small-object allocator (Objects/obmalloc.c), over simulated arenas mmapped
// from the process's address space. Its state lives in typed arrays indexed by pool and arena
// number instead of in the pool headers and arena_object structs, with the same lists, the same
// order of operations and therefore the same addresses as the C code:
//  - pool numbers: 0 .. nclasses-1 are the usedpools[] list heads (the "PTA" fake pools), then
//    arena a's k-th pool is nclasses + a * poolsPerArena + k;
//  - a block's free-list link (`*(block **)p` in C) is stored as the next block's byte offset in
//    its pool, 0 standing for NULL (offset 0 is the pool header, never a block);
//  - address_in_range() is a table from pool-sized slots of the mmap zone to pool numbers, which
//    answers what the radix tree (or, before 3.10, the arenaindex check) answers.

import type { MemoryProfile } from '../profiles/memory.js';
import type { AddressSpace } from './addressSpace.js';
import { MMAP_ZONE_TOP, type PageTable } from './pageTable.js';
import { printone } from './mallocStats.js';
import { PAGE_SHIFT } from './frames.js';

/** sizeof(struct pool_header) on 64-bit: count/padding, freeblock, nextpool, prevpool, 4 uints. */
const POOL_HEADER_SIZE = 48;
const DUMMY_SIZE_IDX = 0xffff;
const INITIAL_ARENA_OBJECTS = 16;
const NONE = -1;

export class Obmalloc {
  readonly alignment: number;
  readonly alignShift: number;
  readonly threshold: number;
  readonly nclasses: number;
  readonly poolSize: number;
  readonly arenaSize: number;
  readonly poolsPerArena: number;
  readonly poolOverhead: number;
  /** Link slots per pool: one per ALIGNMENT bytes. */
  private readonly slots: number;
  private readonly pages: PageTable;

  // Pool state, by pool number (see above).
  private poolBase = new Float64Array(0);
  private count = new Int32Array(0);
  private freeblock = new Int32Array(0);
  private nextpool = new Int32Array(0);
  private prevpool = new Int32Array(0);
  private szidx = new Int32Array(0);
  private nextoffset = new Int32Array(0);
  private maxnextoffset = new Int32Array(0);
  private links = new Uint16Array(0);

  // Arena objects (struct arena_object), by index into CPython's `arenas` vector.
  private maxarenas = 0;
  private arenaAddress = new Float64Array(0);
  /** Address of the arena's first pool-aligned pool. */
  private arenaFirstPool = new Float64Array(0);
  /** pool_address as a count of pools carved so far. */
  private arenaCarved = new Int32Array(0);
  private nfreepools = new Int32Array(0);
  private ntotalpools = new Int32Array(0);
  private arenaFreepools = new Int32Array(0);
  private nextarena = new Int32Array(0);
  private prevarena = new Int32Array(0);
  private unusedArenaObjects = NONE;
  private usableArenas = NONE;
  private readonly nfp2lasta: Int32Array;

  /** Pool slots of the mmap zone (counted down from its top) -> pool number + 1; 0 = not pymalloc's. */
  private poolAt = new Int32Array(0);
  /** Bytes below the mmap zone's top that poolAt covers. */
  private poolAtSpan = 0;
  /** Radix-tree interior nodes ever created (3.10+): keys of MAP_TOP and MAP_TOP|MAP_MID indices. */
  private readonly mapMidNodes = new Set<number>();
  private readonly mapBotNodes = new Set<number>();

  narenasCurrentlyAllocated = 0;
  ntimesArenaAllocated = 0;
  narenasHighwater = 0;

  constructor(readonly profile: MemoryProfile, private readonly space: AddressSpace) {
    this.alignment = profile.alignment;
    this.alignShift = Math.log2(profile.alignment);
    this.threshold = profile.smallRequestThreshold;
    this.nclasses = this.threshold >> this.alignShift;
    this.poolSize = profile.poolSize;
    this.arenaSize = profile.arenaSize;
    this.poolsPerArena = this.arenaSize / this.poolSize;
    this.poolOverhead = Math.ceil(POOL_HEADER_SIZE / this.alignment) * this.alignment;
    this.slots = this.poolSize >> this.alignShift;
    this.pages = space.pages;
    this.nfp2lasta = new Int32Array(this.poolsPerArena + 1).fill(NONE);
    this.growPools(this.nclasses);
    for (let i = 0; i < this.nclasses; i++) {
      this.nextpool[i] = i;
      this.prevpool[i] = i;
    }
  }

  /** INDEX2SIZE */
  blockSize(sizeIndex: number): number {
    return (sizeIndex + 1) << this.alignShift;
  }

  /** Objects/obmalloc.c pymalloc_alloc: a block for 1..threshold bytes, 0 for other sizes or no memory. */
  pymallocAlloc(nbytes: number): number {
    if (nbytes <= 0 || nbytes > this.threshold) return 0;
    const size = (nbytes - 1) >> this.alignShift;
    const pool = this.nextpool[size];
    if (pool === size) return this.allocateFromNewPool(size);
    this.count[pool]++;
    const bp = this.freeblock[pool];
    const next = this.links[pool * this.slots + (bp >> this.alignShift)];
    this.freeblock[pool] = next;
    if (next === 0) this.pymallocPoolExtend(pool, size);
    const addr = this.poolBase[pool] + bp;
    if (this.pages.tracking) this.touchAlloc(pool, addr, size);
    return addr;
  }

  /** Objects/obmalloc.c pymalloc_free: false when pymalloc does not own p. */
  pymallocFree(p: number): boolean {
    const pool = this.poolOf(p);
    if (pool < 0) return false;
    const base = this.poolBase[pool];
    const off = p - base;
    const lastfree = this.freeblock[pool];
    this.links[pool * this.slots + (off >> this.alignShift)] = lastfree;
    this.freeblock[pool] = off;
    const left = --this.count[pool];
    if (this.pages.tracking) {
      this.pages.write(p, 8);
      this.pages.write(base, POOL_HEADER_SIZE);
    }
    if (lastfree === 0) {
      // The pool was full: back to the front of its usedpools list, so its block is reused next.
      this.insertToUsedpool(pool);
      return true;
    }
    if (left !== 0) return true;
    this.insertToFreepool(pool);
    return true;
  }

  /** Objects/obmalloc.c pymalloc_realloc: the new address, 0 on failure, or -1 when p is not pymalloc's. */
  pymallocRealloc(p: number, nbytes: number, fallbackMalloc: (n: number) => number): number {
    const pool = this.poolOf(p);
    if (pool < 0) return -1;
    const size = this.blockSize(this.szidx[pool]);
    // Shrinking keeps the block unless at least a quarter of it would be given back.
    if (nbytes <= size && 4 * nbytes > 3 * size) return p;
    const bp = this.pymallocAlloc(nbytes) || fallbackMalloc(nbytes);
    if (bp !== 0) {
      this.pages.write(bp, Math.min(size, nbytes));
      this.pymallocFree(p);
    }
    return bp;
  }

  /** Objects/obmalloc.c address_in_range */
  addressInRange(p: number): boolean {
    return this.poolOf(p) >= 0;
  }

  /** Usable size of a pymalloc block (its size class), or -1 if p is not pymalloc's. */
  usableSize(p: number): number {
    const pool = this.poolOf(p);
    return pool < 0 ? -1 : this.blockSize(this.szidx[pool]);
  }

  /** Where a pymalloc address lies: its arena, pool, size class and block; null if not pymalloc's. */
  locate(p: number): BlockLocation | null {
    const pool = this.poolOf(p);
    if (pool < 0) return null;
    const arena = ((pool - this.nclasses) / this.poolsPerArena) | 0;
    const k = pool - this.nclasses - arena * this.poolsPerArena;
    const base = this.arenaFirstPool[arena] + k * this.poolSize;
    const carved = k < this.arenaCarved[arena];
    const sizeIndex = carved ? this.szidx[pool] : DUMMY_SIZE_IDX;
    const blockSize = carved && sizeIndex !== DUMMY_SIZE_IDX ? this.blockSize(sizeIndex) : 0;
    const off = p - base;
    return {
      arena, arenaAddress: this.arenaAddress[arena], pool: base, sizeIndex, blockSize,
      block: blockSize > 0 && off >= this.poolOverhead ? Math.floor((off - this.poolOverhead) / blockSize) : -1,
      poolCount: carved ? this.count[pool] : 0,
    };
  }

  private poolOf(p: number): number {
    const below = MMAP_ZONE_TOP - 1 - p;
    if (below < 0 || below >= this.poolAtSpan) return -1;
    return this.poolAt[(below / this.poolSize) | 0] - 1;
  }

  private touchAlloc(pool: number, addr: number, size: number): void {
    this.pages.write(addr, this.blockSize(size));
    this.pages.write(this.poolBase[pool], POOL_HEADER_SIZE);
  }

  // Objects/obmalloc.c pymalloc_pool_extend: carve the next virgin block, or unlink a full pool.
  private pymallocPoolExtend(pool: number, size: number): void {
    if (this.nextoffset[pool] <= this.maxnextoffset[pool]) {
      const off = this.nextoffset[pool];
      const bsize = this.blockSize(size);
      this.freeblock[pool] = off;
      this.nextoffset[pool] = off + bsize;
      this.links[pool * this.slots + (off >> this.alignShift)] = 0;
      // Virgin blocks are written in address order: only a block reaching into a page no earlier
      // block touched makes a new page resident (pools are page-aligned).
      if ((off + bsize - 1) >> PAGE_SHIFT !== (off - 1) >> PAGE_SHIFT) this.pages.write(this.poolBase[pool] + off, bsize);
      return;
    }
    const next = this.nextpool[pool];
    const prev = this.prevpool[pool];
    this.prevpool[next] = prev;
    this.nextpool[prev] = next;
  }

  // Objects/obmalloc.c allocate_from_new_pool
  private allocateFromNewPool(size: number): number {
    if (this.usableArenas === NONE) {
      const arena = this.newArena();
      if (arena === NONE) return 0;
      this.usableArenas = arena;
      this.nextarena[arena] = this.prevarena[arena] = NONE;
      this.nfp2lasta[this.nfreepools[arena]] = arena;
    }
    const ua = this.usableArenas;
    if (this.nfp2lasta[this.nfreepools[ua]] === ua) this.nfp2lasta[this.nfreepools[ua]] = NONE;
    if (this.nfreepools[ua] > 1) this.nfp2lasta[this.nfreepools[ua] - 1] = ua;

    let pool = this.arenaFreepools[ua];
    if (pool !== NONE) {
      this.arenaFreepools[ua] = this.nextpool[pool];
    } else {
      pool = this.nclasses + ua * this.poolsPerArena + this.arenaCarved[ua]++;
      this.poolBase[pool] = this.arenaFirstPool[ua] + (pool - this.nclasses - ua * this.poolsPerArena) * this.poolSize;
      this.szidx[pool] = DUMMY_SIZE_IDX;
    }
    if (--this.nfreepools[ua] === 0) {
      // Wholly allocated: unlink the arena.
      this.usableArenas = this.nextarena[ua];
      if (this.usableArenas !== NONE) this.prevarena[this.usableArenas] = NONE;
    }

    // Frontlink to the (empty) usedpools list.
    this.nextpool[pool] = this.prevpool[pool] = size;
    this.nextpool[size] = this.prevpool[size] = pool;
    this.count[pool] = 1;
    const base = this.poolBase[pool];
    this.pages.write(base, POOL_HEADER_SIZE);
    if (this.szidx[pool] === size) {
      // Same size class as last time: header and free list are still set up.
      const bp = this.freeblock[pool];
      this.freeblock[pool] = this.links[pool * this.slots + (bp >> this.alignShift)];
      this.pages.write(base + bp, this.blockSize(size));
      return base + bp;
    }
    this.szidx[pool] = size;
    const bsize = this.blockSize(size);
    const bp = this.poolOverhead;
    this.nextoffset[pool] = this.poolOverhead + 2 * bsize;
    this.maxnextoffset[pool] = this.poolSize - bsize;
    this.freeblock[pool] = bp + bsize;
    this.links[pool * this.slots + ((bp + bsize) >> this.alignShift)] = 0;
    this.pages.write(base + bp, 2 * bsize);
    return base + bp;
  }

  // Objects/obmalloc.c new_arena
  private newArena(): number {
    if (this.unusedArenaObjects === NONE) {
      const numarenas = this.maxarenas ? this.maxarenas << 1 : INITIAL_ARENA_OBJECTS;
      this.growArenas(numarenas);
      for (let i = this.maxarenas; i < numarenas; i++) {
        this.arenaAddress[i] = 0;
        this.nextarena[i] = i < numarenas - 1 ? i + 1 : NONE;
      }
      this.unusedArenaObjects = this.maxarenas;
      this.maxarenas = numarenas;
    }
    const arena = this.unusedArenaObjects;
    const address = this.space.mmap(this.arenaSize);
    if (address === 0) return NONE;
    this.unusedArenaObjects = this.nextarena[arena];
    this.arenaAddress[arena] = address;
    this.narenasCurrentlyAllocated++;
    this.ntimesArenaAllocated++;
    if (this.narenasCurrentlyAllocated > this.narenasHighwater) this.narenasHighwater = this.narenasCurrentlyAllocated;
    this.arenaFreepools[arena] = NONE;
    let nfree = this.poolsPerArena;
    let first = address;
    const excess = address % this.poolSize;
    if (excess !== 0) {
      nfree--;
      first += this.poolSize - excess;
    }
    this.arenaFirstPool[arena] = first;
    this.arenaCarved[arena] = 0;
    this.nfreepools[arena] = this.ntotalpools[arena] = nfree;
    this.arenaMapMarkUsed(arena, true);
    return arena;
  }

  // Objects/obmalloc.c insert_to_usedpool: a pool that was full goes to the front of its list.
  private insertToUsedpool(pool: number): void {
    const size = this.szidx[pool];
    const next = this.nextpool[size];
    const prev = this.prevpool[next];
    this.nextpool[pool] = next;
    this.prevpool[pool] = prev;
    this.prevpool[next] = pool;
    this.nextpool[prev] = pool;
  }

  // Objects/obmalloc.c insert_to_freepool: an empty pool goes to its arena's freepools, and the
  // arena moves in usable_arenas (kept sorted by nfreepools) or is freed when wholly empty.
  private insertToFreepool(pool: number): void {
    const next = this.nextpool[pool];
    const prev = this.prevpool[pool];
    this.prevpool[next] = prev;
    this.nextpool[prev] = next;

    const ao = (pool - this.nclasses) / this.poolsPerArena | 0;
    this.nextpool[pool] = this.arenaFreepools[ao];
    this.arenaFreepools[ao] = pool;
    let nf = this.nfreepools[ao];
    const lastnf = this.nfp2lasta[nf];
    if (lastnf === ao) {
      const p = this.prevarena[ao];
      this.nfp2lasta[nf] = p !== NONE && this.nfreepools[p] === nf ? p : NONE;
    }
    this.nfreepools[ao] = ++nf;

    const keepLast = this.profile.keepLastEmptyArena;
    if (nf === this.ntotalpools[ao] && (!keepLast || this.nextarena[ao] !== NONE)) {
      this.freeArena(ao);
      return;
    }
    if (nf === 1) {
      this.nextarena[ao] = this.usableArenas;
      this.prevarena[ao] = NONE;
      if (this.usableArenas !== NONE) this.prevarena[this.usableArenas] = ao;
      this.usableArenas = ao;
      if (this.nfp2lasta[1] === NONE) this.nfp2lasta[1] = ao;
      return;
    }
    if (this.nfp2lasta[nf] === NONE) this.nfp2lasta[nf] = ao;
    if (ao === lastnf) return;
    // Slide ao right, to just after the last arena that had its old count of free pools.
    if (this.prevarena[ao] !== NONE) this.nextarena[this.prevarena[ao]] = this.nextarena[ao];
    else this.usableArenas = this.nextarena[ao];
    this.prevarena[this.nextarena[ao]] = this.prevarena[ao];
    this.prevarena[ao] = lastnf;
    this.nextarena[ao] = this.nextarena[lastnf];
    if (this.nextarena[ao] !== NONE) this.prevarena[this.nextarena[ao]] = ao;
    this.nextarena[lastnf] = ao;
  }

  /** Case 1 of insert_to_freepool: unlink from usable_arenas and return the arena to the system. */
  private freeArena(ao: number): void {
    if (this.prevarena[ao] === NONE) this.usableArenas = this.nextarena[ao];
    else this.nextarena[this.prevarena[ao]] = this.nextarena[ao];
    if (this.nextarena[ao] !== NONE) this.prevarena[this.nextarena[ao]] = this.prevarena[ao];
    this.nextarena[ao] = this.unusedArenaObjects;
    this.unusedArenaObjects = ao;
    this.arenaMapMarkUsed(ao, false);
    this.space.munmap(this.arenaAddress[ao], this.arenaSize);
    this.arenaAddress[ao] = 0;
    this.narenasCurrentlyAllocated--;
  }

  /** arena_map_mark_used: records (or forgets) which pool slots belong to the arena. */
  private arenaMapMarkUsed(arena: number, used: boolean): void {
    const first = this.arenaFirstPool[arena];
    const topSlot = Math.floor((MMAP_ZONE_TOP - 1 - first) / this.poolSize);
    const n = this.ntotalpools[arena];
    if (topSlot + 1 > this.poolAt.length) {
      const grown = new Int32Array(Math.max(topSlot + 1, this.poolAt.length * 2));
      grown.set(this.poolAt);
      this.poolAt = grown;
      this.poolAtSpan = grown.length * this.poolSize;
    }
    const firstPool = this.nclasses + arena * this.poolsPerArena;
    for (let k = 0; k < n; k++) this.poolAt[topSlot - k] = used ? firstPool + k + 1 : 0;
    if (used && this.profile.radixTree) {
      const base = this.arenaAddress[arena];
      for (const a of base % this.arenaSize === 0 ? [base] : [base, base + this.arenaSize]) {
        this.mapMidNodes.add(Math.floor(a / 2 ** 49));
        this.mapBotNodes.add(Math.floor(a / 2 ** 34));
      }
    }
  }

  private growArenas(n: number): void {
    this.arenaAddress = resized(this.arenaAddress, n);
    this.arenaFirstPool = resized(this.arenaFirstPool, n);
    this.arenaCarved = resized(this.arenaCarved, n);
    this.nfreepools = resized(this.nfreepools, n);
    this.ntotalpools = resized(this.ntotalpools, n);
    this.arenaFreepools = resized(this.arenaFreepools, n);
    this.nextarena = resized(this.nextarena, n);
    this.prevarena = resized(this.prevarena, n);
    this.growPools(this.nclasses + n * this.poolsPerArena);
  }

  private growPools(n: number): void {
    this.poolBase = resized(this.poolBase, n);
    this.count = resized(this.count, n);
    this.freeblock = resized(this.freeblock, n);
    this.nextpool = resized(this.nextpool, n);
    this.prevpool = resized(this.prevpool, n);
    this.szidx = resized(this.szidx, n);
    this.nextoffset = resized(this.nextoffset, n);
    this.maxnextoffset = resized(this.maxnextoffset, n);
    this.links = resized(this.links, n * this.slots);
  }

  /** Objects/obmalloc.c _PyObject_DebugMallocStats: the arena report, line by line as CPython prints it. */
  debugMallocStats(): string {
    const ncls = this.nclasses;
    const numpools = new Array<number>(ncls).fill(0);
    const numblocks = new Array<number>(ncls).fill(0);
    const numfree = new Array<number>(ncls).fill(0);
    let numfreepools = 0;
    let arenaAlignment = 0;
    let narenas = 0;
    for (let a = 0; a < this.maxarenas; a++) {
      if (this.arenaAddress[a] === 0) continue;
      narenas++;
      numfreepools += this.nfreepools[a];
      if (this.arenaAddress[a] % this.poolSize !== 0) arenaAlignment += this.poolSize;
      const first = this.nclasses + a * this.poolsPerArena;
      for (let p = first; p < first + this.arenaCarved[a]; p++) {
        if (this.count[p] === 0) continue;
        const sz = this.szidx[p];
        numpools[sz]++;
        numblocks[sz] += this.count[p];
        numfree[sz] += this.numBlocks(sz) - this.count[p];
      }
    }
    const out: string[] = [];
    out.push(`Small block threshold = ${this.threshold}, in ${ncls} size classes.\n`);
    out.push('\nclass   size   num pools   blocks in use  avail blocks\n');
    out.push('-----   ----   ---------   -------------  ------------\n');
    let allocated = 0;
    let available = 0;
    let headers = 0;
    let quantization = 0;
    for (let i = 0; i < ncls; i++) {
      const p = numpools[i];
      if (p === 0) continue;
      const size = this.blockSize(i);
      out.push(`${pad(i, 5)} ${pad(size, 6)} ${pad(p, 11)} ${pad(numblocks[i], 15)} ${pad(numfree[i], 13)}\n`);
      allocated += numblocks[i] * size;
      available += numfree[i] * size;
      headers += p * this.poolOverhead;
      quantization += p * ((this.poolSize - this.poolOverhead) % size);
    }
    out.push('\n');
    out.push(printone('# arenas allocated total', this.ntimesArenaAllocated));
    out.push(printone('# arenas reclaimed', this.ntimesArenaAllocated - narenas));
    out.push(printone('# arenas highwater mark', this.narenasHighwater));
    out.push(printone('# arenas allocated current', narenas));
    out.push(printone(`${narenas} arenas * ${this.arenaSize} bytes/arena`, narenas * this.arenaSize));
    out.push('\n');
    const rows: [string, number][] = [
      ['# bytes in allocated blocks', allocated],
      ['# bytes in available blocks', available],
      [`${numfreepools} unused pools * ${this.poolSize} bytes`, numfreepools * this.poolSize],
      ['# bytes lost to pool headers', headers],
      ['# bytes lost to quantization', quantization],
      ['# bytes lost to arena alignment', arenaAlignment],
    ];
    let total = 0;
    for (const [label, value] of rows) {
      out.push(printone(label, value));
      total += value;
    }
    out.push(printone('Total', total));
    if (this.profile.radixTree) {
      // sizeof(arena_map_top_t) and sizeof(arena_map_mid_t): 2**15 pointers; arena_map_bot_t: 2**14 pairs of int32.
      const root = 2 ** 15 * 8;
      const mid = 2 ** 15 * 8 * this.mapMidNodes.size;
      const bot = 2 ** 14 * 8 * this.mapBotNodes.size;
      out.push('\narena map counts\n');
      out.push(printone('# arena map mid nodes', this.mapMidNodes.size));
      out.push(printone('# arena map bot nodes', this.mapBotNodes.size));
      out.push('\n');
      out.push(printone('# bytes lost to arena map root', root));
      out.push(printone('# bytes lost to arena map mid', mid));
      out.push(printone('# bytes lost to arena map bot', bot));
      out.push(printone('Total', root + mid + bot));
    }
    return out.join('');
  }

  /** NUMBLOCKS */
  numBlocks(sizeIndex: number): number {
    return Math.floor((this.poolSize - this.poolOverhead) / this.blockSize(sizeIndex));
  }

  /** Number of blocks handed out by pymalloc and not freed. */
  allocatedBlocks(): number {
    let n = 0;
    for (let a = 0; a < this.maxarenas; a++) {
      if (this.arenaAddress[a] === 0) continue;
      const first = this.nclasses + a * this.poolsPerArena;
      for (let p = first; p < first + this.arenaCarved[a]; p++) n += this.count[p];
    }
    return n;
  }

  /** A copy of the whole allocator for a forked child. */
  fork(space: AddressSpace): Obmalloc {
    const c = new Obmalloc(this.profile, space);
    c.poolBase = this.poolBase.slice();
    c.count = this.count.slice();
    c.freeblock = this.freeblock.slice();
    c.nextpool = this.nextpool.slice();
    c.prevpool = this.prevpool.slice();
    c.szidx = this.szidx.slice();
    c.nextoffset = this.nextoffset.slice();
    c.maxnextoffset = this.maxnextoffset.slice();
    c.links = this.links.slice();
    c.maxarenas = this.maxarenas;
    c.arenaAddress = this.arenaAddress.slice();
    c.arenaFirstPool = this.arenaFirstPool.slice();
    c.arenaCarved = this.arenaCarved.slice();
    c.nfreepools = this.nfreepools.slice();
    c.ntotalpools = this.ntotalpools.slice();
    c.arenaFreepools = this.arenaFreepools.slice();
    c.nextarena = this.nextarena.slice();
    c.prevarena = this.prevarena.slice();
    c.unusedArenaObjects = this.unusedArenaObjects;
    c.usableArenas = this.usableArenas;
    c.nfp2lasta.set(this.nfp2lasta);
    c.poolAt = this.poolAt.slice();
    c.poolAtSpan = this.poolAtSpan;
    for (const k of this.mapMidNodes) c.mapMidNodes.add(k);
    for (const k of this.mapBotNodes) c.mapBotNodes.add(k);
    c.narenasCurrentlyAllocated = this.narenasCurrentlyAllocated;
    c.ntimesArenaAllocated = this.ntimesArenaAllocated;
    c.narenasHighwater = this.narenasHighwater;
    return c;
  }

  /** Read-only view of the internal state, for invariant checks and visualisations. */
  inspect(): ObmallocState {
    const arenas: ArenaState[] = [];
    for (let a = 0; a < this.maxarenas; a++) {
      if (this.arenaAddress[a] === 0) continue;
      const pools: PoolState[] = [];
      const first = this.nclasses + a * this.poolsPerArena;
      for (let p = first; p < first + this.arenaCarved[a]; p++) {
        const free: number[] = [];
        for (let off = this.freeblock[p]; off !== 0 && this.count[p] > 0; off = this.links[p * this.slots + (off >> this.alignShift)]) {
          free.push(this.poolBase[p] + off);
        }
        pools.push({
          id: p, address: this.poolBase[p], sizeIndex: this.szidx[p], count: this.count[p],
          freeList: free, nextoffset: this.nextoffset[p], maxnextoffset: this.maxnextoffset[p],
        });
      }
      const freepools: number[] = [];
      for (let p = this.arenaFreepools[a]; p !== NONE; p = this.nextpool[p]) freepools.push(p);
      arenas.push({
        index: a, address: this.arenaAddress[a], nfreepools: this.nfreepools[a],
        ntotalpools: this.ntotalpools[a], pools, freepools,
      });
    }
    const usedpools: number[][] = [];
    for (let i = 0; i < this.nclasses; i++) {
      const list: number[] = [];
      for (let p = this.nextpool[i]; p !== i; p = this.nextpool[p]) list.push(p);
      usedpools.push(list);
    }
    const usable: number[] = [];
    for (let a = this.usableArenas; a !== NONE; a = this.nextarena[a]) usable.push(a);
    return { arenas, usedpools, usableArenas: usable };
  }
}

export interface BlockLocation {
  /** Index into CPython's arenas vector. */
  arena: number;
  arenaAddress: number;
  /** Address of the pool (its header). */
  pool: number;
  /** Size class of the pool (0xffff if it was never used). */
  sizeIndex: number;
  blockSize: number;
  /** Block number inside the pool, -1 for an address in the pool header. */
  block: number;
  /** Blocks of the pool in use. */
  poolCount: number;
}

export interface PoolState {
  id: number;
  address: number;
  sizeIndex: number;
  count: number;
  /** Addresses on the pool's free list, head first. */
  freeList: number[];
  nextoffset: number;
  maxnextoffset: number;
}

export interface ArenaState {
  index: number;
  address: number;
  nfreepools: number;
  ntotalpools: number;
  /** Pools carved so far, in address order. */
  pools: PoolState[];
  /** Pool ids on the arena's freepools list, head first. */
  freepools: number[];
}

export interface ObmallocState {
  arenas: ArenaState[];
  /** Pool ids on each size class's usedpools list, front first. */
  usedpools: number[][];
  /** Arena indices in usable_arenas order. */
  usableArenas: number[];
}

type NumberArray = Float64Array | Int32Array | Uint16Array;

/** A copy of a typed array grown to n elements (the new ones zero). */
function resized<T extends NumberArray>(a: T, n: number): T {
  const b = new (a.constructor as new (n: number) => T)(n);
  b.set(a as ArrayLike<number> & T);
  return b;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width);
}
