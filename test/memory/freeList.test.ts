// Per-type free lists: capacity, last-in first-out reuse, and their lines in sys._debugmallocstats()
// in each version's order and format (the free-list lines of cpython/debugmallocstats.py).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FreeList, ProcessMemory } from '../../engine/memory/index.js';
import type { ProfileName } from '../../engine/profiles/index.js';

describe('FreeList', () => {
  it('keeps up to its capacity, most recent first, and reports its line', () => {
    const floats = new FreeList<number>(3, 'PyFloatObject', 24);
    expect([1, 2, 3, 4].map((x) => floats.push(x))).toEqual([true, true, true, false]);
    expect(floats.statsLine()).toBe('           3 free PyFloatObjects * 24 bytes each =                   72\n');
    expect(floats.pop()).toBe(3);
    expect(floats.pop()).toBe(2);
    expect(floats.clear()).toEqual([1]);
    expect(floats.pop()).toBeUndefined();
  });

  it('takes its capacity from the version profile', () => {
    const m = new ProcessMemory();
    expect(m.createFreeList('float', 'PyFloatObject', 24).capacity).toBe(100);
    expect(m.createFreeList('tuple', '1-sized PyTupleObject', 32).capacity).toBe(2000);
    expect(m.createFreeList('list', 'PyListObject', 40).capacity).toBe(80);
    expect(new ProcessMemory({ profile: '3.8' }).createFreeList('frame', 'PyFrameObject', 368).capacity).toBe(200);
  });
});

describe.each(['3.6', '3.7', '3.8', '3.11', '3.12', '3.13'] as ProfileName[])('free-list report of %s', (version) => {
  it('prints the lists CPython prints, in its order and format', () => {
    const golden = readFileSync(new URL(`./cpython/debugmallocstats.${version}.out`, import.meta.url), 'utf8');
    const expected = golden.split('\n').filter((l) => l.includes(' free ')).map((l) => `${l}\n`).join('');
    // What the object model would supply: each list's C struct size and current length, read here
    // from the real interpreter's report.
    const real = new Map<string, { count: number; size: number }>();
    for (const line of expected.split('\n').filter(Boolean)) {
      const [, count, name, size] = /(\d+) free (.*)s \* (\d+) bytes each/.exec(line)!;
      real.set(name, { count: Number(count), size: Number(size) });
    }
    const m = new ProcessMemory({ profile: version });
    // Created in another order than the report's: the report must follow the profile's.
    for (const stat of [...m.profile.freeListStats].reverse()) {
      const names = stat.kind === 'tuple'
        ? Array.from({ length: m.profile.freeLists.tupleMaxLength }, (_, i) => `${i + 1}-sized ${stat.blockName}`)
        : [stat.blockName];
      for (const name of names) {
        const r = real.get(name);
        expect(r, name).toBeDefined();
        const list = m.createFreeList<number>(stat.kind, name, r!.size);
        for (let i = 0; i < r!.count; i++) list.push(i);
      }
    }
    const report = m.debugMallocStats();
    expect(report.split('\n\n').at(-1)).toBe(expected);
  });
});
