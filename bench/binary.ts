// The binary-format modules on the engine beside CPython in the same run: struct packing and
// unpacking, array growth and iteration, pickle of builtin payloads (the native fast path) and
// of class instances (the Python Pickler). Prints seconds on both and the ratio for each.
// Run after building: node dist/bench/binary.js
import { execFileSync } from 'node:child_process';
import { createSession } from '../engine/index.js';

/** Each program's setup runs untimed; only its body is measured, in host time on the engine
 *  (whose own clock is virtual) and with time.perf_counter on CPython. */
interface Program {
  setup: string;
  body: string;
}

const programs: Record<string, Program> = {
  'struct pack/unpack': {
    setup: "import struct\ns = struct.Struct('<ihdq')\n",
    body: "for i in range(100_000):\n    s.unpack(s.pack(i, -1, 0.5, i * 7))\n    struct.unpack_from('<I', b'abcdefgh', 4)\n",
  },
  'array append/sum': {
    setup: 'import array\n',
    body: "a = array.array('d')\nfor i in range(200_000):\n    a.append(i * 0.5)\ntotal = sum(a) + a.count(3.0)\nb = a.tobytes()\n",
  },
  'pickle builtin payload': {
    setup: "import pickle\npayload = [{'id': i, 'name': 'item%d' % i, 'score': i * 0.5, 'tags': ('a', 'b'), 'blob': b'xyz'} for i in range(2000)]\n",
    body: 'for _ in range(5):\n    pickle.loads(pickle.dumps(payload))\n',
  },
  'pickle instances': {
    setup: 'import pickle\nclass Point:\n    def __init__(self, x, y):\n        self.x = x\n        self.y = y\npayload = [Point(i, -i) for i in range(2000)]\n',
    body: 'for _ in range(2):\n    pickle.loads(pickle.dumps(payload))\n',
  },
};

function engineSeconds(p: Program): number {
  const session = createSession({ host: { stdout: () => {}, stderr: () => {}, display: () => {}, input: () => null } });
  for (const [i, source] of [p.setup, p.body].entries()) {
    const t0 = process.hrtime.bigint();
    const r = session.execute(source, { mode: 'cell', filename: '<bench>' });
    if (r.status === 'error') throw new Error(`${r.error.ename}: ${r.error.evalue}`);
    if (i === 1) return Number(process.hrtime.bigint() - t0) / 1e9;
  }
  return NaN;
}

function cpythonSeconds(p: Program): number {
  const script = `import time\n${p.setup}t0 = time.perf_counter()\nexec(${JSON.stringify(p.body)})\nprint(time.perf_counter() - t0)\n`;
  return Number(execFileSync('python3', ['-c', script], { encoding: 'utf8' }).trim());
}

console.log('program'.padEnd(24), 'engine s'.padStart(9), 'CPython s'.padStart(10), 'ratio'.padStart(7));
for (const [name, program] of Object.entries(programs)) {
  try {
    const e = engineSeconds(program);
    const c = cpythonSeconds(program);
    console.log(name.padEnd(24), e.toFixed(3).padStart(9), c.toFixed(3).padStart(10), (e / c).toFixed(1).padStart(7));
  } catch (err) {
    console.log(name.padEnd(24), `failed: ${(err as Error).message}`);
  }
}
