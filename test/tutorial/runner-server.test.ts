// --server: the same notebooks executed on a real Jupyter Server through @jupyterlab/services.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMain } from '../../kernel/runner/cli.js';
import { startJupyterServer, type RunningServer } from './jupyterServer.js';
import { codeCell, notebook, readJson, recordingConsole, removeTempDirs, tempDir, writeNotebook } from './notebooks.js';

afterAll(removeTempDirs);

describe('pymemlab run --server', () => {
  let server: RunningServer;
  beforeAll(async () => { server = await startJupyterServer(); });
  afterAll(async () => { await server?.stop(); });

  const remote = () => ['--server', server.url, '--token', server.token, '--kernel', 'python3'];

  it('executes on the server and records the outputs', async () => {
    const path = writeNotebook(join(tempDir(), 'remote.ipynb'), notebook([
      codeCell('print("hello from the server")'),
      codeCell('from IPython.display import display, Markdown\ndisplay(Markdown("**bold**"))\n2 ** 10'),
    ]));
    const io = recordingConsole();
    expect(await runMain([path, '--inplace', ...remote()], io)).toBe(0);
    const [first, second] = readJson(path).cells;
    expect(first.outputs).toEqual([{ name: 'stdout', output_type: 'stream', text: ['hello from the server\n'] }]);
    expect(second.outputs[0]).toEqual({ data: { 'text/markdown': ['**bold**'], 'text/plain': ['<IPython.core.display.Markdown object>'] }, metadata: {}, output_type: 'display_data' });
    expect(second.outputs[1]).toMatchObject({ data: { 'text/plain': ['1024'] }, output_type: 'execute_result', execution_count: 2 });
    expect(io.stdout).toContain(`remote.ipynb (2 code cells`);

    const before = readFileSync(path, 'utf8');
    expect(await runMain([path, '--check', ...remote()], recordingConsole())).toBe(0);
    expect(readFileSync(path, 'utf8')).toBe(before);
  });

  it('interrupts a cell over --timeout on the server', async () => {
    const path = writeNotebook(join(tempDir(), 'slow.ipynb'), notebook([codeCell('import time\ntime.sleep(60)')]));
    const io = recordingConsole();
    expect(await runMain([path, '--timeout', '1', ...remote()], io)).toBe(1);
    expect(io.stderr).toContain('slow.ipynb: cell 1: timed out after 1 s; the kernel was interrupted');
  });

  it('reports a wrong token clearly', async () => {
    const path = writeNotebook(join(tempDir(), 'token.ipynb'), notebook([codeCell('1')]));
    const io = recordingConsole();
    expect(await runMain([path, '--server', server.url, '--token', 'wrong', '--kernel', 'python3'], io)).toBe(1);
    expect(io.stderr).toMatch(/cannot start the kernel "python3" on http:\/\/127\.0\.0\.1:\d+/);
  });
});
