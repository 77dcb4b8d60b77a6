// Runs a notebook's code cells in order on one kernel and records fresh outputs in a copy of it.
import type { ICodeCell, IError, INotebookContent } from '@jupyterlab/nbformat';
import type { KernelSession } from './kernelSession.js';
import { joinLines } from './multiline.js';
import { OutputCollector, type DisplayRegistry } from './outputCollector.js';

/** After a timeout's interrupt, how long the kernel gets to stop the cell. */
const INTERRUPT_GRACE_MS = 10_000;

export interface CellProblem {
  cellIndex: number;
  message: string;
}

export interface NotebookRun {
  notebook: INotebookContent;
  problems: CellProblem[];
  /** Cells after a timed-out cell are not run; the notebook is incomplete. */
  complete: boolean;
}

export interface ExecuteOptions {
  /** Per-cell limit in milliseconds; none when undefined. */
  timeoutMs?: number;
}

function tagsOf(cell: ICodeCell): string[] {
  const tags = (cell.metadata as { tags?: unknown }).tags;
  return Array.isArray(tags) ? tags.map(String) : [];
}

function delay(ms: number): Promise<'timeout'> {
  return new Promise((resolve) => setTimeout(resolve, ms, 'timeout').unref());
}

export async function executeNotebook(source: INotebookContent, kernel: KernelSession, options: ExecuteOptions): Promise<NotebookRun> {
  const notebook = structuredClone(source);
  const displays: DisplayRegistry = new Map();
  const problems: CellProblem[] = [];
  for (const [cellIndex, cell] of notebook.cells.entries()) {
    if (cell.cell_type !== 'code') continue;
    const codeCell = cell as ICodeCell;
    const code = joinLines(codeCell.source);
    if (code.trim() === '') {
      codeCell.outputs = [];
      codeCell.execution_count = null;
      continue;
    }
    const collector = new OutputCollector(displays);
    const running = kernel.execute(code, (message) => collector.handle(message));
    const outcome = await Promise.race([running, options.timeoutMs === undefined ? running : delay(options.timeoutMs)]);
    if (outcome === 'timeout') {
      await kernel.interrupt();
      const stopped = await Promise.race([running, delay(INTERRUPT_GRACE_MS)]);
      const seconds = options.timeoutMs! / 1000;
      problems.push({
        cellIndex,
        message: stopped === 'timeout'
          ? `timed out after ${seconds} s and did not stop when interrupted`
          : `timed out after ${seconds} s; the kernel was interrupted`,
      });
      return { notebook, problems, complete: false };
    }
    codeCell.outputs = collector.finish();
    codeCell.execution_count = outcome.executionCount;
    const error = codeCell.outputs.find((output) => output.output_type === 'error') as IError | undefined;
    if (error && !tagsOf(codeCell).includes('raises-exception')) {
      problems.push({ cellIndex, message: `raised ${error.ename}: ${error.evalue} (tag the cell "raises-exception" if that is intended)` });
    }
  }
  return { notebook, problems, complete: true };
}

/** nbval's tag for cells whose output is not compared. */
export function outputIgnored(cell: ICodeCell): boolean {
  return tagsOf(cell).includes('nbval-ignore-output');
}
