// The CLI's own behaviour: help, version, bad commands, files that cannot be opened.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLI, ROOT, ensureBuilt } from './support/build.js';

const pymemlab = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });

beforeAll(ensureBuilt);

describe('pymemlab CLI', () => {
  it('--help lists the commands, --version the package version', () => {
    const help = pymemlab('--help');
    expect(help.status).toBe(0);
    for (const command of ['kernel', 'install', 'uninstall', 'exec', 'console', 'run', 'export', 'start']) expect(help.stdout).toContain(`  ${command}`);
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(pymemlab('--version').stdout).toBe(`pymemlab ${version}\n`);
  });

  it('an unknown command is a usage error with status 2', () => {
    const run = pymemlab('frobnicate');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("unknown command 'frobnicate'");
  });

  it('exec of a missing file words the error as CPython does, status 2', () => {
    const run = pymemlab('exec', '/no/such/prog.py');
    expect(run.status).toBe(2);
    expect(run.stderr).toBe("pymemlab: can't open file '/no/such/prog.py': [Errno 2] No such file or directory\n");
  });

  it('kernel without a connection file fails with a message, not a stack', () => {
    const run = pymemlab('kernel');
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('pymemlab: kernel needs -f CONNECTION_FILE\n');
  });
});
