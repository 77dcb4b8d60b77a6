import { beforeAll, describe, expect, it } from 'vitest';
import { bindFreshProcess, fromPy, raised } from './session.js';
import { underscoreStringFunctions } from '../../engine/stdlib/string.js';
import { collect } from '../../engine/objects/abstract.js';
import { newStr } from '../../engine/objects/str.js';
import { None } from '../../engine/objects/singletons.js';
import type { PyObject } from '../../engine/objects/object.js';
import type { NativeFunctionDef } from '../../engine/objects/native.js';
import { PyTuple } from '../../engine/objects/tuple.js';

beforeAll(() => {
  bindFreshProcess();
});

function callDef(defs: NativeFunctionDef[], name: string, args: PyObject[]): PyObject {
  const code = defs.find((d) => d.name === name)!.code;
  if (code.kind === 'fast') return code.fn(None, args);
  if (code.kind === 'o') return code.fn(None, args[0]!);
  throw new Error('unexpected calling convention');
}

// Expected values printed by CPython 3.11's string and _string modules.
describe('_string module', () => {
  it('parses format strings for string.Formatter', () => {
    const rows = collect(callDef(underscoreStringFunctions, 'formatter_parser', [newStr('a{0!r:>5}b{{c}}{x.y[1]}')]));
    expect(rows.map(fromPy)).toEqual([['a', '0', '>5', 'r'], ['b{', null, null, null], ['c}', null, null, null], ['', 'x.y[1]', '', null]]);
    const split = callDef(underscoreStringFunctions, 'formatter_field_name_split', [newStr('0.a[k][2]')]) as PyTuple;
    expect(fromPy(split.items[0]!)).toBe(0);
    expect(collect(split.items[1]!).map(fromPy)).toEqual([[true, 'a'], [false, 'k'], [false, 2]]);
    expect(raised(() => collect(callDef(underscoreStringFunctions, 'formatter_parser', [newStr('}')])))).toBe("ValueError: Single '}' encountered in format string");
  });
});
