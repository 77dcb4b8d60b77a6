import { describe, expect, it } from 'vitest';
import { ProcessMemory, staticAlloc } from '../../engine/memory/index.js';

describe('ProcessMemory allocator domains', () => {
  it('serves small object requests from pymalloc pools in the mmap area, 16 bytes apart per class', () => {
    const m = new ProcessMemory();
    const a = m.objectMalloc(56);
    const b = m.objectMalloc(56);
    expect(a).toBeGreaterThan(0x7f0000000000);
    expect(b - a).toBe(64);
    expect(m.sizeOf(a)).toBe(64);
  });

  it('routes requests over 512 bytes and zero-byte requests to libc malloc on the brk heap', () => {
    const m = new ProcessMemory();
    const big = m.objectMalloc(513);
    expect(big).toBeGreaterThanOrEqual(0x555555559000);
    expect(big).toBeLessThan(0x560000000000);
    expect(m.sizeOf(big)).toBe(520);
    const zero = m.objectMalloc(0);
    expect(m.sizeOf(zero)).toBe(24);
    expect(m.allocatedBlocks()).toBe(2);
    m.objectFree(big);
    m.objectFree(zero);
    expect(m.allocatedBlocks()).toBe(0);
  });

  it('returns 0 past the memory limit so the caller raises MemoryError', () => {
    const m = new ProcessMemory({ limit: 64 * 1024 * 1024 });
    expect(m.objectMalloc(100 * 1024 * 1024)).toBe(0);
    expect(m.rawMalloc(10 * 1024 * 1024)).not.toBe(0);
  });

  it('hands out static addresses inside libpython\'s data segment, one counter for every process', () => {
    const m = new ProcessMemory();
    const none = staticAlloc(16);
    const t = staticAlloc(24, 8);
    expect(t).toBeGreaterThanOrEqual(none + 16);
    expect(m.locate(none)).toEqual({ region: 'static' });
    const child = m.fork();
    const later = staticAlloc(8);
    expect(later).toBeGreaterThanOrEqual(t + 24);
    expect(child.locate(later)).toEqual({ region: 'static' });
    expect(m.locate(later + 64)).toMatchObject({ region: 'mapped', perms: 'rw-p' });
  });
});

describe('tracing (tracemalloc\'s hook)', () => {
  it('sees each allocation once, in its domain, with the requested size', () => {
    const m = new ProcessMemory();
    const events: string[] = [];
    m.tracer = {
      traceAlloc: (d, a, n) => events.push(`alloc ${d} ${a === 0 ? 0 : 'p'} ${n}`),
      traceFree: (d) => events.push(`free ${d}`),
    };
    const o = m.objectMalloc(30);
    const big = m.objectMalloc(1000);
    const b = m.memMalloc(100);
    const r = m.rawMalloc(0);
    const moved = m.memRealloc(b, 400);
    m.objectFree(o);
    m.objectFree(big);
    m.memFree(moved);
    m.rawFree(r);
    m.tracer = null;
    m.objectMalloc(10);
    expect(events).toEqual([
      'alloc 2 p 30', 'alloc 2 p 1000', 'alloc 1 p 100', 'alloc 0 p 0',
      'free 1', 'alloc 1 p 400', 'free 2', 'free 2', 'free 1', 'free 0',
    ]);
  });
});

describe('locate', () => {
  it('tells which arena, pool and block an address is, or which other memory', () => {
    const m = new ProcessMemory();
    m.objectMalloc(40);
    const b = m.objectMalloc(40);
    const where = m.locate(b);
    expect(where).toMatchObject({ region: 'pymalloc', arena: 0, sizeIndex: 2, blockSize: 48, block: 1, poolCount: 2 });
    expect(where.region === 'pymalloc' && where.pool).toBe(b - 48 - 48);
    expect(m.locate(m.objectMalloc(600))).toEqual({ region: 'malloc-heap', usableSize: 600 });
    expect(m.locate(m.rawMalloc(1 << 20))).toMatchObject({ region: 'malloc-mmap' });
    expect(m.locate(0x7ffff783a100)).toEqual({ region: 'mapped', name: '/usr/lib/x86_64-linux-gnu/libc.so.6', perms: 'r-xp' });
    expect(m.locate(0x1000)).toEqual({ region: 'unmapped' });
  });
});

describe('touch outside the simulated mappings', () => {
  it('accounts nothing for an address below the executable', () => {
    const m = new ProcessMemory();
    m.fork();
    const before = m.smapsRollup();
    m.touch(0x8e1000, 16, true);
    expect(m.smapsRollup()).toEqual(before);
  });
});

describe('locate in a pool not yet carved', () => {
  it('gives the pool address and no size class', () => {
    const m = new ProcessMemory();
    const a = m.objectMalloc(16);
    const poolAddr = a - (a % 16384);
    expect(m.locate(poolAddr + 16384 * 5 + 100)).toMatchObject({ region: 'pymalloc', pool: poolAddr + 16384 * 5, sizeIndex: 0xffff, block: -1 });
  });
});
