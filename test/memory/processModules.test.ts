// The modules that report the simulated process's memory, run as Python in a session: psutil,
// the /proc files, sys's allocator reports and tracemalloc's traces.
import { describe, expect, it } from 'vitest';
import { createSession } from '../../engine/index.js';

function run(source: string, version = '3.11'): { out: string; err: string } {
  const out: string[] = [];
  const err: string[] = [];
  const s = createSession({
    python: version,
    host: { stdout: (t) => out.push(t), stderr: (t) => err.push(t), display: () => {}, input: () => null },
  });
  const r = s.execute(source, { mode: 'exec', filename: 'prog.py' });
  if (r.status === 'error') throw new Error(r.error.traceback.join(''));
  return { out: out.join(''), err: err.join('') };
}

describe('psutil subset', () => {
  it('reports rss growing by a large list and uss/pss for a process alone', () => {
    const { out } = run([
      'import psutil',
      'p = psutil.Process()',
      'm = p.memory_info()',
      'big = [None] * 4_000_000',
      'grown = p.memory_info().rss - m.rss',
      'print(grown // 2**20, m.vms > m.rss > 0)',
      'f = p.memory_full_info()',
      'print(f.uss <= f.pss <= f.rss, f.swap, type(f).__name__)',
      'v = psutil.virtual_memory()',
      'print(v.total == 16 * 2**30, 0 < v.percent < 100, v.used > f.rss)',
    ].join('\n'));
    expect(out).toBe('30 True\nTrue 0 pfullmem\nTrue True True\n');
  });

  it('raises NoSuchProcess for a pid that does not exist', () => {
    const { out } = run('import psutil\ntry:\n    psutil.Process(1)\nexcept psutil.NoSuchProcess as e:\n    print(e)\n');
    expect(out).toBe('process no longer exists (pid=1)\n');
  });
});

describe('/proc files', () => {
  it('serves status, smaps_rollup and maps with Linux\'s layout', () => {
    const { out } = run([
      'import _procfs',
      "status = _procfs.read('/proc/self/status')",
      "print([l.split(':')[0] for l in status.splitlines() if l.startswith('Vm')])",
      "rollup = _procfs.read('/proc/self/smaps_rollup').splitlines()",
      "print(rollup[0].endswith('[rollup]'), rollup[1].startswith('Rss:'), len(rollup))",
      "print('[heap]' in _procfs.read('/proc/%d/maps' % _procfs.getpid()))",
      'try:',
      "    _procfs.read('/proc/self/environ')",
      'except FileNotFoundError as e:',
      '    print(type(e).__name__)',
    ].join('\n'));
    expect(out).toBe(
      "['VmPeak', 'VmSize', 'VmLck', 'VmPin', 'VmHWM', 'VmRSS', 'VmData', 'VmStk', 'VmExe', 'VmLib', 'VmPTE', 'VmSwap']\n" +
      'True True 23\nTrue\nFileNotFoundError\n',
    );
  });
});

describe('sys allocator reports', () => {
  it('counts allocated blocks and prints _debugmallocstats on stderr', () => {
    const { out, err } = run([
      'import sys',
      'n = sys.getallocatedblocks()',
      'keep = [object() for i in range(1000)]',
      'print(sys.getallocatedblocks() - n >= 1000)',
      'sys._debugmallocstats()',
    ].join('\n'));
    expect(out).toBe('True\n');
    expect(err).toMatch(/^Small block threshold = 512, in 32 size classes\./);
    expect(err).toMatch(/# arenas allocated total/);
  });
});

describe('tracemalloc', () => {
  it('attributes blocks to the line of the calling frame and compares snapshots', () => {
    const { out } = run([
      'import tracemalloc',
      'def make(n):',
      '    return bytearray(n)',
      'tracemalloc.start(2)',
      's1 = tracemalloc.take_snapshot()',
      'x = make(300000)',
      's2 = tracemalloc.take_snapshot()',
      "top = s2.compare_to(s1, 'traceback')[0]",
      'print([f.lineno for f in top.traceback], top.size_diff, top.count_diff)',
      "print(str(s2.statistics('lineno')[0]).startswith('prog.py:3: size=293 KiB, count='))",
      'cur, peak = tracemalloc.get_traced_memory()',
      'print(cur >= 300000, peak >= cur, tracemalloc.get_tracemalloc_memory() > 0)',
      'tracemalloc.stop()',
    ].join('\n'));
    expect(out).toBe('[6, 3] 300057 2\nTrue\nTrue True True\n');
  });
});
