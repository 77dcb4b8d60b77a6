// The numeric builtin functions (Python/bltinmodule.c): abs, round, divmod, pow, bin, oct, hex.
import { decref, type PyObject } from '../../objects/object.js';
import type { NativeFunctionDef } from '../../objects/native.js';
import { absolute, call, divmod, index, lookupSpecial, power } from '../../objects/abstract.js';
import { None } from '../../objects/singletons.js';
import { typeError } from '../../objects/exceptions.js';
import { newStr } from '../../objects/str.js';
import { unpackArgs } from '../../objects/args.js';
import { intToBase } from '../../objects/int.js';

// Objects/abstract.c PyNumber_ToBase: '0b', '0o' or '0x' and the digits, after the sign.
export function numberToBase(o: PyObject, base: 2 | 8 | 16): PyObject {
  const i = index(o);
  const v = i.value;
  decref(i);
  const prefix = base === 2 ? '0b' : base === 8 ? '0o' : '0x';
  const negative = v < 0;
  return newStr((negative ? '-' : '') + prefix + intToBase(negative ? -v : v, base));
}

// Python/bltinmodule.c builtin_round_impl
function builtinRound(_self: PyObject, args: PyObject[], kwnames: readonly string[] | null): PyObject {
  const [number, ndigits] = unpackArgs({ fname: 'round', names: ['number', 'ndigits'], required: 1 }, args, kwnames);
  const round = lookupSpecial(number!, '__round__');
  if (round === null) throw typeError(`type ${number!.type.name} doesn't define __round__ method`);
  try {
    return ndigits === undefined || ndigits === None ? call(round, []) : call(round, [ndigits]);
  } finally {
    decref(round);
  }
}

// Python/bltinmodule.c builtin_pow_impl
function builtinPow(_self: PyObject, args: PyObject[], kwnames: readonly string[] | null): PyObject {
  const [base, exp, mod] = unpackArgs({ fname: 'pow', names: ['base', 'exp', 'mod'], required: 2 }, args, kwnames);
  return power(base!, exp!, mod ?? None);
}

function builtinDivmod(_self: PyObject, args: PyObject[]): PyObject {
  if (args.length !== 2) throw typeError(`divmod expected 2 arguments, got ${args.length}`);
  return divmod(args[0]!, args[1]!);
}

export const numericBuiltins: NativeFunctionDef[] = [
  {
    name: 'abs', code: { kind: 'o', fn: (_s, x) => absolute(x) },
    doc: 'abs($module, x, /)\n--\n\nReturn the absolute value of the argument.',
  },
  {
    name: 'round', code: { kind: 'fastkw', fn: builtinRound },
    doc: 'round($module, /, number, ndigits=None)\n--\n\nRound a number to a given precision in decimal digits.\n\nThe return value is an integer if ndigits is omitted or None.  Otherwise\nthe return value has the same type as the number.  ndigits may be negative.',
  },
  {
    name: 'divmod', code: { kind: 'fast', fn: builtinDivmod },
    doc: 'divmod($module, x, y, /)\n--\n\nReturn the tuple (x//y, x%y).  Invariant: div*y + mod == x.',
  },
  {
    name: 'pow', code: { kind: 'fastkw', fn: builtinPow },
    doc: 'pow($module, /, base, exp, mod=None)\n--\n\nEquivalent to base**exp with 2 arguments or base**exp % mod with 3 arguments\n\nSome types, such as ints, are able to use a more efficient algorithm when\ninvoked using the three argument form.',
  },
  {
    name: 'bin', code: { kind: 'o', fn: (_s, x) => numberToBase(x, 2) },
    doc: "bin($module, number, /)\n--\n\nReturn the binary representation of an integer.\n\n   >>> bin(2796202)\n   '0b1010101010101010101010'",
  },
  {
    name: 'oct', code: { kind: 'o', fn: (_s, x) => numberToBase(x, 8) },
    doc: "oct($module, number, /)\n--\n\nReturn the octal representation of an integer.\n\n   >>> oct(342391)\n   '0o1234567'",
  },
  {
    name: 'hex', code: { kind: 'o', fn: (_s, x) => numberToBase(x, 16) },
    doc: "hex($module, number, /)\n--\n\nReturn the hexadecimal representation of an integer.\n\n   >>> hex(12648430)\n   '0xc0ffee'",
  },
];
