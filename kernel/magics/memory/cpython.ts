// %%cpython runs a cell in a real CPython (a subprocess, with a timeout); %%compare runs it in
// the simulation and in CPython and shows both outputs side by side, differences marked.
import { spawnSync } from 'node:child_process';
import { diffLines } from 'diff';
import { OK, usageError, type Magic, type MagicContext } from '../registry.js';
import { escapeHtml } from '../render/html.js';
import { rect, svgDocument, text } from '../render/svg.js';
import { show } from '../render/bundle.js';

const DEFAULT_TIMEOUT_S = 30;

interface RealRun {
  interpreter: string;
  version: string;
  stdout: string;
  stderr: string;
  status: number | null;
  timedOut: boolean;
}

function versionOf(executable: string): string | null {
  const probe = spawnSync(executable, ['-c', 'import sys; print("%d.%d.%d" % sys.version_info[:3])'], { encoding: 'utf8', timeout: 10_000 });
  return probe.status === 0 ? probe.stdout.trim() : null;
}

/** PYMEMLAB_CPYTHON if set, else `pythonX.Y` for the simulated version, else `python3`. */
function findCPython(simulated: string): { executable: string; version: string } | null {
  const minor = simulated.split('.').slice(0, 2).join('.');
  const candidates = [process.env.PYMEMLAB_CPYTHON, `python${minor}`, 'python3'].filter((c): c is string => !!c);
  for (const executable of candidates) {
    const version = versionOf(executable);
    if (version) return { executable, version };
  }
  return null;
}

function runReal(context: MagicContext, code: string, timeoutS: number): RealRun | null {
  const found = findCPython(context.session.version);
  if (!found) return null;
  const run = spawnSync(found.executable, ['-c', code], {
    encoding: 'utf8',
    timeout: timeoutS * 1000,
    // The simulation hashes with seed 0 unless told otherwise: so does the real run.
    env: { ...process.env, PYTHONHASHSEED: process.env.PYTHONHASHSEED ?? '0', PYTHONIOENCODING: 'utf-8' },
  });
  const timedOut = (run.error as NodeJS.ErrnoException | undefined)?.code === 'ETIMEDOUT';
  return { interpreter: found.executable, version: found.version, stdout: run.stdout ?? '', stderr: run.stderr ?? '', status: run.status, timedOut };
}

function parseTimeout(args: string): number | string {
  const words = args.split(/\s+/).filter(Boolean);
  if (words.length === 0) return DEFAULT_TIMEOUT_S;
  const match = /^--timeout=?(\d+(?:\.\d+)?)$/.exec(words.join('='));
  return match && Number(match[1]) > 0 ? Number(match[1]) : `unknown arguments: ${args} (use --timeout SECONDS)`;
}

function noCPython(): ReturnType<Magic['line'] & {}> {
  return usageError('no CPython found: install python3 or set PYMEMLAB_CPYTHON');
}

function timeoutNote(real: RealRun, timeoutS: number): string {
  return real.timedOut ? `CPython ${real.version} did not finish within ${timeoutS} s and was stopped\n` : '';
}

export const cpython: Magic = {
  name: 'cpython',
  summary: 'Run the cell in a real CPython (a subprocess), for comparison with the simulation.',
  usage: '%%cpython [--timeout SECONDS]\nCELL BODY\n\nRuns the cell with python3 (or pythonX.Y matching the simulated version, or $PYMEMLAB_CPYTHON),\nPYTHONHASHSEED=0 unless set, and a timeout (default 30 s). Nothing is shared with the session.',
  cell: (context, args, body) => {
    const timeoutS = parseTimeout(args);
    if (typeof timeoutS === 'string') return usageError(timeoutS);
    const real = runReal(context, body, timeoutS);
    if (!real) return noCPython();
    context.io.stdout(real.stdout);
    context.io.stderr(real.stderr + timeoutNote(real, timeoutS));
    return OK;
  },
};

interface Side {
  title: string;
  output: string;
}

type Row = { left: string | null; right: string | null; same: boolean };

/** Lines aligned side by side: equal runs on both sides, removed/added runs paired up. */
function alignedRows(simulated: string, real: string): Row[] {
  const rows: Row[] = [];
  const lines = (value: string): string[] => value.replace(/\n$/, '').split('\n');
  let pendingLeft: string[] = [];
  const flush = (right: string[]): void => {
    const n = Math.max(pendingLeft.length, right.length);
    for (let i = 0; i < n; i++) rows.push({ left: pendingLeft[i] ?? null, right: right[i] ?? null, same: false });
    pendingLeft = [];
  };
  for (const change of diffLines(simulated, real)) {
    if (change.removed) pendingLeft.push(...lines(change.value));
    else if (change.added) flush(lines(change.value));
    else {
      flush([]);
      for (const l of lines(change.value)) rows.push({ left: l, right: l, same: true });
    }
  }
  flush([]);
  return rows;
}

const COL = 46;

function compareText(left: Side, right: Side, rows: Row[]): string {
  const cut = (s: string | null): string => (s ?? '').slice(0, COL).padEnd(COL);
  const head = `  ${left.title.slice(0, COL).padEnd(COL)} | ${right.title}`;
  return [head, '-'.repeat(head.length), ...rows.map((r) => `${r.same ? ' ' : '!'} ${cut(r.left)} | ${r.right ?? ''}`)].join('\n');
}

function compareHtml(left: Side, right: Side, rows: Row[]): string {
  const cell = (s: string | null, differs: boolean): string =>
    `<td style="font-family:monospace;white-space:pre;padding:0 6px;background:${differs ? '#fde2e2' : 'transparent'}">${escapeHtml(s ?? '')}</td>`;
  const body = rows.map((r) => `<tr>${cell(r.left, !r.same)}${cell(r.right, !r.same)}</tr>`).join('');
  return `<table style="border-collapse:collapse"><tr><th>${escapeHtml(left.title)}</th><th>${escapeHtml(right.title)}</th></tr>${body}</table>`;
}

function compareSvg(left: Side, right: Side, rows: Row[]): string {
  const width = 7 * COL + 20;
  const body = [text(10, 14, left.title, 'start', 'font-weight="bold"'), text(width + 10, 14, right.title, 'start', 'font-weight="bold"')];
  rows.forEach((r, i) => {
    const y = 22 + i * 16;
    if (!r.same) body.push(rect(8, y, 2 * width + 4, 16, { fill: '#fde2e2', stroke: 'none' }));
    body.push(text(10, y + 12, (r.left ?? '').slice(0, COL)), text(width + 10, y + 12, (r.right ?? '').slice(0, COL)));
  });
  return svgDocument(2 * width + 20, 30 + rows.length * 16, body);
}

export const compare: Magic = {
  name: 'compare',
  summary: 'Run the cell in the simulation and in a real CPython and show both outputs side by side.',
  usage: '%%compare [--timeout SECONDS]\nCELL BODY\n\nThe cell runs first in the session (its names stay defined), then in a fresh CPython process.\nstdout and stderr (with the traceback of an uncaught exception) are compared line by line.',
  cell: (context, args, body) => {
    const timeoutS = parseTimeout(args);
    if (typeof timeoutS === 'string') return usageError(timeoutS);
    const { value: outcome, captured } = context.io.capture({ stdout: true, stderr: true, display: true }, () => context.runCell(body));
    const traceback = outcome.status === 'error' ? outcome.error.traceback.map((l) => (l.endsWith('\n') ? l : `${l}\n`)).join('') : '';
    const real = runReal(context, body, timeoutS);
    if (!real) return noCPython();
    const left = { title: `simulated CPython ${context.session.version}`, output: captured.stdout + captured.stderr + traceback };
    const right = { title: `${real.interpreter} (CPython ${real.version})`, output: real.stdout + real.stderr + timeoutNote(real, timeoutS) };
    const rows = alignedRows(left.output, right.output);
    const differing = rows.filter((r) => !r.same).length;
    const verdict = differing ? `${differing} line(s) differ` : 'identical output';
    show(context, { text: `${compareText(left, right, rows)}\n${verdict}`, html: compareHtml(left, right, rows) + `<p>${verdict}</p>` }, { caption: verdict, svg: compareSvg(left, right, rows) });
    return OK;
  },
};
