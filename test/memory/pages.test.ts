// The page model: resident pages of a process, and what fork and copy-on-write do to the numbers
// of /proc/PID/smaps_rollup.
import { describe, expect, it } from 'vitest';
import { PAGE_SIZE, ProcessMemory } from '../../engine/memory/index.js';

function distinctPages(addrs: number[], len: number): number {
  const pages = new Set<number>();
  for (const a of addrs) {
    for (let p = Math.floor(a / PAGE_SIZE); p <= Math.floor((a + len - 1) / PAGE_SIZE); p++) pages.add(p);
  }
  return pages.size;
}

describe('resident pages', () => {
  it('starts near a real CPython 3.11 at start-up', () => {
    const s = new ProcessMemory().status();
    expect(s.VmRSS).toBeGreaterThan(7_000);
    expect(s.VmRSS).toBeLessThan(14_000);
    expect(s.VmSize).toBeGreaterThan(9_000);
    expect(s.VmSize).toBeLessThan(17_000);
  });

  it('grows by the pages that allocated objects occupy', () => {
    const m = new ProcessMemory();
    const before = m.status().VmRSS;
    for (let i = 0; i < 100_000; i++) m.objectMalloc(64);
    const grown = m.status().VmRSS - before;
    // 100 000 blocks of 64 bytes, 255 per 16 KiB pool: 392 full pools of 4 pages, and the first
    // page of the 393rd (its header, 40 blocks and the next virgin block's link).
    expect(grown).toBe(Math.floor(100_000 / 255) * 16 + 4);
  });

  it('ignores touch() while no fork shares pages', () => {
    const m = new ProcessMemory();
    const a = m.objectMalloc(64);
    const before = m.smapsRollup();
    m.touch(a, 64, true);
    expect(m.smapsRollup()).toEqual(before);
  });
});

describe('fork and copy-on-write', () => {
  function parentWithObjects(n: number): { parent: ProcessMemory; objs: number[] } {
    const parent = new ProcessMemory();
    const objs = Array.from({ length: n }, () => parent.objectMalloc(48));
    return { parent, objs };
  }

  it('gives the child the same pages, all shared', () => {
    const { parent } = parentWithObjects(20_000);
    const rssBefore = parent.smapsRollup().Rss;
    const child = parent.fork();
    const p = parent.smapsRollup();
    const c = child.smapsRollup();
    expect(c.Rss).toBe(rssBefore);
    expect(p.Rss).toBe(rssBefore);
    expect(c.Private_Dirty + c.Private_Clean).toBe(0);
    expect(c.Shared_Dirty).toBe(p.Shared_Dirty);
    // Each anonymous page is now shared by the two: each process counts half of it.
    expect(Math.abs(p.Pss_Anon + c.Pss_Anon - p.Anonymous)).toBeLessThanOrEqual(2);
    expect(p.Pss).toBeLessThan(rssBefore);
  });

  it('copies exactly the pages a child writes (reading an object writes its refcount)', () => {
    const { parent, objs } = parentWithObjects(20_000);
    const child = parent.fork();
    const parentShared = parent.smapsRollup().Shared_Dirty;
    const written = objs.slice(0, 5_000);
    for (const o of written) child.touch(o, 8, true);
    const c = child.smapsRollup();
    const copied = distinctPages(written, 8) * 4;
    expect(c.Private_Dirty).toBe(copied);
    expect(c.Rss).toBe(parent.smapsRollup().Rss);
    // The parent is again the only one mapping the originals of the copied pages.
    expect(parent.smapsRollup().Private_Dirty).toBe(copied);
    expect(parent.smapsRollup().Shared_Dirty).toBe(parentShared - copied);
    // Reading does not copy.
    for (const o of objs.slice(10_000)) child.touch(o, 8, false);
    expect(child.smapsRollup().Private_Dirty).toBe(copied);
  });

  it('copies the pool header and block pages when the child allocates or frees', () => {
    const { parent, objs } = parentWithObjects(2_000);
    parent.objectFree(objs[1000]);
    const child = parent.fork();
    const reused = child.objectMalloc(48);
    expect(reused).toBe(objs[1000]);
    const headerPage = Math.floor((reused - (reused % 16384)) / PAGE_SIZE);
    const blockPage = Math.floor(reused / PAGE_SIZE);
    expect(child.smapsRollup().Private_Dirty).toBe((headerPage === blockPage ? 1 : 2) * 4);
  });

  it('gives pages back to the parent alone when the child exits', () => {
    const { parent, objs } = parentWithObjects(20_000);
    const alone = parent.smapsRollup();
    const child = parent.fork();
    for (const o of objs) child.touch(o, 8, true);
    child.exit();
    expect(parent.smapsRollup()).toEqual(alone);
  });

  it('lets two children share what the parent had, each copying what it writes', () => {
    const { parent, objs } = parentWithObjects(20_000);
    const a = parent.fork();
    const b = parent.fork();
    for (const o of objs.slice(0, 100)) a.touch(o, 8, true);
    const pa = a.smapsRollup();
    const pb = b.smapsRollup();
    expect(pa.Private_Dirty).toBe(distinctPages(objs.slice(0, 100), 8) * 4);
    expect(pb.Private_Dirty).toBe(0);
    expect(pb.Pss).toBeLessThan(pa.Pss);
  });
});

describe('/proc/PID/maps', () => {
  it('lists the image, the heap and the mmap area, with adjacent anonymous mappings merged', () => {
    const m = new ProcessMemory();
    m.rawMalloc(10);
    m.objectMalloc(10);
    m.rawMalloc(200_000);
    const lines = m.procMaps().split('\n');
    expect(lines[0]).toMatch(/^555555554000-555555555000 r--p 00000000 fe:00 \d+ +\/usr\/local\/bin\/python3\.11$/);
    expect(lines[0].indexOf('/')).toBe(73);
    expect(lines[5]).toMatch(/^555555559000-55555557a000 rw-p 00000000 00:00 0 +\[heap\]$/);
    // The 200 kB chunk's mapping sits just below the arena: one VMA.
    expect(lines[6]).toMatch(/^7ffff75[0-9a-f]{5}-7ffff76dd000 rw-p 00000000 00:00 0 $/);
    const vma = m.vmas()[6];
    expect(vma.end - vma.start).toBe(2 ** 20 + 200_704);
    expect(vma.pages.privateDirty).toBe(vma.pages.rss);
  });
});

describe('shared mappings (MAP_SHARED)', () => {
  it('stay shared across fork: writes by either process are never copied', () => {
    const parent = new ProcessMemory();
    const addr = parent.mmapShared(1 << 20);
    parent.writeShared(addr, 10 * PAGE_SIZE);
    const alone = parent.smapsRollup();
    expect(parent.status().RssShmem).toBe(40);
    const child = parent.fork();
    child.writeShared(addr + 10 * PAGE_SIZE, 5 * PAGE_SIZE);
    parent.writeShared(addr, 100);
    for (const m of [parent, child]) {
      const vma = m.vmas().find((v) => v.start === addr)!;
      expect(vma.perms).toBe('rw-s');
      expect(vma.pages).toMatchObject({ rss: 15, sharedDirty: 15, privateDirty: 0, pss: 7.5 });
      expect(m.status().RssShmem).toBe(60);
    }
    expect(child.smapsRollup().Private_Dirty).toBe(0);
    expect(parent.procMaps()).toMatch(/rw-s 00000000 00:01 \d+ +\/dev\/zero \(deleted\)\n/);
    child.exit();
    const after = parent.smapsRollup();
    expect(after.Private_Dirty - alone.Private_Dirty).toBe(20);
    parent.munmapShared(addr, 1 << 20);
    expect(parent.status().RssShmem).toBe(0);
  });
});
