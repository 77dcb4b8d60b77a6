// Installs the built kernelspec into a throwaway prefix that Jupyter's own tools are pointed at.
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI, ensureBuilt } from './build.js';

export const DEBIAN_PYTHON = '/usr/bin/python3';

export interface InstalledSpec {
  prefix: string;
  /** Environment for Jupyter tools that must find the kernelspec (and nothing from the user's home). */
  env: NodeJS.ProcessEnv;
}

export async function installIntoPrefix(): Promise<InstalledSpec> {
  await ensureBuilt();
  const prefix = mkdtempSync(join(tmpdir(), 'pymemlab-spec-'));
  execFileSync(process.execPath, [CLI, 'install', '--prefix', prefix], { stdio: 'pipe' });
  const env = {
    ...process.env,
    JUPYTER_PATH: join(prefix, 'share', 'jupyter'),
    JUPYTER_DATA_DIR: join(prefix, 'data'),
    JUPYTER_RUNTIME_DIR: join(prefix, 'runtime'),
    JUPYTER_CONFIG_DIR: join(prefix, 'config'),
    PYDEVD_DISABLE_FILE_VALIDATION: '1',
  };
  return { prefix, env };
}
