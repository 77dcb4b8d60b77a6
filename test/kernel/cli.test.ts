// The CLI's own behaviour: help, version, bad commands, files that cannot be opened.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLI, ROOT, ensureBuilt } from './support/build.js';

/** The console keeps its history in $HOME: a throwaway one. */
const HOME_DIR = mkdtempSync(join(tmpdir(), 'pymemlab-home-'));
const pymemlab = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });

beforeAll(ensureBuilt);

/** `pymemlab console` on a terminal that util-linux's script(1) makes, typed into as a user would. */
function terminalConsole(home: string): { type(keys: string): void; until(pattern: RegExp): Promise<void>; exited: Promise<number | null> } {
  const child = spawn('script', ['-qec', `${process.execPath} ${CLI} console`, '/dev/null'], { env: { ...process.env, HOME: home } });
  let screen = '';
  child.stdout.on('data', (chunk: Buffer) => {
    screen += chunk.toString();
  });
  return {
    type: (keys) => void child.stdin.write(keys),
    until: async (pattern) => {
      const deadline = Date.now() + 60_000;
      while (!pattern.test(screen)) {
        if (Date.now() > deadline) throw new Error(`${pattern} never appeared in: ${screen.slice(-1000)}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    exited: new Promise((resolve) => child.on('exit', resolve)),
  };
}

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

  it('console reads cells (blocks end at a blank line), shows Out[n], runs magics, ends at end of input', () => {
    const run = spawnSync(process.execPath, [CLI, 'console'], {
      input: 'x = 20\nx + 22\nfor i in range(2):\n    print(i)\n\n%who\n1/0\n',
      encoding: 'utf8',
      env: { ...process.env, HOME: HOME_DIR },
    });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Out[2]: 42\n');
    expect(run.stdout).toContain('0\n1\n');
    expect(run.stdout).toContain('i\tx\t\n');
    expect(run.stderr.replace(/\x1b\[[0-9;]*m/g, '')).toContain('ZeroDivisionError: division by zero');
  });

  it('console on a terminal: Ctrl-C stops a running cell and keeps the session, history outlives it', async () => {
    const home = mkdtempSync(join(tmpdir(), 'pymemlab-home-'));
    const first = terminalConsole(home);
    await first.until(/In \[1\]: /);
    first.type('x = 1\r');
    await first.until(/In \[2\]: /);
    first.type('while True:\r');
    await first.until(/\.\.\.: /);
    first.type('pass\r\r');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    first.type('\x03');
    await first.until(/KeyboardInterrupt[^]*In \[3\]: /);
    first.type('print("still here", x)\r');
    await first.until(/still here 1/);
    first.type('\x04');
    expect(await first.exited).toBe(0);
    expect(readFileSync(join(home, '.pymemlab_history'), 'utf8')).toBe('x = 1\nwhile True:\n    pass\nprint("still here", x)\n');
    // A new session recalls the last line with the up arrow; x is gone, so it fails by name.
    const second = terminalConsole(home);
    await second.until(/In \[1\]: /);
    second.type('\x1b[A\r');
    await second.until(/NameError[^]*name 'x' is not defined/);
    second.type('exit\r');
    expect(await second.exited).toBe(0);
  }, 120_000);

  it('exec draws a progress bar on a terminal, erases it, and draws none into a pipe', () => {
    const program = join(mkdtempSync(join(tmpdir(), 'pymemlab-bar-')), 'collect.py');
    writeFileSync(program, 'import gc\nkeep = [[] for _ in range(60000)]\nprint(gc.collect())\n');
    const env = { ...process.env, PYMEMLAB_PROGRESS_DELAY_MS: '0' };
    // util-linux's script gives the program a terminal and copies what it wrote.
    const terminal = spawnSync('script', ['-qec', `${process.execPath} ${CLI} exec ${program}`, '/dev/null'], { encoding: 'utf8', env });
    expect(terminal.status).toBe(0);
    expect(terminal.stdout).toMatch(/\r\x1b\[Kgc: full collection \[-{30}\] 0% \(0\/3 phases\)/);
    expect(terminal.stdout).toMatch(/\r\x1b\[K0\r\n$/);
    const piped = spawnSync(process.execPath, [CLI, 'exec', program], { encoding: 'utf8', env });
    expect(piped.stdout).toBe('0\n');
    expect(piped.stderr).toBe('');
  });
});
