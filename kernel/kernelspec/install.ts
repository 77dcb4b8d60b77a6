// Writes (and removes) the Jupyter kernelspec directly, so installing needs no Python: kernel.json
// launches this package's CLI with the running node binary.
import { mkdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { packageRoot } from '../package-root.js';
import { logoPng } from './logo.js';

export type SpecLocation = { kind: 'user' } | { kind: 'sys-prefix' } | { kind: 'prefix'; dir: string };

export interface SpecOptions {
  location: SpecLocation;
  name: string;
  displayName: string;
  python: string;
}

export const DEFAULT_PYTHON = '3.11';

export function defaultSpecName(python: string): string {
  return python === DEFAULT_PYTHON ? 'pymemlab' : `pymemlab-${python}`;
}

export function defaultDisplayName(python: string): string {
  return `Python Memory Lab (CPython ${python}, simulated)`;
}

/** Jupyter's data directory for the location, as jupyter_core computes it on Linux. */
function dataDir(location: SpecLocation): string {
  switch (location.kind) {
    case 'user':
      return process.env.JUPYTER_DATA_DIR ?? join(process.env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), 'jupyter');
    case 'sys-prefix': {
      const prefix = process.env.VIRTUAL_ENV ?? process.env.CONDA_PREFIX;
      if (!prefix) throw new Error('--sys-prefix needs an active Python environment (VIRTUAL_ENV or CONDA_PREFIX); use --user or --prefix DIR');
      return join(prefix, 'share', 'jupyter');
    }
    case 'prefix':
      return join(location.dir, 'share', 'jupyter');
  }
}

export function specDir(location: SpecLocation, name: string): string {
  return join(dataDir(location), 'kernels', name);
}

/** The kernel's main thread only passes messages on: a 2 MB young generation holds them, where
 *  V8 would otherwise let it grow to 32 MB of resident memory over a session. */
const MAIN_THREAD_SEMI_SPACE = '--max-semi-space-size=2';

/** The kernel opens no TLS connection, so the certificates a user adds for Node's other programs
 *  are dropped for it: Node parses NODE_EXTRA_CA_CERTS at every start (about 100 ms of CPU for
 *  a system bundle), before a line of the kernel runs. */
export const KERNEL_ENV: Record<string, string> = { NODE_EXTRA_CA_CERTS: '' };

/** The command line Jupyter runs for the kernel (`{connection_file}` filled in at launch). */
export function kernelCommand(python: string): string[] {
  const argv = [process.execPath, MAIN_THREAD_SEMI_SPACE, join(packageRoot(), 'bin', 'pymemlab.js'), 'kernel', '-f', '{connection_file}'];
  if (python !== DEFAULT_PYTHON) argv.push('--python', python);
  return argv;
}

export function kernelJson(options: SpecOptions): Record<string, unknown> {
  return {
    argv: kernelCommand(options.python),
    env: KERNEL_ENV,
    display_name: options.displayName,
    language: 'python',
    interrupt_mode: 'message',
    metadata: { debugger: false },
  };
}

export function installSpec(options: SpecOptions): string {
  const dir = specDir(options.location, options.name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'kernel.json'), JSON.stringify(kernelJson(options), null, 1) + '\n');
  writeFileSync(join(dir, 'logo-32x32.png'), logoPng(32));
  writeFileSync(join(dir, 'logo-64x64.png'), logoPng(64));
  return dir;
}

/** Returns the removed directory, or null when there was none. */
export function uninstallSpec(location: SpecLocation, name: string): string | null {
  const dir = specDir(location, name);
  if (!existsSync(dir)) return null;
  rmSync(dir, { recursive: true, force: true });
  return dir;
}
