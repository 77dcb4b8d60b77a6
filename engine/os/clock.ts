// The simulated machine's clocks. Time on a simulated machine moves only when the simulation
// spends it: the evaluation loop executing bytecode (a fixed cost per instruction), a sleep, or
// simulated I/O waiting out its latency. Nothing reads the host's clock, so a timing experiment
// prints the same numbers on every host. The model is written up in docs/clock.md.
import { runningMemory } from '../memory/running.js';
import type { FrameTable } from '../memory/frames.js';
import type { ProcessMemory } from '../memory/processMemory.js';

/** What executed work costs in simulated time. */
export const COST_MODEL = {
  /** Nanoseconds of CPU time per bytecode instruction the evaluation loop executes. */
  instructionNs: 10,
  /** Nanoseconds of CPU time per object allocated (PyObject_Malloc of a new object; objects
   *  taken from a free list cost nothing extra, as in CPython). */
  allocationNs: 20,
} as const;

/** The wall-clock time (CLOCK_REALTIME) when a simulated machine's clock starts:
 *  2025-01-01T00:00:00Z, in nanoseconds since the Unix epoch. */
export const BOOT_EPOCH_NS = 1_735_689_600n * 1_000_000_000n;

/** How long the machine has been up when its clock starts (CLOCK_MONOTONIC's reading then):
 *  one minute, as if the interpreter started a minute after boot. */
export const BOOT_UPTIME_NS = 60_000_000_000;

/** Work done on this host thread, all machines together: bytecode instructions the evaluation
 *  loop executed and objects allocated. The loop and the allocator only increment these; the
 *  clocks turn them into time when they are read. */
export const executed = { instructions: 0, allocations: 0 };

/** The CPU time the work counted so far stands for, in nanoseconds. */
function workNs(): number {
  return executed.instructions * COST_MODEL.instructionNs + executed.allocations * COST_MODEL.allocationNs;
}

/** One simulated machine's clock: every process on the machine shares it. */
export class MachineClock {
  /** CLOCK_MONOTONIC: nanoseconds since boot. */
  uptimeNs = BOOT_UPTIME_NS;
  /** Nanoseconds spent asleep (time.sleep, an idle event loop). */
  sleptNs = 0;
  /** Nanoseconds spent waiting on simulated I/O latency. */
  ioWaitNs = 0;
  /** workNs() up to which this clock has charged its processes. */
  charged = workNs();

  /** CLOCK_REALTIME in nanoseconds since the epoch. */
  realtimeNs(): bigint {
    return BOOT_EPOCH_NS + BigInt(this.uptimeNs - BOOT_UPTIME_NS);
  }
}

/** One process's CPU time (CLOCK_PROCESS_CPUTIME_ID): what its own instructions cost. */
export class ProcessClock {
  cpuNs = 0;
}

const machines = new WeakMap<FrameTable, MachineClock>();
const processes = new WeakMap<ProcessMemory, ProcessClock>();

function machineOf(mem: ProcessMemory): MachineClock {
  let m = machines.get(mem.frames);
  if (!m) {
    m = new MachineClock();
    machines.set(mem.frames, m);
  }
  return m;
}

function processOf(mem: ProcessMemory): ProcessClock {
  let p = processes.get(mem);
  if (!p) {
    p = new ProcessClock();
    processes.set(mem, p);
  }
  return p;
}

/** Charges the work done since the last reading to the running process and its machine. The
 *  process layer calls it before switching processes, so each process's CPU time holds its own
 *  work. */
export function chargeInstructions(): void {
  const mem = runningMemory();
  const m = machineOf(mem);
  const now = workNs();
  const ns = now - m.charged;
  if (ns === 0) return;
  m.charged = now;
  m.uptimeNs += ns;
  processOf(mem).cpuNs += ns;
}

/** The running machine's clock, with every executed instruction charged. */
export function machineClock(): MachineClock {
  chargeInstructions();
  return machineOf(runningMemory());
}

/** CLOCK_MONOTONIC of the running machine, in nanoseconds. */
export function monotonicNs(): number {
  return machineClock().uptimeNs;
}

/** CLOCK_REALTIME of the running machine, in nanoseconds since the epoch. */
export function realtimeNs(): bigint {
  return machineClock().realtimeNs();
}

/** CLOCK_PROCESS_CPUTIME_ID of the running process, in nanoseconds. */
export function processCpuNs(): number {
  chargeInstructions();
  return processOf(runningMemory()).cpuNs;
}

/** A sleep: the machine's time moves on, the process's CPU time does not. */
export function sleepFor(ns: number): void {
  const m = machineClock();
  m.uptimeNs += ns;
  m.sleptNs += ns;
}

/** Waiting on simulated I/O (a network round trip, a disk read) for `ns` nanoseconds. */
export function waitForIo(ns: number): void {
  const m = machineClock();
  m.uptimeNs += ns;
  m.ioWaitNs += ns;
}
