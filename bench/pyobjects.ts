// Python objects end to end: creating and freeing 10^6 small objects in the engine against the
// real python3 on the same program, and the host memory each live simulated object takes.
// `node --expose-gc dist/bench/pyobjects.js` (after `npm run build`).
import { spawnSync } from 'node:child_process';
import { createSession } from '../engine/index.js';

const CREATE_AND_FREE = 'for i in range(10**6):\n    x = [i]\n';
const KEEP = 'keep = [[] for i in range(10**6)]\n';

function session(): ReturnType<typeof createSession> {
  return createSession({ host: { stdout: () => {}, stderr: () => {}, display: () => {}, input: () => null } });
}

function engineSeconds(source: string): number {
  const s = session();
  const t = process.hrtime.bigint();
  s.execute(source, { mode: 'exec', filename: 'bench.py' });
  return Number(process.hrtime.bigint() - t) / 1e9;
}

function cpythonSeconds(source: string): number {
  const program = `import time\nt = time.perf_counter()\n${source}print(time.perf_counter() - t)\n`;
  const r = spawnSync('python3', ['-c', program], { encoding: 'utf8' });
  return Number(r.stdout.trim());
}

function hostBytesPerLiveObject(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  const s = session();
  gc?.();
  gc?.();
  const before = process.memoryUsage();
  // A cell keeps its globals (a file's end clears them).
  s.execute(KEEP, { mode: 'cell', filename: 'bench.py' });
  gc?.();
  gc?.();
  const after = process.memoryUsage();
  return (after.heapUsed + after.arrayBuffers - before.heapUsed - before.arrayBuffers) / 1e6;
}

const best = (f: () => number): number => Math.min(f(), f(), f());
const engine = best(() => engineSeconds(CREATE_AND_FREE));
const cpython = best(() => cpythonSeconds(CREATE_AND_FREE));
console.log(`${'create+free 1e6 lists, engine s'.padEnd(44)} ${engine.toFixed(3)}`);
console.log(`${'create+free 1e6 lists, python3 s'.padEnd(44)} ${cpython.toFixed(3)}`);
console.log(`${'ratio engine / python3'.padEnd(44)} ${(engine / cpython).toFixed(1)}`);
console.log(`${'host bytes per live list (1e6 kept)'.padEnd(44)} ${Math.round(hostBytesPerLiveObject())}`);
