// The simulated processes of a session: pids, parents and children, exit statuses, and the
// zombies their parents have not waited for yet (kernel/exit.c, kernel/fork.c, as far as a
// program can see them). Scheduling lives in processSwitch.ts.
import type { Frame } from '../vm/frame.js';
import type { ProcessMemory } from '../memory/processMemory.js';
import type { ProcIdentity } from '../memory/procFiles.js';
import type { WorldSnapshot } from './world.js';

/** The pid Linux's init has: orphans are re-parented to it. */
export const INIT_PID = 1;

/**
 * How a process that is not running goes on: the frame whose CALL is pending, and either what
 * that call returns (a new child's fork() returns 0) or null to make the call again (a call that
 * blocked).
 */
export interface Continuation {
  frame: Frame;
  forkResult: number | null;
}

/** ready: may run (a new child, or one whose wait is over); blocked: waits for `ready`; zombie:
 *  exited, its status kept until the parent waits. A running process is `current` or below it. */
export type ProcessState = 'running' | 'ready' | 'blocked' | 'zombie';

export class SimProcess {
  state: ProcessState = 'ready';
  parent: SimProcess | null;
  readonly children: SimProcess[] = [];
  /** The world saved while another process runs (world.ts); null while this one runs or after exit. */
  world: WorldSnapshot | null = null;
  continuation: Continuation | null = null;
  /** For a blocked process: whether what it waits for has happened. */
  canGoOn: () => boolean = () => true;
  /** For a blocked process whose wait has a time limit (sem_timedwait): when it runs out, in
   *  monotonic nanoseconds, and how to let the clock reach it. */
  timedWait: { deadlineNs: number; passTime(): void } | null = null;
  /** The encoded status wait() reports (exit code << 8, or the terminating signal). */
  waitStatus = 0;
  /** A terminating signal sent while this process was running below another (see kill). */
  pendingSignal = 0;
  /** Teardown hooks (open pipe ends) run when the process exits. */
  readonly onExit: (() => void)[] = [];

  constructor(
    readonly pid: number,
    parent: SimProcess | null,
    readonly memory: ProcessMemory,
    readonly name: string,
    /** The parent's pid when it is no simulated process (the shell of the first process, init
     *  for orphans). */
    public outsidePpid: number,
  ) {
    this.parent = parent;
    parent?.children.push(this);
  }

  get ppid(): number {
    return this.parent ? this.parent.pid : this.outsidePpid;
  }

  /** What /proc/PID/status says of this process. */
  get identity(): ProcIdentity {
    return { pid: this.pid, ppid: this.ppid, name: this.name };
  }
}

/** Status word of a normal exit (W_EXITCODE in <sys/wait.h>). */
export function exitedStatus(code: number): number {
  return (code & 0xff) << 8;
}

/** Status word of a death by signal (W_TERMSIG's inverse, no core dump). */
export function signaledStatus(sig: number): number {
  return sig & 0x7f;
}

/** The processes of one session, by pid. The first process wraps the session's own memory. */
export class ProcessTable {
  readonly byPid = new Map<number, SimProcess>();
  /** The process whose code runs now. */
  current: SimProcess;
  /** Processes running below the current one on the host stack (each waits in a blocking call
   *  for the ones above to block or exit), the first process at the bottom. */
  readonly stacked: SimProcess[] = [];
  private nextPid: number;

  constructor(readonly root: SimProcess) {
    this.byPid.set(root.pid, root);
    this.current = root;
    root.state = 'running';
    this.nextPid = root.pid + 1;
  }

  allocatePid(): number {
    return this.nextPid++;
  }

  add(p: SimProcess): void {
    this.byPid.set(p.pid, p);
  }

  /** Forgets a process for good (reaped by its parent, or an orphan that exited). */
  remove(p: SimProcess): void {
    this.byPid.delete(p.pid);
    if (p.parent) p.parent.children.splice(p.parent.children.indexOf(p), 1);
    p.parent = null;
  }

  /** The next process to run, oldest pid first: a new child, or a blocked one that may go on. */
  nextReady(): SimProcess | null {
    for (const p of this.byPid.values()) {
      if (p === this.current || this.stacked.includes(p)) continue;
      if (p.state === 'ready' || (p.state === 'blocked' && p.canGoOn())) return p;
    }
    // Nothing can run, so time passes until the first time limit of a blocked wait.
    let first: SimProcess | null = null;
    for (const p of this.byPid.values()) {
      if (p.state !== 'blocked' || !p.timedWait || p === this.current || this.stacked.includes(p)) continue;
      if (!first || p.timedWait.deadlineNs < first.timedWait!.deadlineNs) first = p;
    }
    // The running process's own time limit coming first is for it to let pass, not another's.
    const mine = this.current.timedWait;
    if (!first || (mine && mine.deadlineNs <= first.timedWait!.deadlineNs)) return null;
    first.timedWait!.passTime();
    return first;
  }
}
