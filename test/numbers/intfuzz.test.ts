// 300 pseudo-random pairs of ints (3 to 1030 bits, both signs) against CPython 3.11 (written
// by intfuzz.py): true and floor division, modulo, bitwise operators, shifts, powers, hashes,
// conversions to float and exact comparisons with floats.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bindFreshProcess } from '../strings/session.js';
import { newInt, type IntValue } from '../../engine/objects/int.js';
import { newFloat, PyFloat } from '../../engine/objects/float.js';
import { BinaryOp, binaryOp, hash, power, reprString, richCompare, call } from '../../engine/objects/abstract.js';
import { PyBaseException } from '../../engine/objects/exceptions.js';
import { CompareOp } from '../../engine/objects/type.js';
import { None } from '../../engine/objects/singletons.js';
import { floatType } from '../../engine/objects/float.js';
import { intType } from '../../engine/objects/int.js';
import type { PyObject } from '../../engine/objects/object.js';

const rows = readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'intfuzz.expected'), 'utf8')
  .trim().split('\n').map((l) => l.split('\t'));

function hexInt(s: string): IntValue {
  return s.startsWith('-') ? -BigInt(s.slice(1)) : BigInt(s);
}

function outcome(f: () => PyObject): string {
  try {
    return reprString(f());
  } catch (e) {
    if (e instanceof PyBaseException) return e.type.name;
    throw e;
  }
}

describe('ints agree with CPython', () => {
  bindFreshProcess();
  it('in every operation', () => {
    const bad: string[] = [];
    for (const [ha, hb, ...want] of rows) {
      const av = hexInt(ha!);
      const bv = hexInt(hb!);
      const a = newInt(av);
      const b = newInt(bv);
      const absB = bv < 0n ? -bv : bv;
      const small = (m: bigint): PyObject => newInt(absB % m);
      const asFloat = outcome(() => call(floatType, [a]));
      const fa: PyObject = asFloat === 'OverflowError' ? newFloat(1.5) : call(floatType, [a]);
      const faPlus1 = newFloat((fa as PyFloat).value + 1);
      const got = [
        outcome(() => binaryOp(a, b, BinaryOp.TRUE_DIVIDE)),
        outcome(() => binaryOp(a, b, BinaryOp.FLOOR_DIVIDE)),
        outcome(() => binaryOp(a, b, BinaryOp.REMAINDER)),
        outcome(() => binaryOp(a, b, BinaryOp.AND)),
        outcome(() => binaryOp(a, b, BinaryOp.OR)),
        outcome(() => binaryOp(a, b, BinaryOp.XOR)),
        outcome(() => binaryOp(a, small(70n), BinaryOp.RSHIFT)),
        outcome(() => binaryOp(a, small(70n), BinaryOp.LSHIFT)),
        outcome(() => power(a, small(3n), None)),
        String(hash(a)),
        asFloat,
        outcome(() => richCompare(a, fa, CompareOp.LT)),
        outcome(() => richCompare(a, fa, CompareOp.EQ)),
        outcome(() => richCompare(a, faPlus1, CompareOp.GT)),
        outcome(() => call(intType, [newFloat((fa as PyFloat).value * 1.5)])),
        outcome(() => power(a, small(1000n), b)),
      ];
      got.forEach((g, i) => {
        if (g !== want[i]) bad.push(`${ha} ${hb} column ${i}: want ${want[i]} got ${g}`);
      });
    }
    expect(bad.slice(0, 20)).toEqual([]);
  });
});
