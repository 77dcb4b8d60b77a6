// Memory layer benchmark: the allocator's host cost per simulated operation and per live block.
// `node --expose-gc dist/bench/memory.js` (after `npm run build`).
import { ProcessMemory } from '../engine/memory/index.js';

const N = 1_000_000;

/** CPU time of run() in ns: steadier than wall time on a machine shared with other work. */
export function timeNs(run: () => void): number {
  const t = process.cpuUsage();
  run();
  const d = process.cpuUsage(t);
  return (d.user + d.system) * 1000;
}

function hostBytes(): number {
  // Twice: array buffers of typed arrays outgrown earlier go only on a second collection.
  (globalThis as { gc?: () => void }).gc?.();
  (globalThis as { gc?: () => void }).gc?.();
  const u = process.memoryUsage();
  return u.heapUsed + u.arrayBuffers;
}

/** Requests shaped like a Python program's objects: mostly 16..128 bytes, a few up to 512. */
function sizes(n: number): Int32Array {
  const out = new Int32Array(n);
  let s = 12345;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    const r = s / 2 ** 32;
    out[i] = r < 0.9 ? 16 + Math.floor(r * 125) : 129 + Math.floor((r - 0.9) * 3830);
  }
  return out;
}

/** Best of five runs: the pair is short enough for other work on the machine to dominate one run. */
function mallocFreePairs(): number {
  const m = new ProcessMemory();
  const warm = m.objectMalloc(64);
  let best = Infinity;
  for (let run = 0; run < 5; run++) {
    best = Math.min(best, timeNs(() => {
      for (let i = 0; i < N; i++) m.objectFree(m.objectMalloc(64));
    }));
  }
  m.objectFree(warm);
  return best / N;
}

function liveBlocks(): { mallocNs: number; freeNs: number; bytesPerBlock: number } {
  const req = sizes(N);
  const addrs = new Float64Array(N);
  const base = hostBytes();
  const m = new ProcessMemory();
  const mallocNs = timeNs(() => {
    for (let i = 0; i < N; i++) addrs[i] = m.objectMalloc(req[i]);
  }) / N;
  const bytesPerBlock = (hostBytes() - base) / N;
  const freeNs = timeNs(() => {
    for (let i = N - 1; i >= 0; i--) m.objectFree(addrs[i]);
  }) / N;
  return { mallocNs, freeNs, bytesPerBlock };
}

function forkOfLiveBlocks(): { forkMs: number; childBytes: number } {
  const m = new ProcessMemory();
  const req = sizes(N);
  for (let i = 0; i < N; i++) m.objectMalloc(req[i]);
  const before = hostBytes();
  let child: ProcessMemory | undefined;
  const forkMs = timeNs(() => {
    child = m.fork();
  }) / 1e6;
  const childBytes = hostBytes() - before;
  child!.exit();
  return { forkMs, childBytes };
}

/** touch() in a forked child: the first pass copies every page, later passes find them private. */
function touchAfterFork(): { firstNs: number; repeatNs: number } {
  const m = new ProcessMemory();
  const addrs = Array.from({ length: 100_000 }, () => m.objectMalloc(48));
  const child = m.fork();
  const pass = () => timeNs(() => {
    for (const a of addrs) child.touch(a, 8, true);
  }) / addrs.length;
  const firstNs = pass();
  let repeatNs = Infinity;
  for (let round = 0; round < 20; round++) repeatNs = Math.min(repeatNs, pass());
  return { firstNs, repeatNs };
}

export function runMemoryBench(): Record<string, number> {
  const pair = mallocFreePairs();
  const live = liveBlocks();
  const fork = forkOfLiveBlocks();
  const touch = touchAfterFork();
  return {
    'objectMalloc+objectFree pair, ns': round(pair),
    'objectMalloc (1e6 live, mixed sizes), ns': round(live.mallocNs),
    'objectFree (1e6 live, mixed sizes), ns': round(live.freeNs),
    'host bytes per live block': round(live.bytesPerBlock),
    'fork of 1e6 live blocks, ms': round(fork.forkMs),
    'host MB of the forked child': round(fork.childBytes / 2 ** 20),
    'touch (write) after fork, first pass, ns': round(touch.firstNs),
    'touch (write) after fork, later passes, ns': round(touch.repeatNs),
  };
}

function round(x: number): number {
  return Math.round(x * 10) / 10;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const [k, v] of Object.entries(runMemoryBench())) console.log(`${k.padEnd(44)} ${v}`);
}
