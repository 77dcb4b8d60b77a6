// Every expression of test/numbers/cases/*.txt evaluated by the engine must give what CPython
// gave (NAME.expected, written by goldens.py): the repr of the result or the raised exception.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bindFreshProcess } from '../strings/session.js';
import { Evaluator, show } from './evaluate.js';
import { PyBaseException } from '../../engine/objects/exceptions.js';
import { PyStr } from '../../engine/objects/str.js';

const dir = join(dirname(fileURLToPath(import.meta.url)), 'cases');

/** What goldens.py prints: the result's repr, or "Type: message" for an exception. */
function outcome(ev: Evaluator, line: string): string {
  try {
    return show(ev.evaluate(line));
  } catch (e) {
    if (!(e instanceof PyBaseException)) throw e;
    const args = e.args.items;
    const message = args.length === 0 ? '' : args.length === 1 ? showStr(args[0]!) : show(e.args);
    return `${e.type.name}: ${message}`;
  }
}

function showStr(o: import('../../engine/objects/object.js').PyObject): string {
  return o instanceof PyStr ? o.value : show(o);
}

describe('number expressions agree with CPython 3.11', () => {
  bindFreshProcess();
  const ev = new Evaluator();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) {
    it(file, () => {
      const lines = readFileSync(join(dir, file), 'utf8').split('\n').filter((l) => l.trim() && !l.startsWith('#'));
      const expected = readFileSync(join(dir, file.replace(/\.txt$/, '.expected')), 'utf8').split('\n');
      const mismatches = lines
        .map((line, i) => ({ line, want: expected[i], got: outcome(ev, line) }))
        .filter((m) => m.got !== m.want)
        .map((m) => `${m.line}\n    want ${m.want}\n    got  ${m.got}`);
      expect(mismatches.join('\n')).toBe('');
    });
  }
});
