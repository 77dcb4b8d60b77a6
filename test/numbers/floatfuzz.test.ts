// 1600 pseudo-random doubles (random bit patterns included) against CPython 3.11 (written by
// floatfuzz.py): repr, format() under several specs, round() and hash must all agree.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bindFreshProcess } from '../strings/session.js';
import { newFloat, hashDouble } from '../../engine/objects/float.js';
import { newInt } from '../../engine/objects/int.js';
import { callMethod, reprString } from '../../engine/objects/abstract.js';
import { PyBaseException } from '../../engine/objects/exceptions.js';
import { PyStr, newStr } from '../../engine/objects/str.js';

const rows = readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'floatfuzz.expected'), 'utf8')
  .trim().split('\n').map((l) => l.split('\t'));

function rounded(x: number, nd: number): string {
  try {
    return reprString(callMethod(newFloat(x), '__round__', [newInt(nd)]));
  } catch (e) {
    if (e instanceof PyBaseException) return e.type.name;
    throw e;
  }
}

describe('doubles agree with CPython', () => {
  bindFreshProcess();
  const view = new DataView(new ArrayBuffer(8));
  const cases = rows.map(([bits, rep, spec, fmt, nd, rnd, h]) => {
    view.setBigUint64(0, BigInt(`0x${bits}`));
    return { x: view.getFloat64(0), rep: rep!, spec: spec!, fmt: fmt!, nd: Number(nd), rnd: rnd!, h: BigInt(h!) };
  });
  const mismatches = (f: (c: (typeof cases)[number]) => [string, string]): string[] =>
    cases.map((c) => [c.rep, ...f(c)]).filter(([, want, got]) => want !== got).map((m) => m.join(' | ')).slice(0, 20);

  it('repr', () => expect(mismatches((c) => [c.rep, reprString(newFloat(c.x))])).toEqual([]));
  it('format', () => expect(mismatches((c) => [c.fmt, (callMethod(newFloat(c.x), '__format__', [newStr(c.spec)]) as PyStr).value])).toEqual([]));
  it('round', () => expect(mismatches((c) => [c.rnd, rounded(c.x, c.nd)])).toEqual([]));
  it('hash', () => expect(mismatches((c) => [String(c.h), String(hashDouble(c.x, 0))])).toEqual([]));
});
