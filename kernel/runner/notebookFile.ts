// Reading notebooks with errors that name the file, and writing them back atomically in the
// layout Jupyter itself writes (keys in their order, 1-space indent, trailing newline).
import type { INotebookContent } from '@jupyterlab/nbformat';
import { randomBytes } from 'node:crypto';
import { open, readFile, readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export class NotebookFileError extends Error {}

export interface NotebookFile {
  path: string;
  notebook: INotebookContent;
  indent: string;
}

/** Notebook paths from the command line: files as given, directories by their *.ipynb, sorted. */
export async function resolveNotebookPaths(inputs: string[]): Promise<string[]> {
  const paths: string[] = [];
  for (const input of inputs) {
    const info = await stat(input).catch(() => null);
    if (!info) throw new NotebookFileError(`${input}: no such file or directory`);
    if (!info.isDirectory()) {
      paths.push(input);
      continue;
    }
    const found = (await readdir(input)).filter((name) => name.endsWith('.ipynb') && !name.startsWith('.')).sort();
    if (found.length === 0) throw new NotebookFileError(`${input}: directory has no notebooks (*.ipynb)`);
    paths.push(...found.map((name) => join(input, name)));
  }
  return paths;
}

export async function readNotebook(path: string): Promise<NotebookFile> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new NotebookFileError(`${path}: cannot read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  let notebook: INotebookContent;
  try {
    notebook = JSON.parse(text) as INotebookContent;
  } catch (error) {
    throw new NotebookFileError(`${path}: not valid JSON (${(error as Error).message})`);
  }
  if (typeof notebook !== 'object' || notebook === null || notebook.nbformat !== 4 || !Array.isArray(notebook.cells)) {
    throw new NotebookFileError(`${path}: not an nbformat 4 notebook (needs "nbformat": 4 and a "cells" list)`);
  }
  const indent = /^\{\r?\n([ \t]+)"/.exec(text)?.[1] ?? ' ';
  return { path, notebook, indent };
}

/** Writes beside the target, flushes, then renames over it: a reader sees the old or the new file, never half. */
export async function writeNotebookAtomic(file: NotebookFile): Promise<void> {
  const temp = join(dirname(file.path), `.${basename(file.path)}.${randomBytes(6).toString('hex')}.tmp`);
  const mode = (await stat(file.path).catch(() => null))?.mode ?? 0o644;
  const handle = await open(temp, 'wx', mode);
  try {
    await handle.writeFile(`${JSON.stringify(file.notebook, null, file.indent)}\n`, 'utf8');
    await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(temp, { force: true });
    throw error;
  }
  await handle.close();
  await rename(temp, file.path);
}
