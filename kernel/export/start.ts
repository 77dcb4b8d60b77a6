// `pymemlab start` (and `npm start`): every chapter executed through the kernel, then the site
// built from the fresh outputs. The notebooks on disk are left as they are.
import { existsSync, readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { packageRoot } from '../package-root.js';
import { reportRun, runNotebook } from '../runner/cli.js';
import { processConsole, type Console } from '../runner/console.js';
import { readNotebook, resolveNotebookPaths, type NotebookFile } from '../runner/notebookFile.js';
import type { NotebookRun } from '../runner/executeNotebook.js';
import { defaultDocsDir } from './cli.js';
import { buildSite } from './site.js';

export const START_USAGE = `usage: pymemlab start [--notebooks DIR] [--out DIR] [--kernel NAME] [--timeout S]

Executes every chapter notebook on a fresh kernel and builds the documentation site from the
fresh outputs (the notebooks themselves are not rewritten).
  --notebooks DIR   the chapters (default: the package's notebooks/)
  --out DIR         the site (default: the package's docs/_site)
  --kernel NAME     an installed kernelspec instead of pymemlab's own kernel
  --timeout S       per-cell limit in seconds (default 120)`;

/** Runs `work` over `items`, at most `limit` at a time, results in the items' order. */
async function mapConcurrently<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const at = next++;
      results[at] = await work(items[at]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return results;
}

async function chapterFiles(dir: string): Promise<NotebookFile[]> {
  const hasNotebooks = existsSync(dir) && readdirSync(dir).some((name) => name.endsWith('.ipynb'));
  return hasNotebooks ? Promise.all((await resolveNotebookPaths([dir])).map(readNotebook)) : [];
}

export async function startMain(args: string[], io: Console = processConsole): Promise<number> {
  let values: { notebooks?: string; out?: string; kernel?: string; timeout?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args,
      options: { notebooks: { type: 'string' }, out: { type: 'string' }, kernel: { type: 'string' }, timeout: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    }));
    if (values.timeout !== undefined && !(Number(values.timeout) > 0)) throw new Error(`--timeout wants a positive number of seconds, not "${values.timeout}"`);
  } catch (error) {
    io.err(`pymemlab start: ${(error as Error).message}\n${START_USAGE}`);
    return 2;
  }
  if (values.help) {
    io.out(START_USAGE);
    return 0;
  }
  const started = Date.now();
  try {
    const files = await chapterFiles(resolve(values.notebooks ?? join(packageRoot(), 'notebooks')));
    const timeoutMs = Number(values.timeout ?? 120) * 1000;
    // Each kernel is a process with its own engine thread; two at a time keep a small machine busy.
    const runs = await mapConcurrently(files, Math.min(2, availableParallelism()), async (file) => {
      const runStarted = Date.now();
      try {
        const run: NotebookRun = await runNotebook(file, { kernel: values.kernel, timeoutMs, token: '' });
        return { path: file.path, notebook: run.notebook, ok: reportRun(file, run, Date.now() - runStarted, 0, io) };
      } catch (error) {
        // The chapter still gets its page, with the outputs it was committed with.
        io.err(`FAIL ${file.path}: ${(error as Error).message}; its stored outputs are shown`);
        return { path: file.path, notebook: file.notebook, ok: false };
      }
    });
    const site = await buildSite(
      { chapters: runs.map(({ path, notebook }) => ({ path, notebook })), docsDir: defaultDocsDir() },
      resolve(values.out ?? join(packageRoot(), 'docs', '_site')),
    );
    const failed = runs.filter((run) => !run.ok).length;
    io.out(`${runs.length} chapters executed${failed ? ` (${failed} with problems)` : ''}, ${site.pages} pages built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    io.out(`Site: ${join(site.outDir, 'index.html')}`);
    return failed ? 1 : 0;
  } catch (error) {
    io.err(`pymemlab start: ${(error as Error).message}`);
    return 1;
  }
}
