// The runner against a real ipykernel (Debian's python3-ipykernel, kernelspec "python3").
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runMain } from '../../kernel/runner/cli.js';
import { codeCell, notebook, readJson, recordingConsole, removeTempDirs, tempDir, writeNotebook } from './notebooks.js';

afterAll(removeTempDirs);

const KERNEL = ['--kernel', 'python3'];

const everyOutputKind = notebook([
  { cell_type: 'markdown', metadata: {}, source: '# Outputs' },
  codeCell('import sys\nprint("one")\nprint("two", flush=True)\nsys.stderr.write("warn\\n")\nsys.stderr.flush()\nprint("three")'),
  codeCell('6 * 7'),
  codeCell('from IPython.display import display, HTML, update_display\nh = display(HTML("<b>old</b>"), display_id="d1")'),
  codeCell('update_display(HTML("<i>new</i>"), display_id="d1")\nprint("updated")'),
  codeCell('from IPython.display import clear_output\nprint("gone")\nclear_output(wait=True)\nprint("kept")'),
  codeCell('print("a\\rb")'),
  codeCell('1 / 0', ['raises-exception']),
  codeCell(''),
  codeCell('object()'),
], { kernelspec: { name: 'python3', display_name: 'Python 3' }, custom: { keep: 'me' } });

describe('pymemlab run on ipykernel', () => {
  const dir = tempDir();
  const path = writeNotebook(join(dir, 'outputs.ipynb'), everyOutputKind);

  it('executes every cell and writes nbformat outputs in place', async () => {
    const io = recordingConsole();
    const inodeBefore = statSync(path).ino;
    expect(await runMain([path, '--inplace', ...KERNEL], io)).toBe(0);
    expect(io.stdout).toMatch(/^ok {3}.*outputs\.ipynb/m);

    const text = readFileSync(path, 'utf8');
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.startsWith('{\n "cells": [\n')).toBe(true);
    // A rename, not a rewrite of the old file, and no temporary file left behind.
    expect(statSync(path).ino).not.toBe(inodeBefore);
    expect(readdirSync(dir)).toEqual(['outputs.ipynb']);

    const nb = JSON.parse(text);
    expect(nb.metadata.custom).toEqual({ keep: 'me' });
    const outputs = nb.cells.map((cell: any) => cell.outputs);
    expect(outputs[1]).toEqual([
      { name: 'stdout', output_type: 'stream', text: ['one\n', 'two\n'] },
      { name: 'stderr', output_type: 'stream', text: ['warn\n'] },
      { name: 'stdout', output_type: 'stream', text: ['three\n'] },
    ]);
    expect(outputs[2]).toEqual([{ data: { 'text/plain': ['42'] }, execution_count: 2, metadata: {}, output_type: 'execute_result' }]);
    expect(outputs[3][0].data['text/html']).toEqual(['<i>new</i>']);
    expect(outputs[4]).toEqual([{ name: 'stdout', output_type: 'stream', text: ['updated\n'] }]);
    expect(outputs[5]).toEqual([{ name: 'stdout', output_type: 'stream', text: ['kept\n'] }]);
    expect(outputs[6][0].text).toEqual(['b\n']);
    expect(outputs[7][0]).toMatchObject({ output_type: 'error', ename: 'ZeroDivisionError', evalue: 'division by zero' });
    expect(outputs[7][0].traceback.length).toBeGreaterThan(0);
    expect(nb.cells[8].execution_count).toBeNull();
    expect(outputs[8]).toEqual([]);
    expect(outputs[9][0].data['text/plain'][0]).toMatch(/^<object at 0x[0-9a-f]+>$/);
  });

  it('--check passes an unchanged notebook, addresses normalised', async () => {
    const io = recordingConsole();
    const before = readFileSync(path, 'utf8');
    expect(await runMain([path, '--check', ...KERNEL], io)).toBe(0);
    expect(io.stdout).toMatch(/^ok/m);
    expect(readFileSync(path, 'utf8')).toBe(before);
  });

  it('--check reports a changed output with a diff and exit status 1', async () => {
    const nb = readJson(path);
    nb.cells[2].outputs[0].data['text/plain'] = ['41'];
    nb.cells[1].outputs[0].text = ['one\n', 'TWO\n'];
    writeNotebook(path, nb);
    const before = readFileSync(path, 'utf8');
    const io = recordingConsole();
    expect(await runMain([path, '--check', '--inplace', ...KERNEL], io)).toBe(1);
    expect(io.stdout).toContain('outputs.ipynb: cell 2: outputs differ');
    expect(io.stdout).toContain('outputs.ipynb: cell 3: outputs differ');
    expect(io.stdout).toMatch(/^-41$/m);
    expect(io.stdout).toMatch(/^\+42$/m);
    expect(io.stdout).toMatch(/^-TWO$/m);
    expect(io.stdout).toMatch(/2 cell\(s\) differ/);
    expect(readFileSync(path, 'utf8')).toBe(before);
  });

  it('an unexpected error fails the run but still records the outputs', async () => {
    const failing = writeNotebook(join(tempDir(), 'fails.ipynb'), notebook([codeCell('raise ValueError("nope")'), codeCell('print("after")')]));
    const io = recordingConsole();
    expect(await runMain([failing, '--inplace', ...KERNEL], io)).toBe(1);
    expect(io.stderr).toContain('fails.ipynb: cell 1: raised ValueError: nope');
    expect(readJson(failing).cells[1].outputs[0].text).toEqual(['after\n']);
  });

  it('a cell over --timeout is interrupted and reported, the file left alone', async () => {
    const slow = writeNotebook(join(tempDir(), 'slow.ipynb'), notebook([codeCell('import time\ntime.sleep(60)'), codeCell('print("never")')]));
    const before = readFileSync(slow, 'utf8');
    const io = recordingConsole();
    const started = Date.now();
    expect(await runMain([slow, '--inplace', '--timeout', '1', ...KERNEL], io)).toBe(1);
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(io.stderr).toContain('slow.ipynb: cell 1: timed out after 1 s; the kernel was interrupted');
    expect(readFileSync(slow, 'utf8')).toBe(before);
  });
});

describe('pymemlab run refuses bad input and changes nothing', () => {
  it('names a missing file', async () => {
    const dir = tempDir();
    const good = writeNotebook(join(dir, 'good.ipynb'), notebook([codeCell('1')]));
    const before = readFileSync(good, 'utf8');
    const io = recordingConsole();
    expect(await runMain([good, join(dir, 'missing.ipynb'), '--inplace', ...KERNEL], io)).toBe(2);
    expect(io.stderr).toContain(`${join(dir, 'missing.ipynb')}: no such file or directory`);
    expect(readFileSync(good, 'utf8')).toBe(before);
  });

  it('names a file with broken JSON', async () => {
    const dir = tempDir();
    const good = writeNotebook(join(dir, 'a-good.ipynb'), notebook([codeCell('1')]));
    const broken = join(dir, 'b-broken.ipynb');
    writeFileSync(broken, '{"cells": [');
    const io = recordingConsole();
    expect(await runMain([dir, '--inplace', ...KERNEL], io)).toBe(2);
    expect(io.stderr).toContain(`${broken}: not valid JSON`);
    expect(readFileSync(broken, 'utf8')).toBe('{"cells": [');
    expect(readJson(good).cells[0].outputs).toEqual([]);
  });

  it('names a directory without notebooks and a file that is not a notebook', async () => {
    const empty = tempDir();
    let io = recordingConsole();
    expect(await runMain([empty, ...KERNEL], io)).toBe(2);
    expect(io.stderr).toContain(`${empty}: directory has no notebooks`);
    const notNotebook = join(empty, 'x.ipynb');
    writeFileSync(notNotebook, '{"a": 1}');
    io = recordingConsole();
    expect(await runMain([notNotebook, ...KERNEL], io)).toBe(2);
    expect(io.stderr).toContain(`${notNotebook}: not an nbformat 4 notebook`);
  });

  it('names an unknown kernelspec', async () => {
    const good = writeNotebook(join(tempDir(), 'k.ipynb'), notebook([codeCell('1')]));
    const io = recordingConsole();
    expect(await runMain([good, '--kernel', 'no-such-kernel'], io)).toBe(1);
    expect(io.stderr).toMatch(/no kernelspec named "no-such-kernel" \(installed: .*python3/);
    expect(existsSync(good)).toBe(true);
  });
});
