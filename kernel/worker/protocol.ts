// Messages between the kernel's main thread (sockets) and the engine worker (Python).
import type { DisplayRequest, Inspection, IsCompleteStatus, Completion, MimeBundle, ProgressUpdate, PythonError } from '../../engine/api.js';

export interface WorkerSettings {
  python: string;
  argv: string[];
  hashSeed?: number;
  interruptFlag: Int32Array;
  /** Slot 0 goes to 1 when the main thread has put the answer to an `input()` on the input port. */
  inputSignal: Int32Array;
}

export interface ExecuteJob {
  code: string;
  /** 'cell' applies IPython's syntax (magics, `obj?`) and shows the last expression; 'exec' runs a file. */
  mode: 'cell' | 'exec';
  filename: string;
  executionCount: number;
  storeHistory: boolean;
  silent: boolean;
  allowStdin: boolean;
  userExpressions: Record<string, string>;
}

export interface PagePayload {
  source: 'page';
  data: MimeBundle;
  start: number;
}

export type ExecuteResult = {
  result?: MimeBundle;
  payload: PagePayload[];
  userExpressions: Record<string, unknown>;
  /** Exit status asked for by sys.exit / SystemExit, if any. */
  exitRequested: number | null;
} & ({ status: 'ok' } | { status: 'error'; error: PythonError });

export type WorkerRequest =
  | { op: 'execute'; id: number; job: ExecuteJob }
  | { op: 'complete'; id: number; code: string; cursorPos: number }
  | { op: 'inspect'; id: number; code: string; cursorPos: number; detailLevel: 0 | 1 }
  | { op: 'isComplete'; id: number; code: string };

export type WorkerReply =
  | { op: 'execute'; value: ExecuteResult }
  | { op: 'complete'; value: Completion }
  | { op: 'inspect'; value: Inspection }
  | { op: 'isComplete'; value: IsCompleteStatus };

export type WorkerEvent =
  | { kind: 'ready'; version: string }
  /** A cell switched the simulated version (`%python X.Y`); sent before that cell's reply. */
  | { kind: 'version'; version: string }
  | { kind: 'failed'; message: string }
  | { kind: 'stream'; name: 'stdout' | 'stderr'; text: string }
  | { kind: 'display'; request: DisplayRequest }
  | { kind: 'input'; prompt: string; password: boolean }
  /** A progress bar: `start` shows bar `id`, `update` redraws it, `end` draws it a last time. */
  | { kind: 'progress'; id: number; stage: 'start' | 'update' | 'end'; update: ProgressUpdate }
  | { kind: 'reply'; id: number; reply: WorkerReply }
  | { kind: 'crash'; id: number; message: string };

/** `eof`: the terminal's input ended, input() raises as CPython's does at end of file. */
export type InputAnswer = { value: string } | { interrupted: true } | { eof: true };

