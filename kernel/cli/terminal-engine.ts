// The engine worker as the terminal commands use it: output straight to stdout/stderr, input()
// from the terminal, Ctrl-C as KeyboardInterrupt.
import type { DisplayRequest, PythonError } from '../../engine/api.js';
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

  constructor(python: string, argv: string[], readonly lines: LineReader) {
    this.worker = new EngineWorker({ python, argv, ...engineEnvironment() }, {
      stream: (name, text) => (name === 'stdout' ? process.stdout : process.stderr).write(text),
      display: showDisplay,
      input: (prompt) => {
        void this.lines.read(prompt).then((line) => this.worker.answerInput(line));
      },
    });
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
