// Locates the installed package (for its version, the CLI script and the logos) from both the
// TypeScript sources and the compiled dist/ tree.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | null = null;
let version: string | null = null;

export function packageRoot(): string {
  if (root !== null) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) || !existsSync(join(dir, 'bin', 'pymemlab.js'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find the pymemlab package root');
    dir = parent;
  }
  root = dir;
  return dir;
}

export function packageVersion(): string {
  version ??= (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
  return version;
}
