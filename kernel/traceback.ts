// Turns CPython's traceback text into the shape IPython shows in a notebook: a coloured header,
// `Cell In[n], line l` for frames in cells, an arrow on the failing line.
import { createHash } from 'node:crypto';
import type { PythonError } from '../engine/api.js';

const RED = '\x1b[0;31m';
const GREEN = '\x1b[0;32m';
const CYAN = '\x1b[0;36m';
const RESET = '\x1b[0m';
const RULE = `${RED}${'-'.repeat(75)}${RESET}`;

/** The file name a cell's code gets, as IPython's `<ipython-input-N-hash>`. Joined rather than
 *  concatenated: the engine's line cache keeps every cell's name, and V8 would keep a
 *  concatenation as a tree of five strings. */
export function cellFilename(executionCount: number, code: string): string {
  return ['<ipython-input-', executionCount, '-', createHash('md5').update(code).digest('hex').slice(0, 12), '>'].join('');
}

const FRAME = /^ {2}File "(.*)", line (\d+)(?:, in (.*))?$/;
const CELL_FILE = /^<ipython-input-(\d+)-[0-9a-f]+>$/;
const CARETS = /^\s*[~^]+[~^ ]*$/;

function location(file: string, line: string, scope: string | undefined): string {
  const cell = CELL_FILE.exec(file);
  const where = cell ? `Cell ${GREEN}In[${cell[1]}], line ${line}${RESET}` : `File ${GREEN}${file}:${line}${RESET}`;
  return scope === undefined || scope === '<module>' ? where : `${where}, in ${CYAN}${scope}()${RESET}`;
}

export function ipythonTraceback(error: PythonError): string[] {
  if (error.ename === 'UsageError') return [`${RED}UsageError${RESET}: ${error.evalue}`];
  if (error.ename === 'SystemExit') {
    return ['An exception has occurred, use %tb to see the full traceback.\n', `${RED}SystemExit${RESET}: ${error.evalue}`];
  }
  const out: string[] = [];
  let frameLine: string | null = null;
  let arrowWidth = 0;
  for (const text of error.traceback.flatMap((chunk) => chunk.replace(/\n$/, '').split('\n'))) {
    const frame = FRAME.exec(text);
    if (text === 'Traceback (most recent call last):') {
      out.push(RULE, `${RED}${error.ename.padEnd(41)}${RESET} Traceback (most recent call last)`);
    } else if (frame) {
      frameLine = frame[3] === undefined ? null : frame[2]!;
      // A SyntaxError's location keeps CPython's indent, as IPython prints it.
      out.push(frame[3] === undefined ? `  ${location(frame[1]!, frame[2]!, undefined)}` : location(frame[1]!, frame[2]!, frame[3]));
    } else if (frameLine !== null && text.startsWith('    ') && !CARETS.test(text)) {
      const arrow = `----> ${frameLine} `;
      arrowWidth = arrow.length;
      out.push(`${GREEN}${arrow}${RESET}${text.slice(4)}`);
    } else if (arrowWidth > 0 && CARETS.test(text)) {
      out.push(' '.repeat(arrowWidth) + text.slice(4));
      arrowWidth = 0;
    } else if (text.startsWith(`${error.ename}:`) || text === error.ename) {
      frameLine = null;
      if (out.length) out.push('');
      out.push(`${RED}${error.ename}${RESET}${text.slice(error.ename.length)}`);
    } else {
      frameLine = null;
      out.push(text);
    }
  }
  return out;
}
