// %python, %%cpython, %%compare, %whos and the help of every magic, through the worker's cell runner.
import { spawnSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { Kernel } from './harness.js';
import { checkPictures, plain } from './pictures.js';
import { memoryMagics } from '../../kernel/magics/memory/index.js';

const hasCPython = spawnSync('python3', ['--version']).status === 0;

describe('%python', () => {
  test('switching to 3.12 restarts with its layouts and says what reset', () => {
    const kernel = new Kernel();
    kernel.run('import sys\nkeep = 1');
    expect(kernel.print('print(sys.getrefcount(None) > 1000)').trim()).toBe('True');
    const { report } = checkPictures(kernel.run('%python 3.12'));
    expect(plain(report)).toContain('Switched from CPython 3.11.7 to 3.12.1');
    expect(plain(report)).toContain('every variable');
    expect(kernel.run('keep').outcome.status).toBe('error');
    // 3.12's immortal objects report a fixed refcount
    expect(kernel.print('import sys\nprint(sys.getrefcount(None), sys.version_info[:2])').trim()).toBe('4294967295 (3, 12)');
    expect(kernel.print('%python')).toBe('simulating CPython 3.12.1\n');
    expect(kernel.run('%python 2.7').outcome.status).toBe('error');
  });
});

describe.skipIf(!hasCPython)('%%cpython and %%compare', () => {
  test('%%cpython runs a real interpreter', () => {
    const run = new Kernel().run('%%cpython\nimport sys\nprint(sys.implementation.name, sys.getsizeof([]))');
    expect(run.stdout).toBe('cpython 56\n');
  });

  test('%%cpython stops a cell that runs past its timeout', () => {
    const run = new Kernel().run('%%cpython --timeout 1\nwhile True: pass');
    expect(run.stderr).toMatch(/did not finish within 1 s/);
  });

  test('%%compare marks the lines that differ', () => {
    const kernel = new Kernel();
    const same = checkPictures(kernel.run('%%compare\nimport sys\nprint(sys.getsizeof([1, 2, 3]), sys.getsizeof("abc"))'));
    expect(plain(same.report)).toMatch(/identical output$/);
    // id() is the simulated address, fixed; a real process's moves with address randomization
    const differ = checkPictures(kernel.run('%%compare\nprint(hex(id(None)))\nprint(1 + 1)'));
    const text = plain(differ.report);
    expect(text).toContain('1 line(s) differ');
    expect(text).toMatch(/^! 0x[0-9a-f]+ +\| 0x[0-9a-f]+$/m);
    expect(text).toMatch(/^ {2}2 +\| 2$/m);
    const failing = plain(checkPictures(kernel.run('%%compare\nprint(1 / 0)')).report);
    expect(failing).toMatch(/^ {2}ZeroDivisionError: division by zero +\| ZeroDivisionError: division by zero$/m);
  });
});

describe('%whos', () => {
  test('lists each variable with its sys.getsizeof', () => {
    const kernel = new Kernel();
    kernel.run('import sys\nnumbers = list(range(1000))\nname = "pymemlab"');
    const out = kernel.print('%whos');
    expect(out.split('\n')[0]).toMatch(/^Variable\s+Type\s+Size\s+Data\/Info$/);
    const size = kernel.print('print(sys.getsizeof(numbers))').trim();
    expect(out).toMatch(new RegExp(`^numbers\\s+list\\s+${size}\\s+n=1000$`, 'm'));
    expect(out).toMatch(/^name\s+str\s+57\s/m);
  });
});

test('every memory magic answers %name? with its usage', () => {
  const kernel = new Kernel();
  for (const magic of memoryMagics) {
    const run = kernel.run(`%${magic.name}?`);
    expect(run.outcome.status).toBe('ok');
    expect(magic.usage).toContain(magic.name);
    expect(magic.summary.length).toBeGreaterThan(10);
  }
});

describe('the output cache', () => {
  test('Out keeps 1000 results; the next culls the oldest fifth and their _N names, as IPython does', () => {
    const kernel = new Kernel();
    for (let n = 1; n <= 1000; n++) kernel.run(`${n}`);
    expect(kernel.run('1001').stderr).toBe('UserWarning: Output cache limit (currently 1000 entries) hit.\nFlushing oldest 200 entries.\n');
    expect(kernel.print("print(len(Out), min(Out), max(Out), '_200' in globals(), _201, len(In))")).toBe('801 201 1001 False 201 1003\n');
  });
});
