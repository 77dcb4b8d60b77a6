// The chapter notebooks in notebooks/: each one re-executes on pymemlab's kernel and gives the
// outputs stored in it (pymemlab run --check), Debian's `jupyter nbconvert --execute` runs every
// chapter on the installed kernelspec with the same outputs, and every cell a chapter marks as
// confirmed prints on the real CPython 3.11 exactly what the chapter stores.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ICodeCell, IOutput } from '@jupyterlab/nbformat';
import { describe, expect, it } from 'vitest';
import { runMain } from '../../kernel/runner/cli.js';
import { comparableText } from '../../kernel/runner/compareOutputs.js';
import { outputIgnored } from '../../kernel/runner/executeNotebook.js';
import { recordingConsole } from './notebooks.js';
import { DEBIAN_PYTHON, installIntoPrefix } from '../kernel/support/kernelspec.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const notebooksDir = join(root, 'notebooks');
const chapters = readdirSync(notebooksDir).filter((f) => f.endsWith('.ipynb')).sort();

// The convention of scripts/chapters/chapter.mjs: a tagged cell says so on its first line, and in
// a chapter that uses the tag every other code cell says why its numbers are the simulation's.
const CONFIRMS = 'cpython-confirms';
const CONFIRMED_MARKER = '# confirmed: real CPython 3.11 prints the same';
const SIMULATED_MARKER = '# simulated: ';

interface StoredCell {
  id: string;
  cell_type: string;
  source: string | string[];
  metadata: { tags?: string[] };
  outputs?: IOutput[];
}

const readChapter = (chapter: string): { cells: StoredCell[] } => JSON.parse(readFileSync(join(notebooksDir, chapter), 'utf8'));
const sourceOf = (cell: StoredCell): string => (Array.isArray(cell.source) ? cell.source.join('') : cell.source);
const confirmedCells = (chapter: string): StoredCell[] =>
  readChapter(chapter).cells.filter((c) => c.cell_type === 'code' && c.metadata.tags?.includes(CONFIRMS));

/** A JSON value with its object keys in order: nbformat writes JSON outputs (Vega-Lite) sorted. */
function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.keys(value).sort().map((k) => [k, sortedKeys((value as Record<string, unknown>)[k])]));
}

/** Each code cell's outputs as --check compares them (addresses normalised, JSON keys sorted), or
 *  null where the cell is tagged to be run but not compared. */
function comparedTexts(nb: { cells: StoredCell[] }): (string | null)[] {
  return nb.cells
    .filter((c) => c.cell_type === 'code')
    .map((c) => (outputIgnored(c as unknown as ICodeCell) ? null : comparableText((c.outputs ?? []).map((o) => sortedKeys(o) as IOutput))));
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
  }, 600_000);

  it('executes every chapter under jupyter nbconvert with the same outputs', async () => {
    const { env, prefix } = await installIntoPrefix();
    for (const chapter of chapters) {
      const source = join(notebooksDir, chapter);
      const output = chapter.replace(/\.ipynb$/, '.executed');
      execFileSync(DEBIAN_PYTHON, ['-m', 'jupyter', 'nbconvert', '--to', 'notebook', '--execute', source, '--output-dir', prefix, '--output', output], { env, stdio: 'pipe' });
      const executed = JSON.parse(readFileSync(join(prefix, `${output}.ipynb`), 'utf8'));
      const stored = JSON.parse(readFileSync(source, 'utf8'));
      expect(comparedTexts(executed), chapter).toEqual(comparedTexts(stored));
    }
  }, 600_000);

  it('compares with CPython 3.11 itself', () => {
    expect(execFileSync('python3', ['--version'], { encoding: 'utf8' })).toMatch(/^Python 3\.11\./);
  });

  const confirmingChapters = chapters.filter((chapter) => confirmedCells(chapter).length > 0);

  it('has chapters whose cells the real CPython confirms', () => {
    const expected = [
      '02-dicts-and-sets.ipynb', '03-iterators-and-generators.ipynb', '04-async-io-and-concurrency.ipynb', '05-multiprocessing-and-ipc.ipynb', '06-clusters-and-job-queues.ipynb', '07-using-less-ram.ipynb',
      '08-zero-copy-and-buffers.ipynb', '09-memory-manager.ipynb', '10-sizes-slots-leaks-caches.ipynb', '11-fork-copy-on-write.ipynb',
    ];
    expect(confirmingChapters).toEqual(expect.arrayContaining(expected));
  });

  it.each(confirmingChapters)('%s says of every code cell whether CPython confirms it', (chapter) => {
    for (const cell of readChapter(chapter).cells.filter((c) => c.cell_type === 'code')) {
      const firstLine = sourceOf(cell).split('\n')[0]!;
      if (cell.metadata.tags?.includes(CONFIRMS)) expect(firstLine, `${chapter} ${cell.id}`).toBe(CONFIRMED_MARKER);
      else expect(firstLine.startsWith(SIMULATED_MARKER), `${chapter} ${cell.id}: ${firstLine}`).toBe(true);
    }
  });

  it.each(confirmingChapters)('%s: the cells marked confirmed print on python3 what the chapter stores', (chapter) => {
    const script = join(root, 'scripts', 'chapters', 'cpython-cells.py');
    const real: Record<string, IOutput[]> = JSON.parse(execFileSync('python3', [script, join(notebooksDir, chapter), CONFIRMS], { encoding: 'utf8', maxBuffer: 64 << 20 }));
    const cells = confirmedCells(chapter);
    expect(Object.keys(real).sort()).toEqual(cells.map((c) => c.id).sort());
    for (const cell of cells) {
      expect(comparableText(cell.outputs ?? []), `${chapter} ${cell.id}`).toBe(comparableText(real[cell.id]!));
    }
  }, 120_000);
});
