// `pymemlab exec FILE.py [--python X.Y] [ARGS...]`: runs a file as `python3 FILE.py ARGS` would:
// its output, CPython's traceback on stderr and status 1 for an uncaught exception, sys.exit's status.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { getSystemErrorMap } from 'node:util';
import { LineReader } from './line-reader.js';
import { pythonOption } from './options.js';
import { TerminalEngine } from './terminal-engine.js';

function splitArgs(args: string[]): { python: string; file: string; scriptArgs: string[] } {
  let python: string | undefined;
  let index = 0;
  while (args[index] === '--python') {
    python = args[index + 1];
    index += 2;
  }
  const file = args[index];
  if (file === undefined) throw new Error('usage: pymemlab exec FILE.py [--python X.Y] [ARGS...]');
  const rest = args.slice(index + 1);
  const late = rest.indexOf('--python');
  if (late >= 0 && python === undefined) {
    python = rest[late + 1];
    rest.splice(late, 2);
  }
  return { python: pythonOption(python), file, scriptArgs: rest };
}

/** `[Errno 2] No such file or directory`, as CPython words an OSError. */
function osErrorText(error: NodeJS.ErrnoException): string {
  const errno = error.errno === undefined ? undefined : -error.errno;
  const message = error.errno === undefined ? undefined : getSystemErrorMap().get(error.errno)?.[1];
  if (errno === undefined || message === undefined) return error.message;
  return `[Errno ${errno}] ${message.charAt(0).toUpperCase()}${message.slice(1)}`;
}

/** CPython prints a SystemExit's non-integer argument and exits with status 1. */
function exitStatus(evalue: string, requested: number | null): { status: number; message: string | null } {
  if (requested !== null) return { status: requested, message: /^-?\d+$|^None$|^$/.test(evalue) ? null : evalue };
  return { status: 1, message: evalue || null };
}

export async function execMain(args: string[]): Promise<number> {
  const { python, file, scriptArgs } = splitArgs(args);
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch (error) {
    process.stderr.write(`pymemlab: can't open file '${file}': ${osErrorText(error as NodeJS.ErrnoException)}\n`);
    return 2;
  }
  const lines = new LineReader();
  const engine = new TerminalEngine(python, [file, ...scriptArgs], lines);
  process.on('SIGINT', () => engine.worker.interrupt());
  // CPython (3.9 on) names the main script by its absolute path in tracebacks; sys.argv keeps it as given.
  const result = await engine.run({ code: source, mode: 'exec', filename: resolve(file), executionCount: 0, storeHistory: false });
  lines.close();
  await engine.worker.stop();
  if (result.status === 'ok') return result.exitRequested ?? 0;
  if (result.error.ename === 'SystemExit') {
    const { status, message } = exitStatus(result.error.evalue, result.exitRequested);
    if (message !== null) process.stderr.write(`${message}\n`);
    return status;
  }
  process.stderr.write(result.error.traceback.map((line) => (line.endsWith('\n') ? line : `${line}\n`)).join(''));
  return 1;
}
