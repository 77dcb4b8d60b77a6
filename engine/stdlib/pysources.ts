// The standard-library modules the engine ships written in Python (engine/stdlib/python/*.py):
// registered by name, compiled on first import like CPython's frozen modules.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: the nearest folder up from this module with the engine's sources. */
function sourcesDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'engine', 'stdlib', 'python');
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('the engine\'s Python standard library sources are missing');
    dir = parent;
  }
}

/** Registers every Python-source module (a package's `__init__` under its package name). */
export function registerPythonSources(register: (name: string, source: string) => void): void {
  const dir = sourcesDir();
  for (const file of readdirSync(dir).sort()) {
    if (!file.endsWith('.py')) continue;
    register(file.slice(0, -3), readFileSync(join(dir, file), 'utf8'));
  }
}
