// Finding a kernel to spawn: pymemlab's own by default, or an installed kernelspec by name,
// searched in the Jupyter data directories in jupyter_core's order.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import { DEFAULT_PYTHON, KERNEL_ENV, defaultDisplayName, kernelCommand } from '../kernelspec/install.js';
import { packageRoot } from '../package-root.js';

export interface KernelSpec {
  name: string;
  argv: string[];
  display_name: string;
  language: string;
  interrupt_mode: 'signal' | 'message';
  env: Record<string, string>;
  resourceDir: string;
}

export function jupyterDataDirs(env: NodeJS.ProcessEnv = process.env): string[] {
  const dirs = (env['JUPYTER_PATH'] ?? '').split(delimiter).filter(Boolean);
  dirs.push(env['JUPYTER_DATA_DIR'] ?? join(env['XDG_DATA_HOME'] ?? join(homedir(), '.local', 'share'), 'jupyter'));
  for (const prefix of [env['CONDA_PREFIX'], env['VIRTUAL_ENV']]) if (prefix) dirs.push(join(prefix, 'share', 'jupyter'));
  dirs.push('/usr/local/share/jupyter', '/usr/share/jupyter');
  return dirs;
}

export function installedKernelNames(env: NodeJS.ProcessEnv = process.env): string[] {
  const names = new Set<string>();
  for (const dir of jupyterDataDirs(env)) {
    const kernels = join(dir, 'kernels');
    if (!existsSync(kernels)) continue;
    for (const name of readdirSync(kernels)) if (existsSync(join(kernels, name, 'kernel.json'))) names.add(name);
  }
  return [...names].sort();
}

export function findKernelSpec(name: string, env: NodeJS.ProcessEnv = process.env): KernelSpec {
  for (const dir of jupyterDataDirs(env)) {
    const resourceDir = join(dir, 'kernels', name);
    const file = join(resourceDir, 'kernel.json');
    if (!existsSync(file)) continue;
    const spec = JSON.parse(readFileSync(file, 'utf8')) as Partial<KernelSpec>;
    if (!Array.isArray(spec.argv) || spec.argv.length === 0) throw new Error(`${file}: kernelspec without argv`);
    return {
      name,
      argv: spec.argv,
      display_name: spec.display_name ?? name,
      language: spec.language ?? 'python',
      interrupt_mode: spec.interrupt_mode === 'message' ? 'message' : 'signal',
      env: spec.env ?? {},
      resourceDir,
    };
  }
  const known = installedKernelNames(env);
  throw new Error(`no kernelspec named "${name}" (installed: ${known.length ? known.join(', ') : 'none'})`);
}

/** pymemlab's own kernel, spawned directly with this Node, whether or not it was installed. */
export function pymemlabKernelSpec(): KernelSpec {
  return {
    name: 'pymemlab',
    argv: kernelCommand(DEFAULT_PYTHON),
    display_name: defaultDisplayName(DEFAULT_PYTHON),
    language: 'python',
    interrupt_mode: 'message',
    env: KERNEL_ENV,
    resourceDir: packageRoot(),
  };
}
