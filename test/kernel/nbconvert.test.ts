// `jupyter nbconvert --to notebook --execute` (Debian's nbconvert) runs a notebook on pymemlab.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEBIAN_PYTHON, installIntoPrefix } from './support/kernelspec.js';

const NOTEBOOK = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'small.ipynb');

describe('jupyter nbconvert --execute', () => {
  it('executes every cell on pymemlab and stores the outputs', async () => {
    const { env, prefix } = await installIntoPrefix();
    execFileSync(DEBIAN_PYTHON, ['-m', 'jupyter', 'nbconvert', '--to', 'notebook', '--execute', NOTEBOOK, '--output-dir', prefix, '--output', 'executed'], { env, stdio: 'pipe' });
    const executed = JSON.parse(readFileSync(join(prefix, 'executed.ipynb'), 'utf8'));
    const [hello, sizes, html] = executed.cells;
    expect(hello.outputs).toEqual([{ name: 'stdout', output_type: 'stream', text: ['hello from the lab\n'] }]);
    expect(sizes.execution_count).toBe(2);
    expect(sizes.outputs[0]).toMatchObject({ output_type: 'execute_result', execution_count: 2, data: { 'text/plain': ['[1, 1, 1]'] } });
    expect(html.outputs[0]).toMatchObject({ output_type: 'execute_result', data: { 'text/html': ['<b>pool</b>'] } });
    expect(executed.metadata.language_info.name).toBe('python');
  });
});
