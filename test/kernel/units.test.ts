// The kernel's pure parts: IPython's input syntax, history queries, traceback shaping, the logo PNG.
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { History } from '../../kernel/history.js';
import { logoPng } from '../../kernel/kernelspec/logo.js';
import { pythonView, splitCell } from '../../kernel/magics/syntax.js';
import { cellFilename, ipythonTraceback } from '../../kernel/traceback.js';

describe('IPython input syntax', () => {
  it('splits line magics out of Python, keeping each chunk\'s first line', () => {
    expect(splitCell('a = 1\n%time b = 2\nc = 3\nd = 4')).toEqual([
      { kind: 'python', code: 'a = 1', firstLine: 0 },
      { kind: 'line', name: 'time', args: 'b = 2', firstLine: 1 },
      { kind: 'python', code: 'c = 3\nd = 4', firstLine: 2 },
    ]);
  });

  it('reads a cell magic from the first line, the rest is its body', () => {
    expect(splitCell('\n%%capture out --no-stderr\nprint(1)\n%who')).toEqual([
      { kind: 'cell', name: 'capture', args: 'out --no-stderr', body: 'print(1)\n%who' },
    ]);
  });

  it('recognises obj?, obj??, ?obj, %magic? and dotted names', () => {
    expect(splitCell('len?')).toEqual([{ kind: 'help', target: 'len', detailLevel: 0 }]);
    expect(splitCell('os.path.join??')).toEqual([{ kind: 'help', target: 'os.path.join', detailLevel: 1 }]);
    expect(splitCell('?zip')).toEqual([{ kind: 'help', target: 'zip', detailLevel: 0 }]);
    expect(splitCell('%time?')).toEqual([{ kind: 'help', target: '%time', detailLevel: 0 }]);
  });

  it('leaves Python alone: modulo, indented code, strings with question marks', () => {
    expect(splitCell('x = 7 % 3\nif x:\n    y = "why?"')).toEqual([{ kind: 'python', code: 'x = 7 % 3\nif x:\n    y = "why?"', firstLine: 0 }]);
  });

  it('gives the parser plain Python for its completeness check', () => {
    expect(pythonView('%time x = 1\nfor i in y:')).toBe('pass\nfor i in y:');
    expect(pythonView('%%capture\nprint(1)')).toBe('');
  });
});

describe('history queries', () => {
  const history = new History();
  ['a = 1', 'a + 1', 'print(a)', 'a + 1'].forEach((input, index) => history.record(index + 1, input));
  history.recordOutput(2, '2');

  it('tail returns the last n with outputs on request', () => {
    expect(history.answer({ hist_access_type: 'tail', n: 2 })).toEqual([[1, 3, 'print(a)'], [1, 4, 'a + 1']]);
    expect(history.answer({ hist_access_type: 'tail', n: 3, output: true })[0]).toEqual([1, 2, ['a + 1', '2']]);
  });

  it('range is start-inclusive, stop-exclusive, session 0 meaning this one', () => {
    expect(history.answer({ hist_access_type: 'range', session: 0, start: 2, stop: 4 }).map((row) => row[1])).toEqual([2, 3]);
    expect(history.answer({ hist_access_type: 'range', session: 7, start: 1, stop: 4 })).toEqual([]);
  });

  it('search globs, keeps the latest of duplicates with unique, the last n with n', () => {
    expect(history.answer({ hist_access_type: 'search', pattern: 'a*' }).map((row) => row[1])).toEqual([1, 2, 4]);
    expect(history.answer({ hist_access_type: 'search', pattern: 'a*', unique: true }).map((row) => row[1])).toEqual([1, 4]);
    expect(history.answer({ hist_access_type: 'search', pattern: 'a ? 1', n: 1 }).map((row) => row[1])).toEqual([4]);
  });
});

describe('tracebacks in IPython\'s shape', () => {
  const strip = (lines: string[]): string => lines.join('\n').replace(/\x1b\[[0-9;]*m/g, '');

  it('names cells as Cell In[n] and points at the failing line', () => {
    const file = cellFilename(5, 'f(0)');
    const text = strip(ipythonTraceback({
      ename: 'ZeroDivisionError',
      evalue: 'division by zero',
      traceback: [
        'Traceback (most recent call last):',
        `  File "${file}", line 3, in <module>`,
        '    f(0)',
        `  File "${file}", line 2, in f`,
        '    return 1 / n',
        '           ~~^~~',
        'ZeroDivisionError: division by zero',
      ],
    }));
    expect(text).toContain('ZeroDivisionError                         Traceback (most recent call last)');
    expect(text).toContain('Cell In[5], line 3\n----> 3 f(0)');
    expect(text).toContain('Cell In[5], line 2, in f()\n----> 2 return 1 / n\n               ~~^~~');
    expect(text.endsWith('\nZeroDivisionError: division by zero')).toBe(true);
  });

  it('keeps a SyntaxError\'s source and caret as they are', () => {
    const text = strip(ipythonTraceback({
      ename: 'SyntaxError',
      evalue: 'invalid syntax',
      traceback: [`  File "${cellFilename(1, '1 +')}", line 1`, '    1 +', '       ^', 'SyntaxError: invalid syntax'],
    }));
    expect(text).toBe('  Cell In[1], line 1\n    1 +\n       ^\n\nSyntaxError: invalid syntax');
  });

  it('prints files outside cells with their path', () => {
    const text = strip(ipythonTraceback({ ename: 'KeyError', evalue: "'k'", traceback: ['Traceback (most recent call last):', '  File "/lib/mod.py", line 9, in get', '    return d[k]', "KeyError: 'k'"] }));
    expect(text).toContain('File /lib/mod.py:9, in get()\n----> 9 return d[k]');
  });
});

describe('logo', () => {
  it('is a valid RGBA PNG of the asked size whose pixels decompress to the right length', () => {
    const png = logoPng(32);
    expect(png.readUInt32BE(16)).toBe(32);
    expect(png[25]).toBe(6);
    const idatLength = png.readUInt32BE(33);
    expect(png.subarray(37, 41).toString()).toBe('IDAT');
    expect(inflateSync(png.subarray(41, 41 + idatLength)).length).toBe(32 * (32 * 4 + 1));
  });
});
