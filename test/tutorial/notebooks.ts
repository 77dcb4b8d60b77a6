// Small notebooks written on the fly for the runner's tests.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Console } from '../../kernel/runner/console.js';

export function codeCell(source: string, tags: string[] = []): Record<string, unknown> {
  return { cell_type: 'code', execution_count: null, metadata: tags.length ? { tags } : {}, outputs: [], source };
}

export function notebook(cells: Array<Record<string, unknown>>, metadata: Record<string, unknown> = {}): Record<string, unknown> {
  return { cells, metadata, nbformat: 4, nbformat_minor: 5 };
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'pymemlab-tutorial-test-'));
}

/** Writes as Jupyter does: 1-space indent, trailing newline. */
export function writeNotebook(path: string, content: unknown): string {
  writeFileSync(path, `${JSON.stringify(content, null, 1)}\n`);
  return path;
}

export function readJson(path: string): any {
  return JSON.parse(readFileSync(path, 'utf8'));
}

/** A Console that keeps what the CLI prints, for assertions. */
export function recordingConsole(): Console & { stdout: string; stderr: string } {
  const recorder = {
    stdout: '',
    stderr: '',
    out(line: string) { recorder.stdout += `${line}\n`; },
    err(line: string) { recorder.stderr += `${line}\n`; },
  };
  return recorder;
}
