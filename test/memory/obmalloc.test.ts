// pymalloc's invariants (Objects/obmalloc.c), checked on the simulated state after long random
// sequences of allocations and frees, and the orderings that decide which address comes next.
import { describe, expect, it } from 'vitest';
import { ProcessMemory, type ObmallocState } from '../../engine/memory/index.js';
import type { ProfileName } from '../../engine/profiles/index.js';

/** A small deterministic generator (LCG), so every run checks the same sequence. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Every pymalloc invariant the allocator must keep, against the set of blocks the test holds. */
function checkInvariants(m: ProcessMemory, live: Map<number, number>): void {
  const obm = m.pymalloc;
  const state: ObmallocState = obm.inspect();
  const seen = new Set<number>();
  const poolClass = new Map<number, number>();
  const inUsed = new Set<number>();
  state.usedpools.forEach((list, cls) => list.forEach((p) => { inUsed.add(p); poolClass.set(p, cls); }));
  let liveInPools = 0;
  for (const arena of state.arenas) {
    const freepools = new Set(arena.freepools);
    expect(freepools.size).toBe(arena.freepools.length);
    // nfreepools counts cached empty pools plus pools never carved.
    expect(arena.nfreepools).toBe(arena.freepools.length + arena.ntotalpools - arena.pools.length);
    for (const pool of arena.pools) {
      const bsize = obm.blockSize(pool.sizeIndex);
      const empty = pool.count === 0;
      const full = !empty && pool.count === obm.numBlocks(pool.sizeIndex);
      // A pool is in exactly one place: its arena's freepools (empty), a usedpools list (partly
      // used, the list of its own size class) or nowhere (full).
      expect(freepools.has(pool.id)).toBe(empty);
      expect(inUsed.has(pool.id)).toBe(!empty && !full);
      if (inUsed.has(pool.id)) expect(poolClass.get(pool.id)).toBe(pool.sizeIndex);
      if (empty) continue;
      // Every block is in exactly one place: handed out, on the pool's free list, or never touched.
      const blocks = new Map<number, string>();
      for (let off = obm.poolOverhead; off + bsize <= obm.poolSize; off += bsize) {
        blocks.set(pool.address + off, off >= pool.nextoffset ? 'virgin' : 'unaccounted');
      }
      for (const addr of pool.freeList) {
        expect(blocks.get(addr)).toBe('unaccounted');
        blocks.set(addr, 'free');
      }
      let allocated = 0;
      for (const [addr, state] of blocks) {
        if (state !== 'unaccounted') continue;
        expect(live.get(addr)).toBeDefined();
        expect(obm.blockSize(pool.sizeIndex)).toBe(m.sizeOf(addr));
        allocated++;
        seen.add(addr);
      }
      expect(allocated).toBe(pool.count);
      liveInPools += allocated;
    }
  }
  for (const addr of live.keys()) if (m.pymalloc.addressInRange(addr)) expect(seen.has(addr)).toBe(true);
  expect(liveInPools).toBe([...live.keys()].filter((a) => m.pymalloc.addressInRange(a)).length);
  // usable_arenas: exactly the arenas with a free pool, most used (fewest free pools) first.
  const usable = state.usableArenas.map((i) => state.arenas.find((a) => a.index === i)!);
  expect(usable.every((a) => a.nfreepools > 0)).toBe(true);
  expect(usable.length).toBe(state.arenas.filter((a) => a.nfreepools > 0).length);
  for (let i = 1; i < usable.length; i++) expect(usable[i - 1].nfreepools).toBeLessThanOrEqual(usable[i].nfreepools);
}

function churn(version: ProfileName, steps: number, seed: number): { m: ProcessMemory; live: Map<number, number> } {
  const m = new ProcessMemory({ profile: version });
  const live = new Map<number, number>();
  const order: number[] = [];
  const rnd = lcg(seed);
  for (let i = 0; i < steps; i++) {
    // Phases of growth and shrinkage, so pools empty, arenas empty and get freed.
    const growing = Math.floor(i / (steps / 6)) % 2 === 0;
    if (order.length > 0 && rnd() < (growing ? 0.3 : 0.75)) {
      const k = Math.floor(rnd() * order.length);
      const addr = order[k];
      order[k] = order[order.length - 1];
      order.pop();
      live.delete(addr);
      m.objectFree(addr);
    } else {
      const n = rnd() < 0.05 ? 513 + Math.floor(rnd() * 2000) : 1 + Math.floor(rnd() ** 2 * 512);
      const addr = m.objectMalloc(n);
      // Plain checks: an expect() per step would dominate the run time.
      if (addr === 0 || live.has(addr)) throw new Error(`step ${i}: address 0x${addr.toString(16)} handed out twice`);
      if (m.sizeOf(addr) < n) throw new Error(`step ${i}: block of ${m.sizeOf(addr)} bytes for ${n}`);
      live.set(addr, n);
      order.push(addr);
    }
  }
  return { m, live };
}

describe.each(['3.11', '3.13', '3.8', '3.6'] as ProfileName[])('pymalloc invariants (%s)', (version) => {
  it('keeps every block and pool in exactly one place through random churn', () => {
    const { m, live } = churn(version, 60_000, 7);
    checkInvariants(m, live);
  });

  it('frees empty arenas, and the report adds up to the arenas\' size', () => {
    const { m, live } = churn(version, 150_000, 11);
    const before = m.pymalloc.ntimesArenaAllocated;
    expect(before).toBeGreaterThan(1);
    for (const addr of live.keys()) m.objectFree(addr);
    live.clear();
    checkInvariants(m, live);
    const kept = m.pymalloc.narenasCurrentlyAllocated;
    // 3.9+ keeps the last empty arena (bpo-37257); 3.8 and before give every empty arena back.
    expect(kept).toBe(m.profile.keepLastEmptyArena ? 1 : 0);
    expect(m.allocatedBlocks()).toBe(0);
    const report = m.debugMallocStats();
    const total = /\nTotal += +([\d,]+)/.exec(report)![1];
    expect(Number(total.replace(/,/g, ''))).toBe(kept * m.profile.arenaSize);
  });
});

describe('pymalloc orderings', () => {
  it('hands blocks of a fresh pool out in address order, after the 48-byte pool header', () => {
    const m = new ProcessMemory();
    const a = m.objectMalloc(30);
    expect(a % 16384).toBe(48);
    expect(m.objectMalloc(32)).toBe(a + 32);
    expect(m.objectMalloc(17)).toBe(a + 64);
  });

  it('reuses freed blocks last in, first out within a pool', () => {
    const m = new ProcessMemory();
    const blocks = Array.from({ length: 10 }, () => m.objectMalloc(100));
    for (const i of [2, 7, 5]) m.objectFree(blocks[i]);
    expect([m.objectMalloc(112), m.objectMalloc(97), m.objectMalloc(100)]).toEqual([blocks[5], blocks[7], blocks[2]]);
    expect(m.objectMalloc(100)).toBe(blocks[9] + 112);
  });

  it('puts a pool that was full at the front of its size class, so its freed block is next', () => {
    const m = new ProcessMemory();
    const perPool = m.pymalloc.numBlocks(31);
    const first = Array.from({ length: perPool }, () => m.objectMalloc(512));
    const second = m.objectMalloc(512);
    expect(Math.floor(second / 16384)).not.toBe(Math.floor(first[0] / 16384));
    m.objectFree(first[3]);
    expect(m.objectMalloc(512)).toBe(first[3]);
  });

  it('reuses an emptied pool for another size class, taking the most recently emptied first', () => {
    const m = new ProcessMemory();
    const pinned = m.objectMalloc(8);
    const a = m.objectMalloc(256);
    const b = m.objectMalloc(400);
    const poolOf = (x: number) => x - (x % 16384);
    m.objectFree(a);
    m.objectFree(b);
    expect(poolOf(m.objectMalloc(64))).toBe(poolOf(b));
    expect(poolOf(m.objectMalloc(160))).toBe(poolOf(a));
    expect(pinned).toBeGreaterThan(0);
  });

  it('keeps usable arenas sorted by free pools and takes new pools from the most used one', () => {
    const m = new ProcessMemory();
    const perPool = m.pymalloc.numBlocks(31);
    // Two full arenas of 63 pools (their base is not pool-aligned) and one block in a third.
    const blocks = Array.from({ length: perPool * 126 + 1 }, () => m.objectMalloc(512));
    const arenaOf = (x: number) => m.pymalloc.inspect().arenas.find((a) => x >= a.address && x < a.address + 2 ** 20)!.index;
    const [a0, a1, a2] = [blocks[0], blocks[63 * perPool], blocks[126 * perPool]].map(arenaOf);
    const emptyPool = (i: number) => { for (let k = 0; k < perPool; k++) m.objectFree(blocks[i * perPool + k]); };
    [0, 1, 2, 3, 4, 5].forEach(emptyPool);
    [63, 64].forEach(emptyPool);
    expect(m.pymalloc.inspect().usableArenas).toEqual([a1, a0, a2]);
    expect(arenaOf(m.objectMalloc(16))).toBe(a1);
    // Emptying more of arena 1 slides it right, past arena 0.
    [65, 66, 67, 68, 69, 70].forEach(emptyPool);
    expect(m.pymalloc.inspect().usableArenas).toEqual([a0, a1, a2]);
  });
});

describe('3.7.0-3.7.3 (before bpo-27987)', () => {
  it('keeps pymalloc\'s invariants with 8-byte size classes', () => {
    const m = new ProcessMemory({ profile: '3.7', micro: 3 });
    const live = new Map<number, number>();
    const rnd = lcg(3);
    for (let i = 0; i < 30_000; i++) {
      if (live.size > 0 && rnd() < 0.45) {
        const addr = live.keys().next().value!;
        live.delete(addr);
        m.objectFree(addr);
      } else {
        const n = 1 + Math.floor(rnd() * 512);
        live.set(m.objectMalloc(n), n);
      }
    }
    checkInvariants(m, live);
  });

  it('has 8-byte size classes: 64 of them, and a 24-byte GC header', () => {
    const m = new ProcessMemory({ profile: '3.7', micro: 3 });
    expect(m.profile.gcHeaderSize).toBe(24);
    const a = m.objectMalloc(40);
    expect(m.objectMalloc(33)).toBe(a + 40);
    expect(m.sizeOf(a)).toBe(40);
    expect(m.debugMallocStats()).toMatch(/^Small block threshold = 512, in 64 size classes\.\n/);
    expect(new ProcessMemory({ profile: '3.7' }).profile.alignment).toBe(16);
  });
});
