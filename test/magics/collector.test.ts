// %gc and %heap: the collector's and pymalloc's numbers as the gc and sys modules report them.
import { describe, expect, test } from 'vitest';
import { Kernel } from './harness.js';
import { checkPictures, plain } from './pictures.js';

function generationRow(text: string, generation: number): number[] {
  const row = text.split('\n').find((line) => new RegExp(`^\\s+${generation}\\s+\\d+\\s+\\d+`).test(line))!;
  return row.trim().split(/\s+/).map(Number);
}

describe('%gc', () => {
  test('collect finds a reference cycle, as gc.collect does', () => {
    const kernel = new Kernel();
    kernel.run('import gc\nclass Node:\n    pass\na = Node(); b = Node()\na.other = b; b.other = a\ndel a, b');
    const text = plain(checkPictures(kernel.run('%gc collect')).report);
    // two instances and (3.11) no dicts: their attributes live in the instances' inline values
    const expected = kernel.print('class N:\n    pass\nx = N(); y = N(); x.o = y; y.o = x\ndel x, y\nprint(gc.collect())').trim();
    expect(text).toContain(`gc.collect() found ${expected} unreachable objects`);
    expect(text).toMatch(/last collections:[\s\S]*1\s+2\s+2\s+0/);
    const [, tracked, count, threshold] = generationRow(text, 2);
    expect(threshold).toBe(10);
    expect(count).toBe(0);
    expect(tracked).toBeGreaterThan(0);
  });

  test('threshold, freeze and debug change what the gc module reports', () => {
    const kernel = new Kernel();
    kernel.run('import gc');
    const threshold = plain(checkPictures(kernel.run('%gc threshold 500 5 3')).report);
    expect(generationRow(threshold, 0)[3]).toBe(500);
    expect(kernel.print('print(gc.get_threshold())').trim()).toBe('(500, 5, 3)');
    const frozen = plain(checkPictures(kernel.run('%gc freeze')).report);
    const frozenCount = Number(/frozen (\d+)/.exec(frozen)![1]);
    expect(frozenCount).toBeGreaterThan(0);
    expect(Number(kernel.print('print(gc.get_freeze_count())').trim())).toBeGreaterThanOrEqual(frozenCount);
    kernel.run('%gc unfreeze');
    expect(kernel.print('print(gc.get_freeze_count())').trim()).toBe('0');
    kernel.run('%gc debug stats|saveall');
    expect(kernel.print('print(gc.get_debug())').trim()).toBe(String(1 | 32));
    expect(kernel.run('%gc collect 7').outcome.status).toBe('error');
  });
});

describe('%heap', () => {
  test('the size-class table agrees with sys._debugmallocstats', () => {
    const kernel = new Kernel();
    kernel.run('import sys\nkeep = [str(i) * 3 for i in range(2000)]');
    const { report, picture } = checkPictures(kernel.run('%heap'));
    const text = plain(report);
    // A cell holding only magics runs no Python, so the next one sees the same heap: its
    // --stats text is what sys._debugmallocstats prints, summed by obmalloc's own walk.
    const stats = plain(checkPictures(kernel.run('%heap --stats')).report);
    expect(stats).toContain('Small block threshold = 512');
    const table = (source: string): string[] => source.split('\n').filter((line) => /^\s+\d+\s+\d+\s+\d+\s+\d+\s+\d+/.test(line)).map((line) => line.trim().split(/\s+/).slice(0, 5).join(' '));
    expect(table(text)).toEqual(table(stats));
    expect(table(text).length).toBeGreaterThan(3);
    expect(table(kernel.run('sys._debugmallocstats()').stderr).length).toBeGreaterThan(3);
    const blocks = Number(kernel.print('print(sys.getallocatedblocks())').trim());
    const reported = Number(/(\d+) blocks allocated/.exec(text)![1]);
    expect(Math.abs(reported - blocks)).toBeLessThan(50);
    expect(plain(picture)).toMatch(/pymalloc map: \d+ arenas/);
    expect(plain(checkPictures(kernel.run('%pymalloc')).report)).toMatch(/\d+ arenas of 1024 KiB/);
  });
});
