// The allocator against the real interpreters: each program in cpython/ was run by CPython 3.6,
// 3.7, 3.8, 3.11, 3.12 and 3.13 (outputs NAME.X.Y.out, recorded with the cpython-goldens tool,
// one interpreter at a time). Here the same allocations are made on the simulated process of that
// version, and the program's printout is computed from the simulated addresses.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ProcessMemory } from '../../engine/memory/index.js';
import type { ProfileName } from '../../engine/profiles/index.js';

const VERSIONS: ProfileName[] = ['3.6', '3.7', '3.8', '3.11', '3.12', '3.13'];
/** sizeof(PyBytesObject) without its data: bytes(n) asks PyObject_Malloc for 33 + n bytes. */
const BYTES_HEADER = 33;

function golden(name: string, version: string): string {
  return readFileSync(new URL(`./cpython/${name}.${version}.out`, import.meta.url), 'utf8');
}

/** pool_geometry.py: the grid the ids of 3000 blocks of one size class sit on. */
function poolGeometry(m: ProcessMemory, size: number): string {
  const ids: number[] = [];
  for (let i = 0; i < 3000; i++) ids.push(m.objectMalloc(size));
  let found = '';
  for (let bits = 10; bits < 22; bits++) {
    const pool = 2 ** bits;
    const offsets = ids.map((id) => id % pool);
    const first = Math.min(...offsets);
    if (offsets.every((o) => (o - first) % size === 0)) {
      found = `pool ${pool}, first block at ${first}, last block at ${Math.max(...offsets)}`;
    }
  }
  const align = Math.min(...ids.map((id) => 2 ** Math.min(30, countTrailingZeros(id))));
  return `block ${size}: ${found}, alignment ${align}\n`;
}

function countTrailingZeros(n: number): number {
  let z = 0;
  while (n % 2 === 0 && z < 64) {
    n /= 2;
    z++;
  }
  return z;
}

/** reuse.py */
function reuse(m: ProcessMemory): string {
  const bytes = (n: number) => m.objectMalloc(BYTES_HEADER + n);
  for (let i = 0; i < 300; i++) bytes(400);
  const a = bytes(400);
  const b = bytes(400);
  const c = bytes(400);
  const out = [`consecutive blocks 448 apart: ${py(b - a === 448 && c - b === 448)}`];
  m.objectFree(a);
  m.objectFree(c);
  const d = bytes(400);
  const e = bytes(400);
  out.push(`last freed comes back first: ${py(d === c)} ${py(e === a)}`);
  out.push(`512-byte request in an arena: ${py(bytes(512 - 33) > 0x700000000000)}`);
  out.push(`513-byte request on the brk heap: ${py(bytes(513 - 33) < 0x700000000000)}`);
  return out.join('\n') + '\n';
}

/** malloc_threshold.py: bytes of 200 kB and 2 MB go through PyObject_Malloc to malloc. */
function mallocThreshold(m: ProcessMemory): string {
  const first = m.objectMalloc(BYTES_HEADER + 200_000);
  const out = [`first 200 kB block mmapped: ${py(first > 0x700000000000)}`];
  m.objectFree(first);
  const second = m.objectMalloc(BYTES_HEADER + 200_000);
  out.push(`after its free, the next one on the heap: ${py(second < 0x700000000000)}`);
  const third = m.objectMalloc(BYTES_HEADER + 2_000_000);
  out.push(`a 2 MB block mmapped: ${py(third > 0x700000000000)}`);
  return out.join('\n') + '\n';
}

/** rss_growth.py: VmRSS growth of an 8 MB list of None, then of a million bytes(31) in it. The
 *  loop's int objects come and go (each one freed when the next replaces it in `i`). */
function rssGrowth(m: ProcessMemory): [number, number] {
  const rss = () => m.status().VmRSS;
  const before = rss();
  m.objectMalloc(m.profile.gcHeaderSize + 40);
  m.memMalloc(8 * 10 ** 6);
  const mid = rss();
  let int = 0;
  for (let i = 0; i < 10 ** 6; i++) {
    const next = i > 256 ? m.objectMalloc(28) : 0;
    m.objectFree(int);
    int = next;
    m.objectMalloc(BYTES_HEADER + 31);
  }
  return [mid - before, rss() - mid];
}

/** cow_read.py: the child's Private_Dirty after reading (so increfing) every object once. */
function cowRead(m: ProcessMemory): number {
  m.objectMalloc(m.profile.gcHeaderSize + 40);
  m.memMalloc(8 * 10 ** 6);
  const objects = Array.from({ length: 10 ** 6 }, () => m.objectMalloc(BYTES_HEADER + 31));
  const child = m.fork();
  for (const o of objects) child.touch(o, 8, true);
  return child.smapsRollup().Private_Dirty;
}

/** arenas.py: arenas allocated for 200 000 small objects, reclaimed when they are freed, and the
 *  change in arenas held, from the allocator's counters. */
function arenaTurnover(m: ProcessMemory): [number, number, number] {
  const obm = m.pymalloc;
  const list = m.objectMalloc(m.profile.gcHeaderSize + 40);
  const items = m.memMalloc(8 * 200_000);
  let int = 0;
  const objects: number[] = [];
  for (let i = 0; i < 200_000; i++) {
    const next = i > 256 ? m.objectMalloc(28) : 0;
    m.objectFree(int);
    int = next;
    objects.push(m.objectMalloc(BYTES_HEADER + 31));
  }
  const total = obm.ntimesArenaAllocated;
  const reclaimedBefore = total - obm.narenasCurrentlyAllocated;
  for (const o of objects) m.objectFree(o);
  m.memFree(items);
  m.objectFree(list);
  m.objectFree(int);
  const reclaimed = obm.ntimesArenaAllocated - obm.narenasCurrentlyAllocated - reclaimedBefore;
  return [total, reclaimed, obm.narenasCurrentlyAllocated];
}

/** debugmallocstats.py's normalisation of the report's arena part (free-list lines are left out
 *  here: freeList.test.ts checks them). */
function reportLayout(text: string): string {
  const out: string[] = [];
  for (let line of text.split('\n').slice(0, -1)) {
    if (/^\s*\d+\s+\d+\s+\d+\s+\d+\s+\d+$/.test(line) || line.includes(' free ')) continue;
    if (line.includes('=') && !line.startsWith('Small')) {
      const [label, value] = line.split('=');
      line = `${label.trimEnd().replace(/[0-9]+/g, 'N')} [${label.length} columns] = [${value.length} columns]`;
    }
    out.push(line);
  }
  return out.join('\n') + '\n';
}

function py(b: boolean): string {
  return b ? 'True' : 'False';
}

describe.each(VERSIONS)('CPython %s', (version) => {
  it('places blocks on the same pool grid (pool_geometry.py)', () => {
    const m = new ProcessMemory({ profile: version });
    const text = [48, 144, 208, 480].map((size) => poolGeometry(m, size)).join('');
    expect(text).toBe(golden('pool_geometry', version));
  });

  it('reuses freed blocks last-in first-out and sends > 512 bytes to malloc (reuse.py)', () => {
    expect(reuse(new ProcessMemory({ profile: version }))).toBe(golden('reuse', version));
  });

  it('follows glibc\'s dynamic mmap threshold (malloc_threshold.py)', () => {
    expect(mallocThreshold(new ProcessMemory({ profile: version }))).toBe(golden('malloc_threshold', version));
  });

  it('grows the resident set as the real process does (rss_growth.py)', () => {
    const [list, objects] = golden('rss_growth', version).trim().split(' ').map(Number);
    const [simList, simObjects] = rssGrowth(new ProcessMemory({ profile: version }));
    // The real numbers move by a page or so between runs (start-up state, /proc reads).
    expect(Math.abs(simList - list) / list).toBeLessThan(0.03);
    expect(Math.abs(simObjects - objects) / objects).toBeLessThan(0.001);
  });

  it('copies on read after fork the pages the real child copies (cow_read.py)', () => {
    const real = Number(golden('cow_read', version));
    const simulated = cowRead(new ProcessMemory({ profile: version }));
    // The real child also writes its stack and the interpreter's state: under 2% here.
    expect(simulated).toBeLessThanOrEqual(real);
    expect((real - simulated) / real).toBeLessThan(0.02);
  });

  it('allocates and gives back arenas as CPython does (arenas.py)', () => {
    const [total, reclaimed, current] = golden('arenas', version).trim().split(' ').map(Number);
    const [simTotal, simReclaimed, simCurrent] = arenaTurnover(new ProcessMemory({ profile: version }));
    // Free pools left by the real interpreter's start-up can spare it one new arena.
    expect(Math.abs(simTotal - total)).toBeLessThanOrEqual(1);
    expect(simTotal - simReclaimed).toBe(total - reclaimed);
    expect(simCurrent).toBe(current);
  });

  it('prints sys._debugmallocstats() in CPython\'s layout (debugmallocstats.py)', () => {
    const m = new ProcessMemory({ profile: version });
    for (let n = 1; n <= 512; n += 7) m.objectMalloc(n);
    const arenaPart = golden('debugmallocstats', version).split('\n').filter((l) => !l.includes(' free ')).join('\n');
    expect(reportLayout(m.debugMallocStats())).toBe(arenaPart);
  });
});
