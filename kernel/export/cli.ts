// `pymemlab export NOTEBOOK|DIR... --out DIR [--docs DIR]`
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { processConsole, type Console } from '../runner/console.js';
import { packageRoot } from '../package-root.js';
import { NotebookFileError, readNotebook, resolveNotebookPaths } from '../runner/notebookFile.js';
import { buildSite } from './site.js';

export const EXPORT_USAGE = `usage: pymemlab export NOTEBOOK|DIR... --out DIR [--docs DIR]

Builds a static HTML site from notebooks as they are stored (outputs are not re-run).
  --out DIR    where the site goes (replaced if it holds an earlier build)
  --docs DIR   hand-written Markdown pages to include (default: the package's docs/)`;

export function defaultDocsDir(): string {
  return join(packageRoot(), 'docs');
}

export async function exportMain(args: string[], io: Console = processConsole): Promise<number> {
  let values: { out?: string; docs?: string };
  let positionals: string[];
  try {
    let help: boolean | undefined;
    ({ values: { help, ...values }, positionals } = parseArgs({
      args, allowPositionals: true, options: { out: { type: 'string' }, docs: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    }));
    if (help) {
      io.out(EXPORT_USAGE);
      return 0;
    }
    if (positionals.length === 0) throw new Error('no notebook or directory given');
    if (!values.out) throw new Error('--out DIR is required');
  } catch (error) {
    io.err(`pymemlab export: ${(error as Error).message}\n${EXPORT_USAGE}`);
    return 2;
  }
  try {
    const files = await Promise.all((await resolveNotebookPaths(positionals)).map(readNotebook));
    const started = Date.now();
    const site = await buildSite({ chapters: files, docsDir: values.docs ?? defaultDocsDir() }, resolve(values.out!));
    io.out(`${site.pages} pages in ${((Date.now() - started) / 1000).toFixed(1)} s: ${join(site.outDir, 'index.html')}`);
    return 0;
  } catch (error) {
    io.err(`pymemlab export: ${(error as Error).message}`);
    return error instanceof NotebookFileError ? 2 : 1;
  }
}
