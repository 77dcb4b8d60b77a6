// The virtual clock (engine/os/clock.ts, docs/clock.md): sleeps and executed instructions move
// simulated time by exactly what the model says, and every session starts from the same moment.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSession } from '../../engine/index.js';
import type { EngineSession } from '../../engine/api.js';
import { compileSource } from '../../engine/vm/compileSource.js';
import { OPNAMES } from '../../engine/compiler/opcodes.js';
import { PyCode } from '../../engine/objects/code.js';
import { BOOT_EPOCH_NS, BOOT_UPTIME_NS, COST_MODEL, executed } from '../../engine/os/clock.js';

const cli = join(resolve(dirname(fileURLToPath(import.meta.url)), '..', '..'), 'bin', 'pymemlab.js');

function session(flag?: Int32Array): { s: EngineSession; out: string[] } {
  const out: string[] = [];
  const s = createSession({
    interruptFlag: flag,
    host: { stdout: (t) => out.push(t), stderr: (t) => out.push(t), display: () => {}, input: () => null },
  });
  return { s, out };
}

/** Runs a program and returns what it printed, one line per entry. */
function run(source: string): string[] {
  const { s, out } = session();
  const r = s.execute(source, { mode: 'exec', filename: 'clock.py' });
  expect(r.status).toBe('ok');
  return out.join('').trim().split('\n');
}

describe('virtual clock', () => {
  it('starts every machine at the documented boot moment, the same on every run', () => {
    const program = 'import time\nprint(time.time_ns(), time.monotonic_ns(), time.process_time_ns())';
    const first = run(program);
    const [wall, mono] = first[0]!.split(' ');
    // The clock starts when the session first reads it, while it sets the machine up; the
    // program's readings come a little later, and always equally late.
    const sinceBoot = Number(BigInt(wall!) - BOOT_EPOCH_NS);
    expect(sinceBoot).toBeGreaterThanOrEqual(0);
    expect(sinceBoot).toBeLessThan(1_000_000);
    expect(Number(mono) - BOOT_UPTIME_NS).toBeGreaterThan(sinceBoot);
    // Another interpreter (a fresh process, as every kernel and `pymemlab exec` run is) prints
    // exactly the same readings.
    const file = join(mkdtempSync(join(tmpdir(), 'clock-')), 'boot.py');
    writeFileSync(file, program);
    const again = (): string => execFileSync(process.execPath, [cli, 'exec', file], { encoding: 'utf8' });
    expect(again()).toBe(again());
  });

  it('advances by exactly the time slept, and sleeping costs no CPU time', () => {
    // The same bytecode runs both ways: only the function called differs (a builtin that runs no
    // bytecode and allocates nothing).
    const program = (fn: string): string => [
      'import time', `f = ${fn}`, 'm0, c0 = time.monotonic_ns(), time.process_time_ns()', 'f(1.5)',
      'm1, c1 = time.monotonic_ns(), time.process_time_ns()', 'print(m1 - m0, c1 - c0)',
    ].join('\n');
    const [slept, sleptCpu] = run(program('time.sleep'))[0]!.split(' ').map(Number);
    const [awake, awakeCpu] = run(program('[].append'))[0]!.split(' ').map(Number);
    expect(slept! - awake!).toBe(1_500_000_000);
    expect(sleptCpu).toBe(awakeCpu);
  });

  it('charges each executed instruction its fixed cost', () => {
    const loop = 'for _ in r: x = _\n';
    // The instructions one iteration executes: FOR_ITER up to its JUMP_BACKWARD.
    const code = compileSource(loop, 'loop.py', 'exec');
    const ops: string[] = [];
    for (let i = 0; i < code.code.length; i += 2) ops.push(OPNAMES[code.code[i]!]!);
    const perIteration = ops.indexOf('JUMP_BACKWARD') - ops.indexOf('FOR_ITER') + 1;
    expect(perIteration).toBe(5);
    const elapsed = (n: number): number => Number(run(
      `import time\nr = [None] * ${n}\nt0 = time.perf_counter_ns()\n${loop}print(time.perf_counter_ns() - t0)`,
    )[0]);
    expect(elapsed(2000) - elapsed(1000)).toBe(1000 * perIteration * COST_MODEL.instructionNs);
  });

  it('charges each object allocated its fixed cost', () => {
    // complex() allocates a new object (complex numbers have no free list), bool() returns a
    // singleton: the same instructions run either way. Two loop lengths cancel the one-off costs.
    const elapsed = (make: string, n: number): number => Number(run(
      `import time\nr = [None] * ${n}\nt0 = time.perf_counter_ns()\nfor _ in r: x = ${make}(0)\nprint(time.perf_counter_ns() - t0)`,
    )[0]);
    const perLoops = (make: string): number => elapsed(make, 2000) - elapsed(make, 1000);
    expect(perLoops('complex') - perLoops('bool')).toBe(1000 * COST_MODEL.allocationNs);
  });

  it('turns the work the loop and the allocator count into CPU time and wall time alike', () => {
    const { s, out } = session();
    s.execute('import time\nt0 = time.monotonic_ns()\nc0 = time.process_time_ns()', { mode: 'cell', filename: '<a>' });
    const before = { ...executed };
    s.execute('x = sum([i * i for i in range(500)])', { mode: 'cell', filename: '<b>' });
    const spent = (executed.instructions - before.instructions) * COST_MODEL.instructionNs
      + (executed.allocations - before.allocations) * COST_MODEL.allocationNs;
    s.execute('print(time.monotonic_ns() - t0 - (time.process_time_ns() - c0))', { mode: 'cell', filename: '<c>' });
    s.execute('print(time.monotonic_ns() - t0)', { mode: 'cell', filename: '<d>' });
    const [skew, wall] = out.join('').trim().split('\n').map(Number);
    // Monotonic was read first, process time a few instructions later: the same clock.
    expect(Math.abs(skew!) % COST_MODEL.instructionNs).toBe(0);
    expect(skew!).toBeLessThanOrEqual(0);
    expect(spent).toBeGreaterThan(500 * 3 * COST_MODEL.instructionNs);
    // What the clock saw: the measured cell plus the few instructions around the two readings.
    expect(wall! - spent).toBeGreaterThan(0);
    expect(wall! - spent).toBeLessThan(100 * COST_MODEL.instructionNs);
  });

  it('keeps time.time and time.monotonic moving together', () => {
    const [line] = run('import time\nd0 = time.time_ns() - time.monotonic_ns()\ntime.sleep(3)\nd1 = time.time_ns() - time.monotonic_ns()\nprint(d1 - d0)');
    expect(Number(line)).toBe(0);
  });

  it('stops a sleep when an interrupt is pending', () => {
    const flag = new Int32Array(new SharedArrayBuffer(4));
    const { s } = session(flag);
    s.execute('import time', { mode: 'cell', filename: '<a>' });
    Atomics.store(flag, 0, 1);
    const r = s.execute('time.sleep(10)', { mode: 'cell', filename: '<cell>' });
    expect(r.status === 'error' && r.error.ename).toBe('KeyboardInterrupt');
  });

  it('lets the crawler experiment show waiting dominate serial fetching (docs/clock.md)', () => {
    const [serial, concurrent] = run([
      'import asyncio, time, simhttp',
      "URL = 'http://127.0.0.1:8080/page?delay=100'",
      't = time.perf_counter()',
      'for _ in range(200): simhttp.get(URL)',
      'print(time.perf_counter() - t)',
      'async def fetch(session, sem):',
      '    async with sem:',
      '        async with session.get(URL) as resp:',
      '            return await resp.text()',
      'async def crawl():',
      '    sem = asyncio.Semaphore(50)',
      '    async with simhttp.ClientSession() as session:',
      '        return await asyncio.gather(*(fetch(session, sem) for _ in range(200)))',
      't = time.perf_counter()',
      'asyncio.run(crawl())',
      'print(time.perf_counter() - t)',
    ].join('\n')).map(Number);
    // 200 waits of 0.1 s one after another; then 4 rounds of 50 overlapping waits. What is left
    // over is the interpreter's own instructions, a few milliseconds of them.
    expect(serial! - 20).toBeGreaterThan(0);
    expect(serial! - 20).toBeLessThan(0.01);
    expect(concurrent! - 0.4).toBeGreaterThan(0);
    expect(concurrent! - 0.4).toBeLessThan(0.02);
  });

  it('gives timeit the exact cost of the timed statement', () => {
    const [src, more, fewer] = run([
      'import timeit',
      "t = timeit.Timer('x = 1')",
      'print(repr(t.src))',
      'print(round(t.timeit(2000) * 1e9))',
      'print(round(t.timeit(1000) * 1e9))',
    ].join('\n'));
    // The instructions of one pass of the template's loop: FOR_ITER up to its JUMP_BACKWARD.
    const template = compileSource(JSON.parse(src!.replace(/^'|'$/g, '"')), 'timeit.py', 'exec');
    const inner = template.consts.find((c) => c instanceof PyCode && c.name === 'inner') as PyCode;
    const ops: string[] = [];
    for (let i = 0; i < inner.code.length; i += 2) ops.push(OPNAMES[inner.code[i]!]!);
    const perIteration = ops.indexOf('JUMP_BACKWARD') - ops.indexOf('FOR_ITER') + 1;
    // The float _t0 = _timer() makes may come from the float free list or be allocated anew,
    // depending on what ran before: the timings may differ by that one allocation.
    const difference = Number(more) - Number(fewer) - 1000 * perIteration * COST_MODEL.instructionNs;
    expect(Math.abs(difference)).toBeLessThanOrEqual(COST_MODEL.allocationNs);
  });
});
