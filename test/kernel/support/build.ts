// The kernel runs from dist/ (its worker thread loads compiled JavaScript), so the tests build it
// first when a source is newer than the build. One build at a time across test files.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
export const CLI = join(ROOT, 'bin', 'pymemlab.js');
const BUILT = join(ROOT, 'dist', 'kernel', 'cli', 'main.js');
const LOCK = join(ROOT, 'dist', '.build-lock');

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function stale(): boolean {
  if (!existsSync(BUILT)) return true;
  const built = statSync(BUILT).mtimeMs;
  return ['kernel', 'engine'].some((dir) => newestSource(join(ROOT, dir)) > built);
}

export async function ensureBuilt(): Promise<void> {
  mkdirSync(join(ROOT, 'dist'), { recursive: true });
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      // A lock older than any build was left by a test run that was killed.
      if (Date.now() - statSync(LOCK).mtimeMs > 300_000) rmdirSync(LOCK);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  try {
    if (!stale()) return;
    try {
      execFileSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', ROOT], { stdio: 'pipe' });
    } catch {
      // Type errors elsewhere in the tree still emit JavaScript; what matters is that the CLI exists.
    }
    if (!existsSync(BUILT)) throw new Error('the build did not produce the kernel CLI');
  } finally {
    rmdirSync(LOCK);
  }
}
