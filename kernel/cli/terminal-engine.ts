// The engine worker as the terminal commands use it: output straight to stdout/stderr, input()
// from the terminal, Ctrl-C as KeyboardInterrupt.
import type { DisplayRequest, ProgressUpdate, PythonError } from '../../engine/api.js';
import { progressText } from '../progress.js';
import { EngineWorker } from '../worker/host.js';
import type { ExecuteJob, ExecuteResult, WorkerReply } from '../worker/protocol.js';
import { LineReader } from './line-reader.js';
import { engineEnvironment } from './options.js';

function showDisplay(request: DisplayRequest): void {
  if (request.kind === 'clear') return;
  const text = request.data['text/plain'];
  if (typeof text === 'string') process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}

export class TerminalEngine {
  readonly worker: EngineWorker;
  /** Whether a progress bar occupies stderr's current line (it is cleared before other output). */
  private barShown = false;

  constructor(python: string, argv: string[], readonly lines: LineReader) {
    this.worker = new EngineWorker({ python, argv, ...engineEnvironment() }, {
      stream: (name, text) => {
        this.clearBar();
        (name === 'stdout' ? process.stdout : process.stderr).write(text);
      },
      display: (request) => {
        this.clearBar();
        showDisplay(request);
      },
      input: (prompt) => {
        this.clearBar();
        void this.lines.read(prompt).then((line) => this.worker.answerInput(line));
      },
      progress: (_id, stage, update) => this.progress(stage, update),
    });
  }

  /** A text bar redrawn in place on stderr, only when stderr is a terminal; gone when done. */
  private progress(stage: 'start' | 'update' | 'end', update: ProgressUpdate): void {
    if (!process.stderr.isTTY) return;
    if (stage === 'end') {
      this.clearBar();
      return;
    }
    process.stderr.write(`\r\x1b[K${progressText(update).slice(0, Math.max(20, (process.stderr.columns || 80) - 1))}`);
    this.barShown = true;
  }

  private clearBar(): void {
    if (!this.barShown) return;
    process.stderr.write('\r\x1b[K');
    this.barShown = false;
  }

  async run(job: Omit<ExecuteJob, 'silent' | 'allowStdin' | 'userExpressions'>): Promise<ExecuteResult> {
    try {
      const reply = await this.worker.request({ op: 'execute', job: { ...job, silent: false, allowStdin: true, userExpressions: {} } });
      return (reply as Extract<WorkerReply, { op: 'execute' }>).value;
    } catch (error) {
      const message = (error as Error).message;
      const failure: PythonError = { ename: 'EngineError', evalue: message, traceback: [`EngineError: ${message}`] };
      return { status: 'error', error: failure, payload: [], userExpressions: {}, exitRequested: null };
    }
  }
}
