// The conformance corpus: every test/corpus/**/NAME.py run by `pymemlab exec` must print what
// CPython 3.11 printed (NAME.out, NAME.err with {FILE} for the program's path, NAME.rc when not 0),
// byte for byte. Programs listed in known-failures.txt are expected to fail still, so the list
// can only shrink: a listed program that passes fails the suite until it is taken off the list.
import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const corpus = join(root, 'test', 'corpus');
const cli = join(root, 'bin', 'pymemlab.js');

function programs(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...programs(path));
    else if (name.endsWith('.py')) out.push(path);
  }
  return out;
}

function readOr(path: string, fallback: string): string {
  return existsSync(path) ? readFileSync(path, 'utf8') : fallback;
}

const knownFailures = new Set(
  readOr(join(corpus, 'known-failures.txt'), '')
    .split('\n')
    .map((l) => l.replace(/#.*/, '').trim())
    .filter(Boolean),
);

interface Run {
  stdout: string;
  stderr: string;
  status: number;
}

function run(file: string): Promise<Run> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [cli, 'exec', file],
      { cwd: dirname(file), env: { ...process.env, PYTHONHASHSEED: '0' }, timeout: 60_000, maxBuffer: 64 << 20 },
      (error, stdout, stderr) => {
        const status = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        done({ stdout, stderr, status });
      },
    );
  });
}

function expected(file: string): Run {
  const base = file.slice(0, -3);
  return {
    stdout: readOr(`${base}.out`, ''),
    stderr: readOr(`${base}.err`, '').split('{FILE}').join(file),
    status: Number(readOr(`${base}.rc`, '0').trim()),
  };
}

const all = programs(corpus);

describe('conformance corpus', () => {
  it('has programs and a golden for each', () => {
    expect(all.length).toBeGreaterThan(0);
    for (const file of all) expect(existsSync(`${file.slice(0, -3)}.out`), `${file} has no .out`).toBe(true);
    for (const name of knownFailures) expect(existsSync(join(corpus, name)), `known failure ${name} exists`).toBe(true);
  });

  for (const file of all) {
    const name = relative(corpus, file);
    const listed = knownFailures.has(name);
    it.concurrent(`${name}${listed ? ' (known failure)' : ''}`, async () => {
      const got = await run(file);
      const want = expected(file);
      if (listed) {
        const same = got.stdout === want.stdout && got.stderr === want.stderr && got.status === want.status;
        expect(same, `${name} passes now: take it off test/corpus/known-failures.txt`).toBe(false);
        return;
      }
      expect(got.stdout).toBe(want.stdout);
      expect(got.stderr).toBe(want.stderr);
      expect(got.status).toBe(want.status);
    });
  }
});
