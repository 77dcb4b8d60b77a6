// `pymemlab run NOTEBOOK|DIR... [--check] [--inplace] [--timeout S] [--kernel NAME] [--server URL --token T]`
import type { ICodeCell } from '@jupyterlab/nbformat';
import { parseArgs } from 'node:util';
import { diffOutputs } from './compareOutputs.js';
import { processConsole, type Console } from './console.js';
import { executeNotebook, outputIgnored, type NotebookRun } from './executeNotebook.js';
import { findKernelSpec, pymemlabKernelSpec } from './kernelspec.js';
import type { KernelSession } from './kernelSession.js';
import { startLocalKernel } from './localKernel.js';
import { NotebookFileError, readNotebook, resolveNotebookPaths, writeNotebookAtomic, type NotebookFile } from './notebookFile.js';
import { startRemoteKernel } from './remoteKernel.js';

export const RUN_USAGE = `usage: pymemlab run NOTEBOOK|DIR... [--check] [--inplace] [--timeout S] [--kernel NAME] [--server URL --token T]

Executes notebooks top to bottom, each on a fresh kernel.
  --check          compare fresh outputs with the stored ones; print a diff per differing cell
  --inplace        write fresh outputs back into the notebooks (ignored with --check)
  --timeout S      per-cell limit in seconds; the kernel is interrupted when it is reached
  --kernel NAME    an installed kernelspec (e.g. python3) instead of pymemlab's own kernel
  --server URL     run on a Jupyter Server instead of a local kernel
  --token T        the server's token (default: $JUPYTER_TOKEN)
Exit status: 0 all good, 1 differences or failing cells, 2 bad arguments or unreadable notebooks.`;

class HelpRequested extends Error {}

interface RunOptions {
  paths: string[];
  check: boolean;
  inplace: boolean;
  timeoutMs?: number;
  kernel?: string;
  server?: string;
  token: string;
}

function parseRunArgs(args: string[]): RunOptions {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      check: { type: 'boolean', default: false },
      inplace: { type: 'boolean', default: false },
      timeout: { type: 'string' },
      kernel: { type: 'string' },
      server: { type: 'string' },
      token: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) throw new HelpRequested();
  if (positionals.length === 0) throw new Error('no notebook or directory given');
  const timeout = values.timeout === undefined ? undefined : Number(values.timeout);
  if (timeout !== undefined && !(timeout > 0)) throw new Error(`--timeout wants a positive number of seconds, not "${values.timeout}"`);
  if (values.token !== undefined && values.server === undefined) throw new Error('--token goes with --server');
  return {
    paths: positionals,
    check: values.check!,
    inplace: values.inplace!,
    timeoutMs: timeout === undefined ? undefined : timeout * 1000,
    kernel: values.kernel,
    server: values.server,
    token: values.token ?? process.env['JUPYTER_TOKEN'] ?? '',
  };
}

function startKernel(options: RunOptions): Promise<KernelSession> {
  if (options.server) {
    // @jupyterlab/services narrates its websocket's life on console.debug, which Node prints to stdout.
    console.debug = () => undefined;
    return startRemoteKernel(options.server, options.token, options.kernel ?? 'pymemlab');
  }
  return startLocalKernel(options.kernel ? findKernelSpec(options.kernel) : pymemlabKernelSpec());
}

/** Executes one notebook on a fresh kernel of the kind the options name. */
export async function runNotebook(file: NotebookFile, options: Pick<RunOptions, 'kernel' | 'server' | 'token' | 'timeoutMs'>): Promise<NotebookRun> {
  const kernel = await startKernel({ paths: [], check: false, inplace: false, ...options });
  try {
    return await executeNotebook(file.notebook, kernel, { timeoutMs: options.timeoutMs });
  } finally {
    await kernel.shutdown();
  }
}

function cellLabel(file: NotebookFile, cellIndex: number): string {
  return `${file.path}: cell ${cellIndex + 1}`;
}

/** Prints the per-cell diffs; returns how many cells differ. */
function reportDifferences(file: NotebookFile, run: NotebookRun, io: Console): number {
  let differing = 0;
  for (const [cellIndex, cell] of run.notebook.cells.entries()) {
    if (cell.cell_type !== 'code' || outputIgnored(cell as ICodeCell)) continue;
    const stored = (file.notebook.cells[cellIndex] as ICodeCell).outputs ?? [];
    const diff = diffOutputs(stored, (cell as ICodeCell).outputs);
    if (diff === null) continue;
    differing += 1;
    io.out(`${cellLabel(file, cellIndex)}: outputs differ\n${diff}\n`);
  }
  return differing;
}

async function runOne(file: NotebookFile, options: RunOptions, io: Console): Promise<boolean> {
  const started = Date.now();
  let run: NotebookRun;
  try {
    run = await runNotebook(file, options);
  } catch (error) {
    io.err(`FAIL ${file.path}: ${(error as Error).message}`);
    return false;
  }
  const differing = options.check && run.complete ? reportDifferences(file, run, io) : 0;
  if (!options.check && options.inplace && run.complete) {
    await writeNotebookAtomic({ ...file, notebook: run.notebook });
  }
  return reportRun(file, run, Date.now() - started, differing, io);
}

/** Prints the cells' problems and one summary line; true when the notebook ran clean. */
export function reportRun(file: NotebookFile, run: NotebookRun, elapsedMs: number, differing: number, io: Console): boolean {
  for (const problem of run.problems) io.err(`${cellLabel(file, problem.cellIndex)}: ${problem.message}`);
  const ok = run.complete && run.problems.length === 0 && differing === 0;
  const cells = run.notebook.cells.filter((cell) => cell.cell_type === 'code').length;
  const detail = differing ? `, ${differing} cell(s) differ` : '';
  io.out(`${ok ? 'ok  ' : 'FAIL'} ${file.path} (${cells} code cells, ${(elapsedMs / 1000).toFixed(1)} s${detail})`);
  return ok;
}

export async function runMain(args: string[], io: Console = processConsole): Promise<number> {
  let options: RunOptions;
  try {
    options = parseRunArgs(args);
  } catch (error) {
    if (error instanceof HelpRequested) {
      io.out(RUN_USAGE);
      return 0;
    }
    io.err(`pymemlab run: ${(error as Error).message}\n${RUN_USAGE}`);
    return 2;
  }
  // Every notebook is read and checked before any kernel starts, so a bad one changes nothing.
  let files: NotebookFile[];
  try {
    files = await Promise.all((await resolveNotebookPaths(options.paths)).map(readNotebook));
  } catch (error) {
    if (!(error instanceof NotebookFileError)) throw error;
    io.err(`pymemlab run: ${error.message}`);
    return 2;
  }
  let failures = 0;
  for (const file of files) if (!(await runOne(file, options, io))) failures += 1;
  if (files.length > 1) io.out(`${files.length - failures} of ${files.length} notebooks ok`);
  return failures === 0 ? 0 : 1;
}
