// `pymemlab start`: chapters executed afresh on a kernel, then the site built from those outputs.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startMain } from '../../kernel/export/start.js';
import { codeCell, notebook, recordingConsole, removeTempDirs, tempDir, writeNotebook } from './notebooks.js';

afterAll(removeTempDirs);

describe('pymemlab start', () => {
  it('executes every chapter and builds the site from the fresh outputs, leaving the notebooks alone', async () => {
    const chapters = tempDir();
    const first = writeNotebook(join(chapters, '01-first.ipynb'), notebook([
      { cell_type: 'markdown', metadata: {}, source: '# First chapter' },
      codeCell('print(sum(range(10)))'),
    ]));
    writeNotebook(join(chapters, '02-second.ipynb'), notebook([
      { cell_type: 'markdown', metadata: {}, source: '# Second chapter' },
      codeCell('"-".join(["a", "b"])'),
    ]));
    const stored = readFileSync(first, 'utf8');
    const out = join(tempDir(), 'site');
    const io = recordingConsole();
    expect(await startMain(['--notebooks', chapters, '--out', out, '--kernel', 'python3'], io)).toBe(0);
    expect(io.stdout).toMatch(/^2 chapters executed, \d+ pages built in [\d.]+ s$/m);
    expect(io.stdout).toContain(`Site: ${join(out, 'index.html')}`);
    expect(readFileSync(join(out, '01-first.html'), 'utf8')).toContain('<pre class="output-stream output-stdout">45\n</pre>');
    expect(readFileSync(join(out, '02-second.html'), 'utf8')).toContain('<pre class="output-text">&#x27;a-b&#x27;</pre>');
    expect(readFileSync(first, 'utf8')).toBe(stored);
  });

  it('still builds the page of a chapter whose kernel cannot start, and says so', async () => {
    const chapters = tempDir();
    writeFileSync(join(chapters, 'x.ipynb'), JSON.stringify(notebook([codeCell('1')])));
    const out = join(tempDir(), 'site');
    const io = recordingConsole();
    expect(await startMain(['--notebooks', chapters, '--out', out, '--kernel', 'no-such-kernel'], io)).toBe(1);
    expect(io.stderr).toMatch(/FAIL .*x\.ipynb: no kernelspec named "no-such-kernel"/);
    expect(existsSync(join(out, 'x.html'))).toBe(true);
  });
});
