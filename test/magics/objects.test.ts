// %getsizeof, %refs, %dict and %memoryview on real programs: the numbers in their reports come
// from the simulation, checked against what the same session's Python computes.
import { describe, expect, test } from 'vitest';
import { Kernel } from './harness.js';
import { checkPictures, plain } from './pictures.js';

function partsOf(text: string): Map<string, number> {
  const rows = text.split('\n').slice(2).filter((line) => /^\S.*\s{2,}\d+\s{2,}(gc|header|fields|items|slack|other)/.test(line));
  return new Map(rows.map((line) => {
    const m = /^(.*?)\s{2,}(-?\d+)\s{2,}/.exec(line)!;
    return [m[1]!, Number(m[2])];
  }));
}

describe('%getsizeof', () => {
  const kernel = new Kernel();
  kernel.run([
    'import sys',
    'lst = [1, 2, 3]',
    'grown = []',
    'for i in range(5): grown.append(i)',
    'd = {"one": 1, "two": 2, 3: "three"}',
    'text = "héllo wörld"',
    'big = 2 ** 100',
    'buf = bytearray(b"abc")',
    'buf += b"defgh"',
    's = set(range(20))',
    'class Point:',
    '    def __init__(self, x, y): self.x, self.y = x, y',
    'p = Point(1, 2)',
  ].join('\n'));

  test.each(['lst', 'grown', 'd', 'text', 'big', 'buf', 's', '(1, 2, 3)', 'b"bytes"', 'p', '3.5'])('the parts of %s add up to sys.getsizeof', (expression) => {
    const { report, picture } = checkPictures(kernel.run(`%getsizeof ${expression}`));
    const expected = Number(kernel.print(`print(sys.getsizeof(${expression}))`).trim());
    const text = plain(report);
    expect(text).toContain(`sys.getsizeof(${expression}) = ${expected} `);
    const parts = partsOf(text);
    expect([...parts.values()].reduce((a, b) => a + b, 0)).toBe(expected);
    expect(text).not.toContain('not accounted for');
    expect(plain(picture)).toContain(`${expected} bytes`);
  });

  test('a list grown by appends shows its over-allocation as slack', () => {
    const parts = partsOf(plain(checkPictures(kernel.run('%getsizeof grown')).report));
    // list_resize: appending the 5th item allocates 8 pointers
    expect(parts.get('ob_item[5] (used)')).toBe(5 * 8);
    expect(parts.get('ob_item spare (3 of 8)')).toBe(3 * 8);
    expect(parts.get('PyGC_Head')).toBe(16);
  });

  test('--deep counts every reachable object once', () => {
    kernel.run('shared = "x" * 50\npair = [shared, shared, [shared]]');
    const text = plain(checkPictures(kernel.run('%getsizeof pair --deep')).report);
    const deep = Number(kernel.print('print(sys.getsizeof(pair) + sys.getsizeof(shared) + sys.getsizeof(pair[2]))').trim());
    expect(text).toContain(`deep size: ${deep} B`);
    expect(text).toMatch(/over 3 objects/);
  });

  test('a bad expression is a Python exception in the cell', () => {
    const run = kernel.run('%getsizeof undefined_name');
    expect(run.outcome.status).toBe('error');
    if (run.outcome.status === 'error') expect(run.outcome.error.ename).toBe('NameError');
  });

  test('%getsizeof? shows its help', () => {
    expect(kernel.run('%getsizeof?').outcome.status).toBe('ok');
  });
});

describe('%refs', () => {
  test('refcount, referrers and referents of a list', () => {
    const kernel = new Kernel();
    kernel.run('import sys\nitem = "payload" * 3\nholder = [item, item]\nalias = holder\nbox = {"k": holder}');
    const text = plain(checkPictures(kernel.run('%refs holder')).report);
    const count = Number(kernel.print('print(sys.getrefcount(holder))').trim());
    expect(text).toContain(`sys.getrefcount = ${count}`);
    expect(count).toBe(4);
    // the namespace holds it twice (holder, alias); the dict once under "k"
    expect(text).toMatch(/name holder, name alias\s+dict/);
    expect(text).toMatch(/\['k'\]\s+dict/);
    expect(text).toContain('referents (2):');
    expect(text).toMatch(/\[1\]\s+str/);
  });
});

describe('%dict', () => {
  test('indices, entries and the probe of a key match the table', () => {
    const kernel = new Kernel();
    kernel.run('d = {}\nfor k in "abcdef": d[k] = ord(k)');
    const run = kernel.run('%dict d --probe "c"');
    const text = plain(checkPictures(run).report);
    // 6 keys inserted one at a time: 8 slots hold 5, the 6th resizes to 16 (GROWTH_RATE = used*3)
    expect(text).toContain('16 slots of 1 B, 6 used, 6 entries written, 4 more insertable');
    expect(text).toContain('insert 1 -> 8 slots, insert 6 -> 16 slots');
    const indices = /dk_indices: (.*)/.exec(text)![1]!.split(' ');
    expect(indices).toHaveLength(16);
    expect(indices.filter((x) => x !== 'EMPTY').sort()).toEqual(['0', '1', '2', '3', '4', '5']);
    const probe = /probe for 'c': slots (.*) \(found\)/.exec(text)![1]!.split(' -> ').map(Number);
    expect(indices[probe.at(-1)!]).toBe('2');
  });

  test('a non-dict is a TypeError', () => {
    const run = new Kernel().run('%dict [1, 2]');
    expect(run.outcome.status === 'error' && run.outcome.error.ename).toBe('TypeError');
  });
});

describe('%memoryview', () => {
  test('a slice shares its exporter bytes at an offset and pins it', () => {
    const kernel = new Kernel();
    kernel.run('b = bytearray(b"0123456789")\nm = memoryview(b)[3:8]');
    const text = plain(checkPictures(kernel.run('%memoryview m')).report);
    expect(text).toMatch(/view covers\s+0x[0-9a-f]+ \(offset 3\), 5 bytes/);
    expect(text).toMatch(/exporter exports\s+1/);
    const resize = kernel.run('b.append(1)');
    expect(resize.outcome.status === 'error' && resize.outcome.error.ename).toBe('BufferError');
  });
});
