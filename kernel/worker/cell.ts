// Runs one execute request inside the worker: IPython's syntax split into steps, Python steps
// handed to the engine, magics to the registry, help requests turned into pager payloads.
import type { Completion, EngineSession, ExecuteOutcome, IsCompleteStatus, MimeBundle } from '../../engine/api.js';
import { usageError, type MagicContext, type MagicRegistry } from '../magics/registry.js';
import { splitCell, pythonView, type CellStep } from '../magics/syntax.js';
import type { WorkerIO } from './io.js';
import type { ExecuteJob, ExecuteResult, PagePayload } from './protocol.js';

/** The code with a final `pass`, so that a trailing expression is not displayed. */
function silenced(code: string): string {
  return `${code}\npass`;
}

export class CellRunner implements MagicContext {
  readonly inputs: string[] = [''];
  private job: ExecuteJob | null = null;
  /** The session whose builtins already hold `display`. */
  private displaySession: EngineSession | null = null;

  constructor(
    private current: EngineSession,
    private readonly newSession: (python?: string) => EngineSession,
    readonly io: WorkerIO,
    readonly registry: MagicRegistry,
  ) {}

  get session(): EngineSession {
    return this.current;
  }

  /** A fresh interpreter, of the version being simulated unless `python` names another. */
  resetSession(python?: string): void {
    this.current = this.newSession(python ?? this.current.version);
  }

  execute(job: ExecuteJob): ExecuteResult {
    this.job = job;
    this.io.allowStdin = job.allowStdin;
    this.io.pages = [];
    if (job.storeHistory) this.inputs[job.executionCount] = job.code;
    const outcome = job.mode === 'cell' ? this.runCell(job.code) : this.current.execute(job.code, { mode: 'exec', filename: job.filename });
    const userExpressions = outcome.status === 'ok' ? this.evaluateAll(job.userExpressions) : {};
    this.io.endProgress();
    this.io.flush();
    const payload: PagePayload[] = this.io.pages.flatMap((page) => (page.kind === 'page' ? [{ source: 'page' as const, data: page.data, start: 0 }] : []));
    const common = { payload, userExpressions, exitRequested: this.current.exitRequested };
    return outcome.status === 'ok' ? { status: 'ok', result: outcome.result, ...common } : { status: 'error', error: outcome.error, ...common };
  }

  runCell(code: string): ExecuteOutcome {
    const steps = splitCell(code);
    let outcome: ExecuteOutcome = { status: 'ok' };
    for (const [index, step] of steps.entries()) {
      outcome = this.runStep(step, index === steps.length - 1);
      if (outcome.status === 'error') return outcome;
    }
    return outcome;
  }

  runHidden(code: string): ExecuteOutcome {
    return this.current.execute(silenced(code), { mode: 'cell', filename: '<pymemlab>' });
  }

  private runStep(step: CellStep, last: boolean): ExecuteOutcome {
    switch (step.kind) {
      case 'python': {
        this.provideDisplay(step.code);
        const job = this.job!;
        const history = last && job.storeHistory ? { count: job.executionCount, input: job.code } : undefined;
        // Leading newlines keep the cell's own line numbers in tracebacks; only the cell's last
        // chunk shows its value ('exec' mode would run the chunk as a whole file, ending __main__).
        const source = '\n'.repeat(step.firstLine) + step.code;
        return this.current.execute(last ? source : silenced(source), {
          mode: 'cell',
          filename: this.job!.filename,
          ...(history ? { history } : {}),
        });
      }
      case 'line':
      case 'cell': {
        const magic = this.registry.get(step.name);
        const handler = step.kind === 'line' ? magic?.line : magic?.cell;
        const prefix = step.kind === 'line' ? '%' : '%%';
        if (!handler) return usageError(`${step.kind === 'line' ? 'Line' : 'Cell'} magic \`${prefix}${step.name}\` not found.`);
        return handler(this, step.args, step.kind === 'cell' ? step.body : '');
      }
      case 'help':
        return this.help(step.target, step.detailLevel);
    }
  }

  /** IPython makes `display` a builtin. It is bound the first time a cell names it, so that a
   *  session that never displays keeps the exact startup state the memory chapters measure. */
  private provideDisplay(code: string): void {
    if (this.displaySession === this.current || !/\bdisplay\b/.test(code)) return;
    this.displaySession = this.current;
    this.runHidden("__import__('builtins').display = __import__('IPython.display', fromlist=['display']).display");
  }

  private help(target: string, detailLevel: 0 | 1): ExecuteOutcome {
    const data = this.helpText(target, detailLevel);
    if (data) this.io.display({ kind: 'page', data });
    else this.io.stdout(`Object \`${target}\` not found.\n`);
    return { status: 'ok' };
  }

  private helpText(target: string, detailLevel: 0 | 1): MimeBundle | null {
    if (target.startsWith('%')) {
      const magic = this.registry.get(target.replace(/^%+/, ''));
      return magic ? { 'text/plain': `${magic.summary}\n\n${magic.usage}\n` } : null;
    }
    const inspection = this.current.inspect(target, [...target].length, detailLevel);
    return inspection.found ? inspection.data : null;
  }

  private evaluateAll(expressions: Record<string, string>): Record<string, unknown> {
    return Object.fromEntries(
      Object.entries(expressions).map(([name, expression]) => {
        const outcome = this.current.evaluate(expression);
        return [name, outcome.status === 'ok'
          ? { status: 'ok', data: outcome.result ?? { 'text/plain': 'None' }, metadata: {} }
          : { status: 'error', ...outcome.error }];
      }),
    );
  }

  /** The engine's completions, with magic names when the word under the cursor starts with `%`. */
  complete(code: string, cursorPos: number): Completion {
    const before = [...code].slice(0, cursorPos).join('');
    const word = /%{1,2}[\p{L}\p{N}_]*$/u.exec(before)?.[0];
    if (!word) return this.current.complete(code, cursorPos);
    // As IPython: `%ti` offers the cell magic %%time as well as the line magics.
    const bare = word.replace(/^%+/, '');
    const kinds = word.startsWith('%%') ? ['cell' as const] : ['cell' as const, 'line' as const];
    const matches = kinds.flatMap((kind) => this.registry.names(kind)).filter((name) => name.replace(/^%+/, '').startsWith(bare));
    return { matches, cursorStart: cursorPos - [...word].length, cursorEnd: cursorPos, types: matches.map(() => 'magic') };
  }

  isComplete(code: string): IsCompleteStatus {
    const python = pythonView(code);
    // A cell magic's body runs to the end of the cell: like IPython, a blank line ends it.
    if (python === '' && code.trim() !== '') return code.endsWith('\n\n') ? { status: 'complete' } : { status: 'incomplete', indent: '' };
    return this.current.isComplete(python);
  }
}
