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
export function registerPythonSources(register: (name: string, source: string) => void, dir = sourcesDir(), prefix = ''): void {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (entry.isDirectory()) {
      registerPythonSources(register, join(dir, entry.name), `${prefix}${entry.name}.`);
      continue;
    }
    if (!entry.name.endsWith('.py')) continue;
    const name = entry.name === '__init__.py' ? prefix.slice(0, -1) : prefix + entry.name.slice(0, -3);
    register(name, readFileSync(join(dir, entry.name), 'utf8'));
  }
}
