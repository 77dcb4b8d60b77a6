// Speed of the number types' native code, beside CPython doing the same operation: nanoseconds
// per operation for both and their ratio. The engine side calls the protocols directly (no
// VM), so this isolates the object model's own cost. Run after building: node dist/bench/numbers.js
import { execFileSync } from 'node:child_process';
import '../engine/objects/index.js';
import { bindProcess } from '../engine/objects/heap.js';
import { applyLayouts } from '../engine/objects/define.js';
import { ProcessMemory } from '../engine/memory/index.js';
import { profileFor } from '../engine/profiles/index.js';
import { decref, type PyObject } from '../engine/objects/object.js';
import { BinaryOp, binaryOp, call, hash, repr, richCompare } from '../engine/objects/abstract.js';
import { CompareOp } from '../engine/objects/type.js';
import { intType, newInt } from '../engine/objects/int.js';
import { floatType, newFloat } from '../engine/objects/float.js';
import { newStr } from '../engine/objects/str.js';
import { mathFunctions } from '../engine/stdlib/math.js';
import { newCFunction } from '../engine/objects/descr.js';

const profile = profileFor('3.11');
bindProcess(new ProcessMemory(), profile);
applyLayouts(profile);

interface Case {
  name: string;
  /** The Python statement timed by timeit, with `setup` run first. */
  python: string;
  setup: string;
  run: () => PyObject;
}

// Operands are made once, as timeit's setup makes them: only the operation is timed.
const big = newInt(3n ** 200n);
const big2 = newInt(7n ** 150n);
const [i12345, i678, iMinus12345, iBig30, i7, i3] = [12345, 678, -12345, 10n ** 30n, 7, 3].map((v) => newInt(v));
const [f15, f225, f25, f03, f2675, f11, f2] = [1.5, 2.25, 2.5, 0.1 + 0.2, 2.675, 1.1, 2.0].map((v) => newFloat(v));
const [s12345, sPrec] = [newStr('12345'), newStr('.3f')];
const floatFormat = floatType.dict.get('__format__')!;
const sqrt = newCFunction(mathFunctions.find((d) => d.name === 'sqrt')!, null, 'math');

const cases: Case[] = [
  { name: 'small int add', setup: 'a, b = 12345, 678', python: 'a + b', run: () => binaryOp(i12345, i678, BinaryOp.ADD) },
  { name: 'small int floordiv', setup: 'a, b = -12345, 678', python: 'a // b', run: () => binaryOp(iMinus12345, i678, BinaryOp.FLOOR_DIVIDE) },
  { name: '300-bit int multiply', setup: 'a, b = 3**200, 7**150', python: 'a * b', run: () => binaryOp(big, big2, BinaryOp.MULTIPLY) },
  { name: 'int true division', setup: 'a, b = 10**30, 7', python: 'a / b', run: () => binaryOp(iBig30, i7, BinaryOp.TRUE_DIVIDE) },
  { name: 'float multiply', setup: 'a, b = 1.5, 2.25', python: 'a * b', run: () => binaryOp(f15, f225, BinaryOp.MULTIPLY) },
  { name: 'float < int', setup: 'a, b = 2.5, 3', python: 'a < b', run: () => richCompare(f25, i3, CompareOp.LT) },
  { name: 'float repr', setup: 'x = 0.1 + 0.2', python: 'repr(x)', run: () => repr(f03) },
  { name: "format(x, '.3f')", setup: 'x = 2.675', python: "format(x, '.3f')", run: () => call(floatFormat, [f2675, sPrec]) },
  { name: 'hash(float)', setup: 'x = 1.1', python: 'hash(x)', run: () => newInt(hash(f11)) },
  { name: "int('12345')", setup: "s = '12345'", python: 'int(s)', run: () => call(intType, [s12345]) },
  { name: 'math.sqrt', setup: 'import math; x = 2.0', python: 'math.sqrt(x)', run: () => call(sqrt, [f2]) },
  { name: 'float ** float', setup: 'a, b = 1.1, 2.5', python: 'a ** b', run: () => binaryOp(f11, f25, BinaryOp.POWER) },
  { name: 'float ** 3', setup: 'a, b = 1.1, 3', python: 'a ** b', run: () => binaryOp(f11, i3, BinaryOp.POWER) },
];

function engineNs(c: Case): number {
  const n = 200_000;
  for (let i = 0; i < 10_000; i++) decref(c.run());
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) decref(c.run());
  return Number(process.hrtime.bigint() - t0) / n;
}

function cpythonNs(c: Case): number {
  const script = `import timeit; n=200000; print(min(timeit.repeat(${JSON.stringify(c.python)}, ${JSON.stringify(c.setup)}, number=n, repeat=3)) / n * 1e9)`;
  return Number(execFileSync('python3', ['-c', script], { encoding: 'utf8' }).trim());
}

console.log('operation'.padEnd(24), 'engine ns'.padStart(10), 'CPython ns'.padStart(11), 'ratio'.padStart(7));
let logSum = 0;
for (const c of cases) {
  const e = engineNs(c);
  const p = cpythonNs(c);
  logSum += Math.log(e / p);
  console.log(c.name.padEnd(24), e.toFixed(0).padStart(10), p.toFixed(0).padStart(11), (e / p).toFixed(2).padStart(7));
}
console.log(`geometric mean ratio ${Math.exp(logSum / cases.length).toFixed(2)}`);
