#!/usr/bin/env node
// Runs every program of test/corpus through `pymemlab exec` and compares it with its CPython
// golden, printing one line per program and a total. With --write, rewrites
// test/corpus/known-failures.txt to the programs that fail now (the conformance test then holds
// the suite to exactly that list). Usage: node scripts/corpus-status.mjs [--write] [DIR...]
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const corpus = join(root, 'test', 'corpus');
const args = process.argv.slice(2);
const write = args.includes('--write');
const dirs = args.filter((a) => !a.startsWith('--'));

function programs(dir) {
  return readdirSync(dir).sort().flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return programs(path);
    return name.endsWith('.py') ? [path] : [];
  });
}

const readOr = (p, d) => (existsSync(p) ? readFileSync(p, 'utf8') : d);

function check(file) {
  return new Promise((done) => {
    execFile(process.execPath, [join(root, 'bin', 'pymemlab.js'), 'exec', file],
      { cwd: dirname(file), env: { ...process.env, PYTHONHASHSEED: '0' }, timeout: 60_000, maxBuffer: 64 << 20 },
      (error, stdout, stderr) => {
        const status = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        const base = file.slice(0, -3);
        const ok = stdout === readOr(`${base}.out`, '')
          && stderr === readOr(`${base}.err`, '').split('{FILE}').join(file)
          && status === Number(readOr(`${base}.rc`, '0').trim());
        done(ok);
      });
  });
}

const files = (dirs.length ? dirs.map((d) => resolve(d)) : [corpus]).flatMap(programs);
const results = new Map();
let next = 0;
await Promise.all(Array.from({ length: Math.max(1, cpus().length) }, async () => {
  while (next < files.length) {
    const file = files[next++];
    const ok = await check(file);
    results.set(file, ok);
    console.log(`${ok ? 'pass' : 'FAIL'} ${relative(corpus, file)}`);
  }
}));
const failing = files.filter((f) => !results.get(f)).map((f) => relative(corpus, f));
console.log(`${files.length - failing.length} passed, ${failing.length} failed`);
if (write) {
  const header = '# Corpus programs the engine does not pass yet. The conformance test checks that each one\n# still fails, so a program that starts passing must come off this list. Paths are relative to test/corpus.\n';
  writeFileSync(join(corpus, 'known-failures.txt'), header + failing.map((f) => `${f}\n`).join(''));
}
