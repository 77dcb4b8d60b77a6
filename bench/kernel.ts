// Kernel benchmark: pymemlab against ipykernel, measured in the same run on the same machine.
// `node dist/bench/kernel.js` (after `npm run build`); PYMEMLAB_BENCH_QUICK=1 for fewer repetitions.
import { readFileSync } from 'node:fs';
import type { KernelClient } from '../kernel/client/kernelClient.js';
import { launchKernel, type LaunchedKernel } from '../kernel/client/launch.js';
import { DEFAULT_PYTHON, KERNEL_ENV, kernelCommand } from '../kernel/kernelspec/install.js';

const QUICK = process.env.PYMEMLAB_BENCH_QUICK === '1';
const COLD_STARTS = QUICK ? 3 : 10;
const EXECUTES = QUICK ? 100 : 500;
const JUNK_FRAMES = 10_000;
const INTERRUPTS = 5;
const ENDURANCE = QUICK ? 1000 : 5000;

/** The floors issue 2 sets for pymemlab (the interrupt one: a loop stops "within 100 ms"). */
const FLOORS = { coldStartMs: 300, executeMedianMs: 1.5, interruptMs: 100, rssGrowthMb: 20 };

interface Spec {
  argv: string[];
  env?: Record<string, string>;
}

const KERNELS: Record<string, Spec> = {
  // What `pymemlab install` writes into kernel.json, launched as Jupyter does (its env over ours).
  pymemlab: { argv: kernelCommand(DEFAULT_PYTHON), env: KERNEL_ENV },
  ipykernel: { argv: ['/usr/bin/python3', '-m', 'ipykernel_launcher', '-f', '{connection_file}'] },
};

function launch(spec: Spec): Promise<LaunchedKernel> {
  return launchKernel(spec.argv, { ...process.env, ...spec.env });
}

interface Result {
  coldStartMs: number;
  /** CPU time the kernel process (all its threads) had used when kernel_info_reply arrived. */
  coldStartCpuMs: number;
  executeMedianMs: number | null;
  /** The kernel process's CPU time per `1+1` execute: less sensitive than latency to a busy machine. */
  executeCpuMs: number | null;
  interruptMs: number | null;
  junkThenInfoMs: number;
  rssGrowthMb: number | null;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** utime + stime of every thread of the process, from /proc (clock ticks of 10 ms). */
function cpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

function rssMb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((entry) => entry.startsWith('VmRSS:'))!;
  return Number(line.split(/\s+/)[1]) / 1024;
}

async function coldStart(spec: Spec): Promise<{ ms: number; cpuMs: number }> {
  const kernel = await launch(spec);
  const reply = await kernel.client.request('shell', 'kernel_info_request', {}, 30_000);
  const elapsed = performance.now() - kernel.startedAt;
  const cpu = cpuMs(kernel.process.pid!);
  if (reply.content.status !== 'ok') throw new Error('kernel_info failed');
  await kernel.stop();
  return { ms: elapsed, cpuMs: cpu };
}

/** Median time from sending `1+1` to its execute_reply, and the kernel's CPU per execute; null
 *  when the kernel cannot run it. */
async function executeLatency(kernel: LaunchedKernel): Promise<{ ms: number; cpuMs: number } | null> {
  const times: number[] = [];
  // CPU is counted over the second half, once V8 has compiled the engine's hot code.
  const warm = EXECUTES / 2;
  let cpuBefore = 0;
  for (let run = 0; run < EXECUTES; run++) {
    if (run === warm) cpuBefore = cpuMs(kernel.process.pid!);
    const start = performance.now();
    const reply = await kernel.client.request('shell', 'execute_request', { code: '1+1', silent: false, store_history: true, user_expressions: {}, allow_stdin: false });
    if (reply.content.status !== 'ok') return null;
    times.push(performance.now() - start);
  }
  return { ms: median(times), cpuMs: (cpuMs(kernel.process.pid!) - cpuBefore) / (EXECUTES - warm) };
}

/** Time from interrupt_request to the reply of a cell spinning in `while True: pass`. */
async function interruptLatency(client: KernelClient): Promise<number | null> {
  const times: number[] = [];
  for (let run = 0; run < INTERRUPTS; run++) {
    const { header, frames } = client.frames('execute_request', { code: 'while True:\n    pass', silent: false, store_history: false, user_expressions: {}, allow_stdin: false, stop_on_error: false });
    const reply = client.reply(header.msg_id, 30_000);
    await client.shell.send(frames);
    await client.waitForPublished((message) => message.parent_header.msg_id === header.msg_id && message.header.msg_type === 'status');
    await new Promise((resolve) => setTimeout(resolve, 200));
    const start = performance.now();
    await client.request('control', 'interrupt_request', {});
    const answer = await reply;
    if (answer.content.ename !== 'KeyboardInterrupt') return null;
    times.push(performance.now() - start);
  }
  return median(times);
}

async function junkThenInfo(kernel: LaunchedKernel): Promise<number> {
  const start = performance.now();
  for (let frame = 0; frame < JUNK_FRAMES; frame++) {
    await kernel.client.shell.send([Buffer.from(`junk ${frame}`), Buffer.from([frame & 0xff])]);
  }
  await kernel.client.request('shell', 'kernel_info_request', {}, 60_000);
  return performance.now() - start;
}

async function rssGrowth(kernel: LaunchedKernel): Promise<number | null> {
  const run = (): Promise<{ content: { status?: string } }> =>
    kernel.client.request('shell', 'execute_request', { code: 'x = [i for i in range(10)]\nx[-1]', silent: false, store_history: true, user_expressions: {}, allow_stdin: false });
  for (let warm = 0; warm < 100; warm++) await run();
  const before = rssMb(kernel.process.pid!);
  for (let count = 0; count < ENDURANCE; count++) {
    if ((await run()).content.status !== 'ok') return null;
  }
  return rssMb(kernel.process.pid!) - before;
}

async function measure(name: string): Promise<Result> {
  const spec = KERNELS[name]!;
  const starts: { ms: number; cpuMs: number }[] = [];
  for (let run = 0; run < COLD_STARTS; run++) starts.push(await coldStart(spec));
  const kernel = await launch(spec);
  try {
    await kernel.client.waitForReady(30_000);
    const execute = await executeLatency(kernel);
    const interruptMs = execute === null ? null : await interruptLatency(kernel.client);
    const junkThenInfoMs = await junkThenInfo(kernel);
    const rssGrowthMb = execute === null ? null : await rssGrowth(kernel);
    return {
      coldStartMs: median(starts.map((start) => start.ms)), coldStartCpuMs: median(starts.map((start) => start.cpuMs)),
      executeMedianMs: execute?.ms ?? null, executeCpuMs: execute?.cpuMs ?? null, interruptMs, junkThenInfoMs, rssGrowthMb,
    };
  } finally {
    await kernel.stop();
  }
}

function show(value: number | null, unit: string): string {
  return value === null ? 'n/a (no engine)' : `${value.toFixed(unit === 'MB' ? 1 : 2)} ${unit}`;
}

function ratio(ours: number | null, theirs: number | null): string {
  return ours === null || theirs === null ? '' : `x${(ours / theirs).toFixed(2)}`;
}

function floor(value: number | null, limit: number): string {
  if (value === null) return 'not measured';
  return value <= limit ? `ok (<= ${limit})` : `ABOVE FLOOR (${limit})`;
}

async function main(): Promise<void> {
  const ours = await measure('pymemlab');
  const theirs = await measure('ipykernel');
  const rows: [string, number | null, number | null, string, number | null][] = [
    ['cold start to kernel_info_reply', ours.coldStartMs, theirs.coldStartMs, 'ms', FLOORS.coldStartMs],
    ['  kernel CPU used by then (10 ms ticks)', ours.coldStartCpuMs, theirs.coldStartCpuMs, 'ms', null],
    [`1+1 execute_reply, median of ${EXECUTES}`, ours.executeMedianMs, theirs.executeMedianMs, 'ms', FLOORS.executeMedianMs],
    ['  kernel CPU per execute (warm half)', ours.executeCpuMs, theirs.executeCpuMs, 'ms', null],
    [`interrupt of a busy loop, median of ${INTERRUPTS}`, ours.interruptMs, theirs.interruptMs, 'ms', FLOORS.interruptMs],
    [`${JUNK_FRAMES} junk frames, then kernel_info`, ours.junkThenInfoMs, theirs.junkThenInfoMs, 'ms', null],
    [`RSS growth over ${ENDURANCE} executes`, ours.rssGrowthMb, theirs.rssGrowthMb, 'MB', FLOORS.rssGrowthMb],
  ];
  const lines = rows.map(([what, mine, other, unit, limit]) =>
    `${what.padEnd(40)} pymemlab ${show(mine, unit).padEnd(16)} ipykernel ${show(other, unit).padEnd(12)} ratio ${ratio(mine, other).padEnd(7)} ${limit === null ? '' : floor(mine, limit)}`);
  process.stdout.write(`${lines.join('\n')}\n`);
}

await main();
