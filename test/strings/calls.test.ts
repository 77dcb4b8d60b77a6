import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { bindFreshProcess, fromPy, raised, toPy } from './session.js';
import { callMethod } from '../../engine/objects/abstract.js';

interface Call {
  recv: unknown;
  name: string;
  args: unknown[];
  value?: unknown;
  error?: string;
  after?: unknown;
}

// Results recorded from CPython 3.11 by data/gen_calls.py: bytes, bytearray, codecs, __format__.
const CALLS: Call[] = JSON.parse(readFileSync(new URL('./data/calls.json', import.meta.url), 'utf8'));

beforeAll(() => {
  bindFreshProcess();
});

describe('bytes, bytearray and codec calls against CPython 3.11', () => {
  it.each(CALLS.map((c) => [`${JSON.stringify(c.recv)}.${c.name}(${JSON.stringify(c.args).slice(1, -1)})`, c] as const))('%s', (_, c) => {
    const recv = toPy(c.recv);
    const call = () => callMethod(recv, c.name, c.args.map(toPy));
    if (c.error !== undefined) expect(raised(call)).toBe(c.error);
    else expect(fromPy(call())).toEqual(c.value);
    if (c.after !== undefined) expect(fromPy(recv)).toEqual(c.after);
  });
});
