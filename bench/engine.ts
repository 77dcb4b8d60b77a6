// Whole programs on the engine beside CPython (`python3`) in the same run: loops, calls,
// recursion, attribute access, dict/list/str work, generators, classes and allocation churn.
// Prints each program's time on both and their ratio, then the geometric mean of the ratios,
// and the host memory the engine spends per simulated object (a million live ints in a list).
// Run after building: node dist/bench/engine.js
import { execFileSync } from 'node:child_process';
import { createSession } from '../engine/index.js';

interface Program {
  name: string;
  source: string;
}

const programs: Program[] = [
  { name: 'loop arithmetic', source: 'def main():\n    s = 0\n    for i in range(3_000_000):\n        s += i * 2 - 1\n    return s\nmain()\n' },
  { name: 'function calls', source: 'def add(a, b):\n    return a + b\ndef main():\n    s = 0\n    for i in range(1_000_000):\n        s = add(s, i)\n    return s\nmain()\n' },
  { name: 'recursion (fib)', source: 'def fib(n):\n    return n if n < 2 else fib(n - 1) + fib(n - 2)\nfib(25)\n' },
  { name: 'attribute access', source: 'class P:\n    def __init__(self):\n        self.x = 1\n        self.y = 2\ndef main():\n    p = P()\n    s = 0\n    for i in range(500_000):\n        s += p.x + p.y\n        p.x = i\n    return s\nmain()\n' },
  { name: 'dict work', source: 'def main():\n    d = {}\n    for i in range(300_000):\n        d[i] = i\n    s = 0\n    for k in d:\n        s += d[k]\n    return s\nmain()\n' },
  { name: 'list work', source: 'def main():\n    l = []\n    for i in range(500_000):\n        l.append(i)\n    l.sort(reverse=True)\n    return sum(l[::2])\nmain()\n' },
  { name: 'str work', source: "def main():\n    parts = []\n    for i in range(200_000):\n        parts.append(str(i))\n    s = ','.join(parts)\n    return len(s.split(',')), s.upper()[:10]\nmain()\n" },
  { name: 'generators', source: 'def gen(n):\n    for i in range(n):\n        yield i\ndef main():\n    return sum(x * x for x in gen(500_000))\nmain()\n' },
  { name: 'classes and methods', source: 'class A:\n    def __init__(self, v):\n        self.v = v\n    def get(self):\n        return self.v\nclass B(A):\n    def get(self):\n        return super().get() + 1\ndef main():\n    s = 0\n    for i in range(200_000):\n        s += B(i).get()\n    return s\nmain()\n' },
  { name: 'allocation churn', source: 'def main():\n    for i in range(300_000):\n        t = (i, [i], {"k": i})\n    return t\nmain()\n' },
];

function engineSeconds(source: string): number {
  const s = createSession({ host: { stdout: () => {}, stderr: () => {}, display: () => {}, input: () => null } });
  const t0 = process.hrtime.bigint();
  const r = s.execute(source, { mode: 'exec', filename: '<bench>' });
  const t = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status === 'error') throw new Error(`${r.error.ename}: ${r.error.evalue}`);
  return t;
}

function cpythonSeconds(source: string): number {
  const script = `import time\nsrc = ${JSON.stringify(source)}\nt0 = time.perf_counter()\nexec(compile(src, '<bench>', 'exec'), {'__name__': '__main__'})\nprint(time.perf_counter() - t0)`;
  return Number(execFileSync('python3', ['-c', script], { encoding: 'utf8' }).trim());
}

console.log('program'.padEnd(22), 'engine s'.padStart(9), 'CPython s'.padStart(10), 'ratio'.padStart(7));
let logSum = 0;
let counted = 0;
for (const p of programs) {
  let e: number;
  try {
    e = engineSeconds(p.source);
  } catch (err) {
    console.log(p.name.padEnd(22), `failed: ${(err as Error).message}`);
    continue;
  }
  const c = cpythonSeconds(p.source);
  logSum += Math.log(e / c);
  counted++;
  console.log(p.name.padEnd(22), e.toFixed(3).padStart(9), c.toFixed(3).padStart(10), (e / c).toFixed(2).padStart(7));
}
console.log(`geometric mean ratio ${Math.exp(logSum / Math.max(1, counted)).toFixed(2)} over ${counted} programs`);

// Host memory per simulated object: a million live ints in a list.
const session = createSession({ host: { stdout: () => {}, stderr: () => {}, display: () => {}, input: () => null } });
global.gc?.();
const before = process.memoryUsage().heapUsed;
session.execute('keep = [i + 1000 for i in range(1_000_000)]\n', { mode: 'cell', filename: '<mem>' });
global.gc?.();
const after = process.memoryUsage().heapUsed;
console.log(`host heap per live int: ${((after - before) / 1e6).toFixed(0)} bytes (run node with --expose-gc for a steadier figure)`);
