// The chapter notebooks in notebooks/: each one re-executes on pymemlab's kernel and gives the
// outputs stored in it (pymemlab run --check), and Debian's `jupyter nbconvert --execute` runs
// every chapter on the installed kernelspec with the same outputs.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runMain } from '../../kernel/runner/cli.js';
import { recordingConsole } from './notebooks.js';
import { DEBIAN_PYTHON, installIntoPrefix } from '../kernel/support/kernelspec.js';

const notebooksDir = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'notebooks');
const chapters = readdirSync(notebooksDir).filter((f) => f.endsWith('.ipynb')).sort();

/** The text of every stream and result a notebook stores, cell by cell. */
function storedTexts(nb: { cells: { cell_type: string; outputs?: { text?: string | string[]; data?: Record<string, string | string[]> }[] }[] }): string[] {
  return nb.cells
    .filter((c) => c.cell_type === 'code')
    .map((c) => (c.outputs ?? []).map((o) => [o.text ?? '', o.data?.['text/plain'] ?? ''].flat().join('')).join(''));
}

describe('chapter notebooks', () => {
  it('has chapters', () => {
    expect(chapters.length).toBeGreaterThan(0);
  });

  it('re-executes every chapter with the stored outputs (pymemlab run --check)', async () => {
    const io = recordingConsole();
    const status = await runMain([notebooksDir, '--check'], io);
    expect(io.stderr).toBe('');
    expect(status).toBe(0);
    for (const c of chapters) expect(io.stdout).toContain(c);
  }, 300_000);

  it('executes every chapter under jupyter nbconvert with the same outputs', async () => {
    const { env, prefix } = await installIntoPrefix();
    for (const chapter of chapters) {
      const source = join(notebooksDir, chapter);
      const output = chapter.replace(/\.ipynb$/, '.executed');
      execFileSync(DEBIAN_PYTHON, ['-m', 'jupyter', 'nbconvert', '--to', 'notebook', '--execute', source, '--output-dir', prefix, '--output', output], { env, stdio: 'pipe' });
      const executed = JSON.parse(readFileSync(join(prefix, `${output}.ipynb`), 'utf8'));
      const stored = JSON.parse(readFileSync(source, 'utf8'));
      expect(storedTexts(executed), chapter).toEqual(storedTexts(stored));
    }
  }, 300_000);
});
