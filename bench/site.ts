// Docs site benchmark: time to export the site, and to run every chapter and build the site
// (`npm start`, aimed at <= 30 s on a 2-core machine), timed as the command itself in its own
// process, with each chapter's share. `node dist/bench/site.js` after a build.
import type { ICodeCell, IExecuteResult } from '@jupyterlab/nbformat';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runNotebook } from '../kernel/runner/cli.js';
import { joinLines } from '../kernel/runner/multiline.js';
import { readNotebook, resolveNotebookPaths, type NotebookFile } from '../kernel/runner/notebookFile.js';
import { buildSite } from '../kernel/export/site.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const START_TARGET_S = 30;
const EXPORTS = 5;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** The chapters when there are any, else the exporter's test notebooks (every output type). */
function chaptersDir(): string {
  const notebooks = join(ROOT, 'notebooks');
  const hasChapters = existsSync(notebooks) && readdirSync(notebooks).some((name) => name.endsWith('.ipynb'));
  return hasChapters ? notebooks : join(ROOT, 'test', 'tutorial', 'fixtures', 'chapters');
}

/** The chapters' own times summed, from the "ok  path (N code cells, S s)" lines of `start`. */
function chapterSeconds(output: string): number {
  return [...output.matchAll(/^(?:ok  |FAIL) .* \(\d+ code cells, ([\d.]+) s/gm)].reduce((sum, match) => sum + Number(match[1]), 0);
}

/** Whether pymemlab's kernel runs Python yet: `1 + 1` must come back as 2. */
async function kernelRunsCode(): Promise<boolean> {
  const probe: NotebookFile = {
    path: 'probe.ipynb',
    indent: ' ',
    notebook: { cells: [{ cell_type: 'code', execution_count: null, metadata: {}, outputs: [], source: '1 + 1' }], metadata: {}, nbformat: 4, nbformat_minor: 5 },
  };
  try {
    const run = await runNotebook(probe, { timeoutMs: 30_000, token: '' });
    const output = (run.notebook.cells[0] as ICodeCell).outputs[0];
    return output?.output_type === 'execute_result' && joinLines((output as IExecuteResult).data['text/plain'] as string[]) === '2';
  } catch {
    return false;
  }
}

async function main(): Promise<void> {
  const dir = chaptersDir();
  const scratch = mkdtempSync(join(tmpdir(), 'pymemlab-bench-site-'));
  try {
    const chapters = await Promise.all((await resolveNotebookPaths([dir])).map(readNotebook));
    const times: number[] = [];
    for (let i = 0; i < EXPORTS; i++) {
      const started = performance.now();
      await buildSite({ chapters, docsDir: join(ROOT, 'docs') }, join(scratch, 'site'));
      times.push(performance.now() - started);
    }
    console.log(`site export: ${chapters.length} notebooks from ${dir.slice(ROOT.length)}, median ${median(times).toFixed(0)} ms over ${EXPORTS} builds`);

    if (!(await kernelRunsCode())) {
      console.log('run chapters + build (npm start): skipped, the pymemlab kernel does not execute code yet');
      return;
    }
    // What `npm start` runs (package.json's script), writing the site to a scratch directory.
    const started = performance.now();
    const start = spawnSync(process.execPath, [join(ROOT, 'dist', 'kernel', 'cli', 'main.js'), 'start', '--notebooks', dir, '--out', join(scratch, 'start')], { encoding: 'utf8' });
    const seconds = (performance.now() - started) / 1000;
    const summed = chapterSeconds(start.stdout);
    for (const line of start.stdout.split('\n').filter((entry) => /^(ok  |FAIL) /.test(entry))) console.log(`  ${line}`);
    console.log(`run chapters + build (npm start): ${seconds.toFixed(1)} s wall for ${chapters.length} notebooks, the chapters' own times summing to ${summed.toFixed(1)} s`
      + ` (target <= ${START_TARGET_S} s${seconds <= START_TARGET_S ? ', met' : ', MISSED'})${start.status === 0 ? '' : `, exit ${start.status}: some chapters had problems`}`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

await main();
