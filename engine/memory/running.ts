// The simulated process whose code runs now: its memory and what /proc says about it. One
// interpreter runs per thread, so this is module state, switched with the process (fork).
import type { ProcIdentity } from './procFiles.js';
import type { ProcessMemory } from './processMemory.js';

export const running = {
  memory: null as ProcessMemory | null,
  /** The first process of a session; the OS layer gives forked children their own. */
  identity: { pid: 4242, ppid: 4241, name: 'python3' } as ProcIdentity,
  /** The other live processes, for /proc/PID of a pid not running now (the OS layer sets it). */
  others: (): RunningProcess[] => [],
};

export interface RunningProcess {
  memory: ProcessMemory;
  identity: ProcIdentity;
}

/** The running process's memory (the session binds one before any code runs). */
export function runningMemory(): ProcessMemory {
  if (!running.memory) throw new Error('no simulated process is running');
  return running.memory;
}
