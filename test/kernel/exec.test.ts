// `pymemlab exec FILE.py` against the real CPython 3.11 on the same files: stdout, stderr, status.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLI, ensureBuilt } from './support/build.js';

const PROGRAMS: Record<string, string> = {
  'hello.py': "import sys\nprint('hello', sys.argv[1:])\nprint('to stderr', file=sys.stderr)\n",
  'uncaught.py': 'def outer():\n    inner()\n\ndef inner():\n    raise KeyError("missing")\n\nprint("before")\nouter()\n',
  'exit_code.py': 'import sys\nprint("leaving")\nsys.exit(3)\n',
  'exit_message.py': 'import sys\nsys.exit("fatal: no input")\n',
  'reads_input.py': 'name = input("who? ")\nprint("hi", name)\n',
};

let dir: string;

beforeAll(async () => {
  await ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'pymemlab-exec-'));
  for (const [name, source] of Object.entries(PROGRAMS)) writeFileSync(join(dir, name), source);
});

function both(name: string, args: string[] = [], input = '') {
  const options = { cwd: dir, input, encoding: 'utf8' as const, env: { ...process.env, PYTHONHASHSEED: '0' } };
  const real = spawnSync('python3', [name, ...args], options);
  const ours = spawnSync(process.execPath, [CLI, 'exec', name, ...args], options);
  return { real, ours };
}

describe('pymemlab exec behaves like python3', () => {
  for (const [name, args, input] of [
    ['hello.py', ['a', 'b']],
    ['uncaught.py', []],
    ['exit_code.py', []],
    ['exit_message.py', []],
    ['reads_input.py', [], 'Grace\n'],
  ] as [string, string[], string?][]) {
    it(name, () => {
      const { real, ours } = both(name, args, input);
      expect(ours.stdout).toBe(real.stdout);
      expect(ours.stderr).toBe(real.stderr);
      expect(ours.status).toBe(real.status);
    });
  }
});
