// A cell runner over a real engine session, as the kernel's worker builds it, collecting what a
// cell shows: stdout, stderr, display bundles, and the outcome.
import { MessageChannel } from 'node:worker_threads';
import type { DisplayRequest, ExecuteOutcome, MimeBundle } from '../../engine/api.js';
import { createSession } from '../../engine/index.js';
import { createMagicRegistry } from '../../kernel/magics/index.js';
import { CellRunner } from '../../kernel/worker/cell.js';
import { WorkerIO } from '../../kernel/worker/io.js';
import type { WorkerEvent } from '../../kernel/worker/protocol.js';

export interface CellRun {
  outcome: ExecuteOutcome;
  stdout: string;
  stderr: string;
  displays: MimeBundle[];
}

export class Kernel {
  private events: WorkerEvent[] = [];
  private readonly runner: CellRunner;
  private count = 0;

  constructor(python = '3.11') {
    const channel = new MessageChannel();
    const io = new WorkerIO((event) => this.events.push(event), channel.port1, new Int32Array(new SharedArrayBuffer(4)));
    const newSession = (version = python) => createSession({ python: version, argv: [''], host: io });
    this.runner = new CellRunner(newSession(), newSession, io, createMagicRegistry());
  }

  run(code: string): CellRun {
    this.events = [];
    this.count++;
    const result = this.runner.execute({
      code, mode: 'cell', filename: `<ipython-input-${this.count}>`, executionCount: this.count,
      storeHistory: true, silent: false, allowStdin: false, userExpressions: {},
    });
    const text = (name: 'stdout' | 'stderr'): string =>
      this.events.flatMap((e) => (e.kind === 'stream' && e.name === name ? [e.text] : [])).join('');
    const displays = this.events.flatMap((e) => (e.kind === 'display' && (e.request as DisplayRequest).kind === 'display' ? [(e.request as { data: MimeBundle }).data] : []));
    const outcome: ExecuteOutcome = result.status === 'ok' ? { status: 'ok', ...(result.result ? { result: result.result } : {}) } : { status: 'error', error: result.error };
    return { outcome, stdout: text('stdout'), stderr: text('stderr'), displays };
  }

  /** Runs Python and returns what it printed, failing on an error. */
  print(code: string): string {
    const run = this.run(code);
    if (run.outcome.status === 'error') throw new Error(run.outcome.error.traceback.join('\n'));
    return run.stdout;
  }
}
