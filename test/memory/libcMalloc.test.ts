// The simulated glibc malloc behind the raw domain: layout of the brk heap, reuse order, coalescing,
// trimming, mmapped chunks and the memory limit.
import { describe, expect, it } from 'vitest';
import { ProcessMemory } from '../../engine/memory/index.js';

describe('simulated glibc malloc', () => {
  it('starts the heap with the tcache struct and a 132 KiB brk extension, like glibc 2.26+', () => {
    const m = new ProcessMemory();
    const p = m.rawMalloc(10);
    expect(p).toBe(0x5555555592a0);
    expect(m.sizeOf(p)).toBe(24);
    expect(m.mallocInfo().arena).toBe(0x21000);
    expect(m.rawMalloc(24)).toBe(p + 32);
    expect(m.rawMalloc(25)).toBe(p + 64);
    expect(m.sizeOf(p + 64)).toBe(40);
  });

  it('gives a freed chunk back first for the same size (tcache, last in first out)', () => {
    const m = new ProcessMemory();
    const a = m.rawMalloc(600);
    const b = m.rawMalloc(600);
    m.rawMalloc(600);
    m.rawFree(a);
    m.rawFree(b);
    expect(m.rawMalloc(600)).toBe(b);
    expect(m.rawMalloc(600)).toBe(a);
  });

  it('coalesces freed neighbours that are too big for the tcache and splits them again', () => {
    const m = new ProcessMemory();
    const a = m.rawMalloc(2000);
    const b = m.rawMalloc(2000);
    const guard = m.rawMalloc(2000);
    m.rawFree(a);
    m.rawFree(b);
    const joined = m.rawMalloc(4000);
    expect(joined).toBe(a);
    expect(m.sizeOf(joined)).toBeGreaterThanOrEqual(4000);
    expect(guard).toBe(b + 2016);
  });

  it('grows a block in place into the top chunk', () => {
    const m = new ProcessMemory();
    const a = m.rawMalloc(3000);
    expect(m.rawRealloc(a, 9000)).toBe(a);
    expect(m.sizeOf(a)).toBeGreaterThanOrEqual(9000);
  });

  it('trims the heap when the top chunk passes the trim threshold', () => {
    const m = new ProcessMemory();
    const blocks = Array.from({ length: 8 }, () => m.rawMalloc(100_000));
    const grown = m.mallocInfo().arena;
    expect(grown).toBeGreaterThan(800_000);
    for (const b of blocks.reverse()) m.rawFree(b);
    const trimmed = m.mallocInfo().arena;
    expect(trimmed).toBeLessThan(200 * 1024);
    expect(m.status().VmSize).toBeLessThan(m.status().VmPeak);
  });

  it('mmaps chunks of 128 KiB and more, and unmaps them on free', () => {
    const m = new ProcessMemory();
    m.rawMalloc(1);
    const before = m.status().VmSize;
    const p = m.rawMalloc(1 << 20);
    expect(p % 4096).toBe(16);
    expect(m.sizeOf(p)).toBe((1 << 20) + 4096 - 16);
    expect(m.mallocInfo().hblks).toBe(1);
    expect(m.status().VmSize - before).toBe(1028);
    m.rawFree(p);
    expect(m.status().VmSize).toBe(before);
  });

  it('reallocates an mmapped chunk by moving its mapping when it cannot grow in place', () => {
    const m = new ProcessMemory();
    const p = m.rawMalloc(200_000);
    const q = m.rawRealloc(p, 400_000);
    expect(q).not.toBe(p);
    expect(m.sizeOf(q)).toBeGreaterThanOrEqual(400_000);
    expect(m.rawRealloc(q, 300_000)).toBe(q);
  });

  it('refuses requests of several gigabytes without wrapping sizes to 32 bits', () => {
    const m = new ProcessMemory();
    expect(m.rawMalloc(2 ** 32 + 16)).toBe(0);
    expect(m.objectMalloc(8 * 10 ** 10)).toBe(0);
    expect(m.memRealloc(m.memMalloc(1000), 2 ** 33)).toBe(0);
    const big = new ProcessMemory({ limit: 2 ** 34 }).rawMalloc(2 ** 32 + 16);
    expect(big % 4096).toBe(16);
  });

  it('fails (returns 0) past the process memory limit', () => {
    const m = new ProcessMemory({ limit: 32 * 1024 * 1024 });
    expect(m.rawMalloc(40 * 1024 * 1024)).toBe(0);
    const blocks: number[] = [];
    let p: number;
    while ((p = m.rawMalloc(100_000)) !== 0) blocks.push(p);
    expect(blocks.length).toBeGreaterThan(300);
    expect(m.objectMalloc(600_000)).toBe(0);
    // No room for a new arena: pymalloc falls back to malloc, which still has a little heap.
    const small = m.objectMalloc(100);
    expect(small).toBeGreaterThan(0x555555559000);
    expect(small).toBeLessThan(0x600000000000);
  });
});
