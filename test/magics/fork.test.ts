// %%fork: children forked from the session's process, their smaps_rollup and the parent's pages
// each one copied, as the simulation counts them.
import { describe, expect, it } from 'vitest';
import { Kernel, type CellRun } from './harness.js';
import { checkPictures, plain } from './pictures.js';

interface Row {
  name: string;
  pid: number;
  values: number[];
  copied: number | null;
}

/** The rows of the text table: process, pid, the six rollup fields (kB), copied pages, exit. */
function table(run: CellRun): Row[] {
  const { report } = checkPictures(run);
  return plain(report).split('\n').filter((l) => /^(parent|child \d+)\s/.test(l)).map((l) => {
    const words = l.replace(/^child /, 'child_').split(/\s+/);
    const nums = words.slice(1).map(Number);
    return { name: words[0]!, pid: nums[0]!, values: nums.slice(1, 7), copied: words[0] === 'parent' ? null : nums[7]! };
  });
}

/** Copied page counts as the picture's caption gives them, by pid. */
function captionCounts(run: CellRun): Map<number, { copied: number; of: number; own: number }> {
  const { picture } = checkPictures(run);
  const out = new Map<number, { copied: number; of: number; own: number }>();
  for (const m of plain(picture).matchAll(/pid (\d+): (\d+) of (\d+) copied, (\d+) new/g)) {
    out.set(Number(m[1]), { copied: Number(m[2]), of: Number(m[3]), own: Number(m[4]) });
  }
  return out;
}

const SETUP = 'big = [str(i) * 3 for i in range(20000)]';

describe('%%fork', () => {
  it("shows the parent's and each child's rollup, and the children's output in order", () => {
    const k = new Kernel();
    k.print(SETUP);
    const run = k.run('%%fork -n 2\nimport os\nprint("child", os.getpid(), len(big))');
    const rows = table(run);
    expect(rows.map((r) => r.name)).toEqual(['parent', 'child_1', 'child_2']);
    const parent = rows[0]!;
    expect(run.stdout).toBe(`child ${parent.pid + 1} 20000\nchild ${parent.pid + 2} 20000\n`);
    expect(rows.map((r) => r.pid)).toEqual([parent.pid, parent.pid + 1, parent.pid + 2]);
    for (const r of rows) {
      const [rss, pss, sharedClean, sharedDirty, privateClean, privateDirty] = r.values as [number, number, number, number, number, number];
      // smaps: Rss is the four categories' sum; Pss counts each shared page at a fraction.
      expect(rss).toBe(sharedClean + sharedDirty + privateClean + privateDirty);
      expect(pss).toBeGreaterThanOrEqual(privateClean + privateDirty);
      expect(pss).toBeLessThan(rss);
    }
    // The parent shares its heap with both living children: its dirty pages are mostly shared.
    expect(parent.values[3]).toBeGreaterThan(parent.values[5]!);
    const counts = captionCounts(run);
    for (const r of rows.slice(1)) {
      const c = counts.get(r.pid)!;
      expect(c.copied).toBe(r.copied);
      expect(c.copied).toBeLessThanOrEqual(c.of);
      // Taken at one moment: the child's private pages are those it copied and its new ones.
      expect((c.copied + c.own) * 4).toBe(r.values[4]! + r.values[5]!);
    }
    // The picture's copied runs add up to the children's copied pages.
    const svg = String(checkPictures(run).picture!['image/svg+xml']);
    const drawn = [...svg.matchAll(/<title>(\d+) copied pages? from 0x/g)].reduce((n, m) => n + Number(m[1]), 0);
    expect(drawn).toBe(rows.slice(1).reduce((n, r) => n + r.copied!, 0));
    // Forking adds nothing to the session's namespace.
    expect(k.print("print(sorted(n for n in globals() if 'fork' in n))")).toBe('[]\n');
  });

  it('a child that only reads a big list copies more pages than an idle child', () => {
    const k = new Kernel();
    k.print(SETUP);
    const idle = table(k.run('%%fork\npass'))[1]!;
    const reader = table(k.run('%%fork\ntotal = 0\nfor s in big:\n    total += len(s)'))[1]!;
    // 20,000 strings of about 60 bytes lie on hundreds of pages; reading them writes their refcounts.
    expect(reader.copied! - idle.copied!).toBeGreaterThan(20000 * 50 / 4096 / 2);
    expect(reader.values[5]).toBeGreaterThan(idle.values[5]!);
  });

  it('--freeze keeps a collection in the child from copying the frozen objects\' pages', () => {
    const k = new Kernel();
    k.print('objs = [[i] for i in range(20000)]');
    const plainRun = table(k.run('%%fork\nimport gc\ngc.collect()'))[1]!;
    const frozen = table(k.run('%%fork --freeze\nimport gc\ngc.collect()'))[1]!;
    expect(frozen.copied!).toBeLessThan(plainRun.copied! / 2);
    // The parent is unfrozen again once its children are gone.
    expect(k.print('import gc; print(gc.get_freeze_count())')).toBe('0\n');
  });

  it("the parent's Pss falls as more children share its pages", () => {
    const k = new Kernel();
    k.print(SETUP);
    const one = table(k.run('%%fork\npass'));
    const three = table(k.run('%%fork -n 3\npass'));
    expect(three).toHaveLength(4);
    expect(three[0]!.values[1]).toBeLessThan(one[0]!.values[1]!);
    // The same resident pages, divided among more processes.
    expect(Math.abs(three[0]!.values[0]! - one[0]!.values[0]!)).toBeLessThan(one[0]!.values[0]! / 20);
  });

  it('an exception in the child is its traceback and exit status 1', () => {
    const k = new Kernel();
    const run = k.run('%%fork\n1/0');
    expect(run.stderr).toContain('ZeroDivisionError: division by zero');
    const child = plain(checkPictures(run).report).split('\n').find((l) => l.startsWith('child 1'))!;
    expect(child.trim().split(/\s+/).at(-1)).toBe('1');
  });

  it('bad options are a UsageError; %%fork? answers with the usage', () => {
    const k = new Kernel();
    const help = k.run('%%fork?');
    expect(help.outcome.status).toBe('ok');
    expect(help.stdout).not.toContain('not found');
    for (const args of ['-n 0', '-n x', '--bogus']) {
      const run = k.run(`%%fork ${args}\npass`);
      expect(run.outcome.status).toBe('error');
    }
  });
});
