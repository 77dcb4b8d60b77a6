// Small notebooks written on the fly for the runner's tests.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Console } from '../../kernel/runner/console.js';

export function codeCell(source: string, tags: string[] = []): Record<string, unknown> {
  return { cell_type: 'code', execution_count: null, metadata: tags.length ? { tags } : {}, outputs: [], source };
}

export function notebook(cells: Array<Record<string, unknown>>, metadata: Record<string, unknown> = {}): Record<string, unknown> {
  return { cells, metadata, nbformat: 4, nbformat_minor: 5 };
}

const madeDirs: string[] = [];

export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pymemlab-tutorial-test-'));
  madeDirs.push(dir);
  return dir;
}

/** For afterAll: the test file's temporary directories go. */
export function removeTempDirs(): void {
  for (const dir of madeDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
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
