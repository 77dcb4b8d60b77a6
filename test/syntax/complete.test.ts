// isComplete against IPython's check_complete on the cells of corpus.py (is_complete.json).

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isComplete } from '../../engine/syntax/complete.js';

interface Cell {
  cell: string;
  status: 'complete' | 'incomplete' | 'invalid';
  indent: number | null;
}

const cells: Cell[] = JSON.parse(readFileSync(new URL('./is_complete.json', import.meta.url), 'utf8'));

describe('is_complete as IPython answers it', () => {
  it.each(cells.map((c) => [JSON.stringify(c.cell), c] as const))('%s', (_name, c) => {
    const expected = c.status === 'incomplete' ? { status: 'incomplete', indent: ' '.repeat(c.indent ?? 0) } : { status: c.status };
    expect(isComplete(c.cell)).toEqual(expected);
  });
});
