// The engine session end to end: cell results, output, tracebacks, and every program of
// test/corpus/vm run in-process against CPython 3.11's recorded output.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSession } from '../../engine/index.js';
import type { EngineSession } from '../../engine/api.js';

const corpus = join(resolve(dirname(fileURLToPath(import.meta.url)), '..'), 'corpus', 'vm');

function session(argv: string[] = ['']): { s: EngineSession; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  const s = createSession({
    argv,
    host: { stdout: (t) => out.push(t), stderr: (t) => err.push(t), display: () => {}, input: () => null },
  });
  return { s, out, err };
}

describe('cells', () => {
  it('prints and returns the last expression as text/plain', () => {
    const { s, out } = session();
    const r = s.execute('print("hello")\n1+1\n', { mode: 'cell', filename: '<cell>' });
    expect(out.join('')).toBe('hello\n');
    expect(r).toEqual({ status: 'ok', result: { 'text/plain': '2' } });
  });

  it('keeps names between cells', () => {
    const { s } = session();
    s.execute('x = 20', { mode: 'cell', filename: '<c1>' });
    expect(s.execute('x + 22', { mode: 'cell', filename: '<c2>' })).toEqual({ status: 'ok', result: { 'text/plain': '42' } });
  });

  it('reports a NameError with the traceback CPython prints', () => {
    const { s } = session();
    const r = s.execute('x = 1\nprint(x + y)\n', { mode: 'exec', filename: 'prog.py' });
    expect(r.status).toBe('error');
    if (r.status !== 'error') return;
    expect(r.error.ename).toBe('NameError');
    expect(r.error.evalue).toBe("name 'y' is not defined");
    expect(r.error.traceback.join('')).toBe(
      'Traceback (most recent call last):\n  File "prog.py", line 2, in <module>\n    print(x + y)\n              ^\nNameError: name \'y\' is not defined\n',
    );
  });

  it('turns sys.exit into exitRequested', () => {
    const { s } = session();
    s.execute('import sys\nsys.exit(3)\n', { mode: 'exec', filename: 'prog.py' });
    expect(s.exitRequested).toBe(3);
  });

  it('stops an endless loop when the interrupt flag is set', () => {
    const flag = new Int32Array(new SharedArrayBuffer(4));
    const s = createSession({ interruptFlag: flag, host: { stdout: () => {}, stderr: () => {}, display: () => {}, input: () => null } });
    setTimeout(() => Atomics.store(flag, 0, 1), 0);
    Atomics.store(flag, 0, 1);
    const r = s.execute('while True:\n    pass\n', { mode: 'exec', filename: 'loop.py' });
    expect(r.status === 'error' && r.error.ename).toBe('KeyboardInterrupt');
  });
});

const programs = existsSync(corpus) ? readdirSync(corpus).filter((f) => f.endsWith('.py')).sort() : [];

describe('corpus/vm against CPython 3.11', () => {
  for (const name of programs) {
    it(name, () => {
      const file = join(corpus, name);
      const base = file.slice(0, -3);
      const { s, out, err } = session([file]);
      const r = s.execute(readFileSync(file, 'utf8'), { mode: 'exec', filename: file });
      let stderr = err.join('');
      let rc = 0;
      if (r.status === 'error') {
        if (r.error.ename === 'SystemExit') rc = s.exitRequested ?? 0;
        else {
          stderr += r.error.traceback.join('');
          rc = 1;
        }
      } else if (s.exitRequested) rc = s.exitRequested;
      expect(out.join('')).toBe(readFileSync(`${base}.out`, 'utf8'));
      const wantErr = existsSync(`${base}.err`) ? readFileSync(`${base}.err`, 'utf8').split('{FILE}').join(file) : '';
      expect(stderr).toBe(wantErr);
      expect(rc).toBe(existsSync(`${base}.rc`) ? Number(readFileSync(`${base}.rc`, 'utf8').trim()) : 0);
    });
  }
});
