// Every snippet of corpus.py against what CPython 3.11 recorded in goldens.json (make_goldens.py).

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dump } from '../../engine/syntax/dump.js';
import { PythonSyntaxError, type ParseWarning } from '../../engine/syntax/errors.js';
import { parse, type Mode } from '../../engine/syntax/parser.js';

interface Golden {
  src: string;
  mode: Mode;
  dump?: string;
  error?: Record<string, unknown>;
  /** [category, message, lineno] of each warning compile() issued. */
  warnings?: [string, string, number][];
  /** A case where this parser is known to answer differently from CPython. */
  known_different?: boolean;
}

const goldens: Golden[] = JSON.parse(readFileSync(new URL('./goldens.json', import.meta.url), 'utf8'));

type Outcome = { dump?: string; error?: Record<string, unknown>; warnings?: [string, string, number][] };

/** Our result in the golden's shape. */
function outcome(src: string, mode: Mode): Outcome {
  const issued: ParseWarning[] = [];
  const result: Outcome = {};
  try {
    result.dump = dump(parse(src, '<golden>', mode, { warnings: issued }), true);
  } catch (e) {
    if (!(e instanceof PythonSyntaxError)) throw e;
    const { type, msg, lineno, offset, end_lineno, end_offset, text } = e.info;
    result.error = { type, msg, lineno, offset, end_lineno, end_offset, text };
  }
  if (issued.length) result.warnings = issued.map((w) => [w.category, w.message, w.lineno]);
  return result;
}

function expected(g: Golden): Outcome {
  const result: Outcome = g.dump !== undefined ? { dump: g.dump } : { error: g.error! };
  if (g.warnings) result.warnings = g.warnings;
  return result;
}

const cases = goldens.map((g, i) => [i, JSON.stringify(g.src).slice(0, 60), g] as const);

describe('CPython 3.11 goldens', () => {
  it.each(cases.filter(([, , g]) => !g.known_different))('#%i %s', (_i, _name, g) => {
    expect(outcome(g.src, g.mode)).toEqual(expected(g));
  });

  it.fails.each(cases.filter(([, , g]) => g.known_different))('known difference #%i %s', (_i, _name, g) => {
    expect(outcome(g.src, g.mode)).toEqual(expected(g));
  });
});
