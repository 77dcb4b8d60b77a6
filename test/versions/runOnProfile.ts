// Runs a program file on one version profile in a fresh session, as the version tests compare it
// with the real interpreter of that version: its stdout (and stderr when asked), then the
// traceback of an uncaught exception.
import { readFileSync } from 'node:fs';
import { createSession } from '../../engine/index.js';

export function runOnProfile(file: string, version: string, withStderr: boolean): string {
  const out: string[] = [];
  const s = createSession({
    python: version,
    host: { stdout: (t) => out.push(t), stderr: (t) => { if (withStderr) out.push(t); }, display: () => {}, input: () => null },
  });
  const r = s.execute(readFileSync(file, 'utf8'), { mode: 'exec', filename: file });
  return r.status === 'error' ? `${out.join('')}${r.error.traceback.join('')}` : out.join('');
}
