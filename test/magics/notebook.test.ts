// A notebook that uses every memory magic, executed by Debian's `jupyter nbconvert --execute`
// on the installed kernel: every cell runs without error and stores the MIME types it should.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEBIAN_PYTHON, installIntoPrefix } from '../kernel/support/kernelspec.js';
import { parseSvg } from './pictures.js';

const NOTEBOOK = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'memory-magics.ipynb');

interface Output {
  output_type: string;
  name?: string;
  text?: string[];
  data?: Record<string, unknown>;
}

function joined(value: unknown): string {
  return Array.isArray(value) ? value.join('') : String(value);
}

describe('the memory magics under jupyter nbconvert --execute', () => {
  it('runs every magic and stores its report and picture', async () => {
    const { env, prefix } = await installIntoPrefix();
    execFileSync(DEBIAN_PYTHON, ['-m', 'jupyter', 'nbconvert', '--to', 'notebook', '--execute', NOTEBOOK, '--output-dir', prefix, '--output', 'executed', '--ExecutePreprocessor.timeout=300'], { env, stdio: 'pipe' });
    const cells = JSON.parse(readFileSync(join(prefix, 'executed.ipynb'), 'utf8')).cells as { source: string | string[]; outputs: Output[] }[];
    const bySource = new Map(cells.map((cell) => [joined(cell.source).split('\n')[0]!, cell.outputs]));
    for (const [source, outputs] of bySource) {
      expect(outputs.filter((o) => o.output_type === 'error'), source).toEqual([]);
    }
    const cell = (magic: string): Output[] => [...bySource].find(([source]) => source === magic || source.startsWith(`${magic} `))![1];
    const pictured = ['%getsizeof', '%refs', '%gc', '%heap', '%dict', '%memoryview', '%lru', '%tracemalloc', '%memit', '%mprun', '%timeit', '%%compare', '%%fork'];
    for (const magic of pictured) {
      const displays = cell(magic).filter((o) => o.output_type === 'display_data');
      expect(displays.length, magic).toBe(2);
      expect(Object.keys(displays[0]!.data!).sort(), magic).toEqual(['text/html', 'text/plain']);
      parseSvg(joined(displays[1]!.data!['image/svg+xml']));
    }
    const stdout = (magic: string): string => joined(cell(magic).find((o) => o.name === 'stdout')?.text ?? '');
    expect(stdout('%memit')).toMatch(/^peak memory: \d+\.\d\d MiB, increment: 0\.7\d MiB\n$/);
    expect(stdout('%mprun')).toContain('Line #    Mem usage    Increment  Occurrences   Line Contents');
    expect(stdout('%whos')).toMatch(/^data\s+list\s+\d+\s+n=3$/m);
    expect(stdout('%%cpython')).toBe('from CPython\n');
    expect(stdout('%%fork')).toBe('child sees 3 items\nchild sees 3 items\n');
    const lru = cell('%lru').filter((o) => o.output_type === 'display_data')[1]!;
    expect(lru.data!['application/vnd.vegalite.v5+json']).toBeDefined();
    // building dist/ first (when a source changed) takes a while on a shared machine
  }, 600_000);
});
