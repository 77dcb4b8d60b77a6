// %memit, %mprun, %tracemalloc, %lru and %timeit on real programs: memory_profiler's and
// IPython's report formats, with numbers that follow from what the code allocates.
import { describe, expect, test } from 'vitest';
import { Kernel } from './harness.js';
import { checkPictures, plain } from './pictures.js';

const MIB = 2 ** 20;

describe('%memit', () => {
  test("peak and increment of a big allocation, in memory_profiler's words", () => {
    const kernel = new Kernel();
    const run = kernel.run('%memit data = [0] * 1_000_000');
    checkPictures(run);
    const m = /^peak memory: (\d+\.\d\d) MiB, increment: (\d+\.\d\d) MiB\n$/.exec(run.stdout)!;
    expect(m).not.toBeNull();
    // eight bytes a pointer: 7.63 MiB of item array, all of it resident once written
    expect(Number(m[2])).toBeGreaterThanOrEqual(7.6);
    expect(Number(m[2])).toBeLessThan(7.8);
    const vmrss = kernel.print("print([l for l in open('/proc/self/status') if l.startswith('VmRSS')][0].split()[1])");
    expect(Math.abs(Number(m[1]) - Number(vmrss) / 1024)).toBeLessThan(0.1);
  });

  test('a peak that is freed before the end still counts (%%memit)', () => {
    const kernel = new Kernel();
    const run = kernel.run('%%memit\ntemp = bytearray(4 * 1024 * 1024)\ndel temp');
    const m = /increment: (\d+\.\d\d) MiB/.exec(run.stdout)!;
    expect(Number(m[1])).toBeGreaterThanOrEqual(3.9);
  });
});

describe('%mprun', () => {
  const source = [
    'def build(n):',
    '    small = [0] * n',
    '    large = [1] * (4 * n)',
    '    for i in range(3):',
    '        small.append(i)',
    '    del large',
    '    return small',
  ].join('\n');

  test("memory_profiler's line table: header, rows, increments and occurrences", () => {
    const kernel = new Kernel();
    kernel.run(source);
    const run = kernel.run('%mprun -f build build(250_000)');
    checkPictures(run);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toMatch(/^Filename: <ipython-input-1>$/);
    expect(lines[1]).toBe('');
    expect(lines[2]).toBe('Line #    Mem usage    Increment  Occurrences   Line Contents');
    expect(lines[3]).toBe('='.repeat(61));
    const rows = lines.slice(4, 11).map((line) => /^ {0,5}(\d+) +([\d.]+) MiB +(-?[\d.]+) MiB +(\d+)   (.*)$/.exec(line)!);
    expect(rows.map((r) => Number(r[1]))).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(rows.map((r) => r[5])).toEqual(source.split('\n'));
    expect(rows.map((r) => Number(r[4]))).toEqual([1, 1, 1, 4, 3, 1, 1]);
    const increment = (line: number): number => Number(rows[line - 1]![3]);
    // 250,000 pointers = 1.9 MiB; 1,000,000 = 7.6 MiB, given back by del
    expect(increment(2)).toBeCloseTo((250_000 * 8) / MIB, 1);
    expect(increment(3)).toBeCloseTo((1_000_000 * 8) / MIB, 1);
    expect(increment(6)).toBeCloseTo(-(1_000_000 * 8) / MIB, 1);
    expect(run.stdout.endsWith('\n\n\n')).toBe(true);
    // the function is restored afterwards
    expect(kernel.print('print(build.__code__.co_filename)').trim()).toBe('<ipython-input-1>');
  });

  test('functions that are not module-level Python functions are refused', () => {
    const kernel = new Kernel();
    expect(kernel.run('%mprun -f len len([])').outcome.status).toBe('error');
    expect(kernel.run('%mprun build(1)').outcome.status).toBe('error');
  });
});

describe('%tracemalloc', () => {
  test('the top line holds what the statement left allocated', () => {
    const kernel = new Kernel();
    const run = kernel.run('%tracemalloc -n 3 rows = [bytes(1000) for i in range(50)]');
    const text = plain(checkPictures(run).report);
    const top = text.split('\n').find((line) => line.startsWith('1 '))!;
    const [, , size, count] = top.split(/\s{2,}/);
    // 50 bytes objects of 1000 bytes (33-byte header each) and the list (with its item array)
    expect(Number(count)).toBeGreaterThanOrEqual(50);
    expect(Number(size)).toBeGreaterThanOrEqual(50 * 1033);
    expect(top).toContain('rows = [bytes(1000) for i in range(50)]');
    expect(kernel.print("import tracemalloc\nprint(tracemalloc.is_tracing())").trim()).toBe('False');
  });
});

describe('%lru', () => {
  test('cache_info, the hit rate over the calls of a recursive function, the cache size', () => {
    const kernel = new Kernel();
    kernel.run('import sys\nfrom functools import lru_cache\n@lru_cache(maxsize=None)\ndef fib(n):\n    return n if n < 2 else fib(n - 1) + fib(n - 2)');
    const { report, picture } = checkPictures(kernel.run('%lru fib fib(15)'));
    const text = plain(report);
    expect(text).toContain('CacheInfo(hits=13, misses=16, maxsize=None, currsize=16)');
    expect(kernel.print('print(fib.cache_info())').trim()).toBe('CacheInfo(hits=13, misses=16, maxsize=None, currsize=16)');
    const spec = picture!['application/vnd.vegalite.v5+json'] as { data: { values: { call: number; 'hit rate': number }[] } };
    // every call, recursive ones included, is recorded once it returns
    expect(spec.data.values).toHaveLength(29);
    expect(spec.data.values.at(-1)!['hit rate']).toBeCloseTo(13 / 29, 6);
    expect(kernel.print('print(fib.__wrapped__.__name__, hasattr(fib, "cache_info"))').trim()).toBe('fib True');
    const cacheSize = Number(/cache dict\s+(\d+) bytes/.exec(text)![1]);
    expect(cacheSize).toBe(Number(kernel.print("print(sys.getsizeof(dict(zip(fib.cache_info.__code__.co_freevars, [c.cell_contents for c in fib.cache_info.__closure__]))['cache']))").trim()));
  });
});

describe('%timeit', () => {
  test("IPython's report on the simulated clock, the same in every session", () => {
    const kernel = new Kernel();
    const first = kernel.run('%timeit -n 200 -r 3 [i for i in range(20)]');
    checkPictures(first);
    const line = /^(.+) ± (.+) per loop \(mean ± std\. dev\. of 3 runs, 200 loops each\)\n$/.exec(first.stdout)!;
    expect(line).not.toBeNull();
    // a fresh session gives the very same report: nothing depends on the host's speed
    expect(new Kernel().run('%timeit -n 200 -r 3 [i for i in range(20)]').stdout).toBe(first.stdout);
    // more bytecode, more simulated time (the clock charges executed instructions)
    const mean = (text: string): number => {
      const [value, unit] = text.split(' ');
      return Number(value) * { ns: 1e-9, 'µs': 1e-6, ms: 1e-3, s: 1 }[unit as 'ns']!;
    };
    const longer = /^(.+) ± /.exec(kernel.run('%timeit -n 5 -r 2 [i for i in range(2000)]').stdout)!;
    expect(mean(longer[1]!)).toBeGreaterThan(10 * mean(line[1]!));
  });

  test('without -n the loop count is calibrated on the simulated clock, deterministically', () => {
    const kernel = new Kernel();
    const first = kernel.run('%timeit x = 1 + 1').stdout;
    expect(first).toMatch(/^[\d.]+ ns ± [\d.]+ ns per loop \(mean ± std\. dev\. of 7 runs, 1(0|,000)* loops each\)\n$/);
    expect(new Kernel().run('%timeit x = 1 + 1').stdout).toBe(first);
  });

  test('%%timeit runs its setup line first', () => {
    const kernel = new Kernel();
    expect(kernel.run('%%timeit -n 10 -r 2 data = list(range(100))\ndata.sort()').stdout).toMatch(/per loop \(mean ± std\. dev\. of 2 runs, 10 loops each\)/);
  });
});

describe('bad input to the profiling magics is a Python error in the cell', () => {
  test('%lru of a plain function leaves the function as it was', () => {
    const kernel = new Kernel();
    kernel.run('def plain(x):\n    return x');
    const run = kernel.run('%lru plain plain(1)');
    expect(run.outcome.status === 'error' && run.outcome.error.ename).toBe('AttributeError');
    expect(kernel.print('print(plain.__name__, plain(2))').trim()).toBe('plain 2');
  });

  test('%mprun of a decorated function profiles its body', () => {
    const kernel = new Kernel();
    kernel.run('def noisy(f):\n    return f\n\n@noisy\ndef work(n):\n    out = [0] * n\n    return out');
    const lines = kernel.run('%mprun -f work work(100000)').stdout.split('\n');
    expect(lines[4]).toMatch(/^ {5}4 +[\d.]+ MiB +[\d.]+ MiB +1   @noisy$/);
    expect(lines[6]).toMatch(/^ {5}6 +[\d.]+ MiB +0\.8 MiB +1       out = \[0\] \* n$/);
  });

  test('%tracemalloc keeps a trace the user started', () => {
    const kernel = new Kernel();
    kernel.run('import tracemalloc\ntracemalloc.start()');
    kernel.run('%tracemalloc x = [1] * 10');
    expect(kernel.print('print(tracemalloc.is_tracing())').trim()).toBe('True');
  });
});
