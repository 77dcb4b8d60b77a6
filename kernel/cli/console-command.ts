// `pymemlab console [--python X.Y]`: IPython-style prompts, magics, history kept across sessions.
import { readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { cellFilename, ipythonTraceback } from '../traceback.js';
import { LineReader } from './line-reader.js';
import { pythonOption } from './options.js';
import { TerminalEngine } from './terminal-engine.js';
import type { WorkerReply } from '../worker/protocol.js';

const HISTORY_FILE = join(homedir(), '.pymemlab_history');

/** IPython's ExitAutocall: these end the session (the engine's builtins have no `exit`). */
const EXIT_CELL = /^\s*(exit|quit)\s*(\(\s*\))?\s*$/;

/** Written after every cell, so a session that is killed keeps what it ran. */
function saveHistory(lines: LineReader): void {
  if (lines.history.length) writeFileSync(HISTORY_FILE, [...lines.history].reverse().join('\n') + '\n');
}

function loadHistory(): string[] {
  try {
    return readFileSync(HISTORY_FILE, 'utf8').split('\n').filter(Boolean).reverse();
  } catch {
    return [];
  }
}

export async function consoleMain(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { python: { type: 'string' } } });
  const lines = new LineReader(loadHistory());
  const engine = new TerminalEngine(pythonOption(values.python), [''], lines);
  const version = await engine.worker.ready();
  process.stdout.write(`Python ${version ?? '(engine unavailable)'} simulated by pymemlab. Ctrl-D exits; %lsmagic lists the magics.\n\n`);
  let running = false;
  const interrupt = (): void => {
    if (running) engine.worker.interrupt();
    else {
      process.stdout.write('\nKeyboardInterrupt\n');
      lines.cancelRead();
    }
  };
  // A terminal's Ctrl-C reaches readline as a key; a SIGINT sent otherwise (input from a pipe) too.
  lines.onInterrupt(interrupt);
  process.on('SIGINT', interrupt);
  for (let count = 1; ; ) {
    const cell = await readCell(engine, lines, count);
    if (cell === null || EXIT_CELL.test(cell)) break;
    if (cell.trim() === '') continue;
    running = true;
    const result = await engine.run({ code: cell, mode: 'cell', filename: cellFilename(count, cell), executionCount: count, storeHistory: true });
    running = false;
    for (const page of result.payload) process.stdout.write(`${String(page.data['text/plain'] ?? '')}\n`);
    if (result.status === 'ok' && typeof result.result?.['text/plain'] === 'string') process.stdout.write(`Out[${count}]: ${result.result['text/plain']}\n`);
    if (result.status === 'error') process.stderr.write(`${ipythonTraceback(result.error).join('\n')}\n`);
    process.stdout.write('\n');
    saveHistory(lines);
    count++;
  }
  saveHistory(lines);
  process.removeListener('SIGINT', interrupt);
  lines.close();
  await engine.worker.stop();
  return 0;
}

/** Reads lines until the parser says the cell is complete. */
async function readCell(engine: TerminalEngine, lines: LineReader, count: number): Promise<string | null> {
  const continuation = `${' '.repeat(String(count).length + 3)}...: `;
  let cell = '';
  let indent = '';
  for (;;) {
    const line = await lines.read(cell === '' ? `In [${count}]: ` : continuation, indent);
    if (line === null) return cell === '' ? null : cell;
    cell = cell === '' ? line : `${cell}\n${line}`;
    if (line.trim() === '' && cell.includes('\n')) return cell;
    const reply = await engine.worker.request({ op: 'isComplete', code: cell }).catch(() => null);
    const status = (reply as Extract<WorkerReply, { op: 'isComplete' }> | null)?.value ?? { status: 'complete' as const };
    if (status.status !== 'incomplete') return cell;
    indent = status.indent;
  }
}
