// Running simulated processes: fork, switching between processes, blocking calls and exit.
//
// One host thread runs every process. A process that is not running keeps its Python world as
// a snapshot (world.ts) and a continuation: the frame whose CALL is pending and what that call
// returns when the process runs again. A forked child starts as such a continuation (its fork()
// returns 0); the parent goes on at once. Other processes run only when the running one blocks
// (wait, a read of an empty pipe): they run on top of it, on the host stack, oldest pid first,
// each until it exits or blocks. A process that blocks while running on top of another gives
// the host stack back (its world saved, its continuation set) if its pending call was made
// straight from Python code; otherwise, or in the first process, waiting for nothing that can
// happen is a deadlock and raises OSError(EDEADLK). docs/processes.md has the whole model.
import { Op } from '../compiler/opcodes.js';
import { PyCFunction, PyMethodDescr } from '../objects/descr.js';
import { PyObject, decref } from '../objects/object.js';
import { PyInt, False, True, newInt } from '../objects/int.js';
import { Ellipsis, None, NotImplemented } from '../objects/singletons.js';
import { emptyStr, newStr } from '../objects/str.js';
import { emptyBytes } from '../objects/bytes.js';
import { OSError, PyBaseException, RuntimeError, SystemExit, newException, pyErr } from '../objects/exceptions.js';
import type { NativeFunctionDef } from '../objects/native.js';
import { strString } from '../objects/abstract.js';
import { heap } from '../objects/heap.js';
import { generations } from '../gc/track.js';
import { gcState } from '../gc/collector.js';
import { vm, evalLoop, asPyException } from '../vm/eval.js';
import type { Frame } from '../vm/frame.js';
import { interp } from '../vm/imports.js';
import { engineIO, writeErr } from '../vm/io.js';
import { linecache } from '../vm/linecache.js';
import { formatException } from '../vm/traceback.js';
import { ProcessMemory } from '../memory/processMemory.js';
import { running, runningMemory } from '../memory/running.js';
import { runInProcess } from '../memory/objectWrites.js';
import { ProcessControl } from './processControl.js';
import { ProcessTable, SimProcess, exitedStatus, signaledStatus, INIT_PID } from './processTable.js';
import { restoreWorld, snapshotWorld, type WorldSnapshot } from './world.js';
import { registerHostClass, registerWorldState, worldRoots } from './worldRoots.js';

registerWorldState(vm, interp, generations, gcState, engineIO, linecache, None, NotImplemented, Ellipsis, True, False,
  emptyStr, emptyBytes);
registerHostClass(ProcessMemory);

export const SIGABRT = 6;
const EDEADLK = 35;

/** os._exit, or death by a signal: the process ends now, nothing more of it runs. */
export class ProcessExit extends ProcessControl {
  constructor(readonly status: number) {
    super();
  }
}

/** A process that blocked on top of another gives the host stack back (its world is saved). */
class ProcessSuspended extends ProcessControl {}

/** What a process owns besides its memory and its world (its descriptors), kept by the layer
 *  that owns it: told of every fork, switch and exit. */
export interface ProcessResources {
  fork(parent: SimProcess, child: SimProcess): void;
  enter(p: SimProcess): void;
  exit(p: SimProcess): void;
}

const resources: ProcessResources[] = [];

export function registerProcessResources(r: ProcessResources): void {
  resources.push(r);
}

let table: ProcessTable | null = null;

running.others = () => {
  if (!table) return [];
  const t = table;
  return [...t.byPid.values()].filter((p) => p !== t.current && p.state !== 'zombie')
    .map((p) => ({ memory: p.memory, identity: p.identity }));
};

/** The session's processes; a new session (a new memory bound with no process switched in)
 *  starts a new table whose first process is the session's. */
export function processTable(): ProcessTable {
  const mem = runningMemory();
  if (!table || (table.stacked.length === 0 && table.current.memory !== mem)) {
    const { pid, ppid, name } = running.identity;
    table = new ProcessTable(new SimProcess(pid, null, mem, name, ppid));
  }
  return table;
}

export function currentProcess(): SimProcess {
  return processTable().current;
}

function hostObjects(t: ProcessTable): object[] {
  const out: object[] = [running, heap];
  if (engineIO.host) out.push(engineIO.host);
  if (vm.interruptFlag) out.push(vm.interruptFlag);
  for (const p of t.byPid.values()) out.push(p);
  return out;
}

/** The running process's world, saved. What it wrote goes out first, so that output comes in
 *  the order processes wrote it (as with unbuffered streams) and no world keeps pending text. */
function snapshot(t: ProcessTable, alsoOf: SimProcess | null): WorldSnapshot {
  engineIO.flush();
  return snapshotWorld(worldRoots(), alsoOf?.world ?? null, hostObjects(t));
}

/** OSError(errno, strerror): its constructor picks the subclass for the errno. */
export function osError(errno: number, message: string): PyBaseException {
  const n = newInt(errno);
  const m = newStr(message);
  const e = newException(OSError, [n, m]);
  decref(n);
  decref(m);
  return e;
}

// ------------------------------------------------------------------ continuations

/** The object a frame's pending CALL calls (the stack layout of Python/ceval.c's CALL). */
function pendingCallee(frame: Frame): PyObject | null {
  const lasti = frame.lasti;
  const instrs = frame.code.code;
  if (lasti < 0 || instrs[lasti << 1] !== Op.CALL) return null;
  const base = frame.sp - instrs[(lasti << 1) + 1]! - 2;
  return base >= 0 ? frame.stack[base] ?? frame.stack[base + 1] ?? null : null;
}

/** The running process's frame, when the process can be continued later from its frames: its
 *  pending CALL calls a builtin function or method straight from Python code, with no native code
 *  between that frame and the bottom one (host frames cannot be copied or resumed). Natives that
 *  other instructions call (an iterator's next under FOR_ITER) leave no CALL to make again, and
 *  the frame's last CALL is then an older one: the callee's type tells them apart. */
function resumableFrame(): Frame | null {
  const frame = vm.current;
  const callee = frame ? pendingCallee(frame) : null;
  if (!frame || !(callee instanceof PyCFunction || callee instanceof PyMethodDescr)) return null;
  for (let f = frame; f.back; f = f.back) if (f.isEntry) return null;
  return frame;
}

/** The end of a pending CALL: its arguments released, `value` pushed, the next instruction next. */
function finishCall(frame: Frame, value: PyObject): void {
  const base = frame.sp - frame.code.code[(frame.lasti << 1) + 1]! - 2;
  for (let i = base; i < frame.sp; i++) {
    const x = frame.stack[i];
    frame.stack[i] = null;
    if (x) decref(x);
  }
  frame.stack[base] = value;
  frame.sp = base + 1;
  frame.pc = frame.lasti + 1;
}

/** Makes a frame run its pending CALL again (with the keyword names KW_NAMES gave it). */
function restartCall(frame: Frame): void {
  const instrs = frame.code.code;
  frame.pc = frame.lasti;
  frame.kwnames = null;
  for (let i = frame.lasti - 1; i >= 0 && i >= frame.lasti - 2; i--) {
    if (instrs[i << 1] === Op.KW_NAMES) frame.kwnames = frame.code.consts[instrs[(i << 1) + 1]!]!;
  }
}

/** Runs a process from its continuation to its end: the status its parent's wait() reports. */
function runContinuation(p: SimProcess): number {
  const { frame, forkResult } = p.continuation!;
  p.continuation = null;
  if (forkResult === null) restartCall(frame);
  else finishCall(frame, newInt(forkResult));
  try {
    decref(evalLoop(frame, null));
    return programEnd(null);
  } catch (e) {
    if (e instanceof ProcessExit || e instanceof ProcessSuspended) throw e;
    return programEnd(asPyException(e));
  }
}

/** Py_RunMain's end in a child: SystemExit's code or a traceback, then the buffered output. */
function programEnd(exc: PyBaseException | null): number {
  let code = 0;
  if (exc && exc.type.isSubtype(SystemExit)) {
    const items = exc.args.items;
    const arg = items.length === 1 ? items[0]! : items.length ? exc.args : None;
    if (arg instanceof PyInt) code = Number(arg.value);
    else if (arg !== None) {
      writeErr(`${strString(arg)}\n`);
      code = 1;
    }
  } else if (exc) {
    writeErr(formatException(exc).map((line) => (line.endsWith('\n') ? line : `${line}\n`)).join(''));
    code = 1;
  }
  engineIO.flush();
  return exitedStatus(code);
}

// ------------------------------------------------------------------ switching

function enter(t: ProcessTable, p: SimProcess): void {
  engineIO.flush();
  if (p.world) restoreWorld(p.world);
  p.world = null;
  p.state = 'running';
  t.current = p;
  runInProcess(p.memory, heap.profile);
  running.identity = p.identity;
  for (const r of resources) r.enter(p);
}

/** Runs `p` on top of the running process until `p` exits or blocks, then switches back. */
function runOnTop(t: ProcessTable, p: SimProcess): void {
  const below = t.current;
  below.world = snapshot(t, p);
  t.stacked.push(below);
  enter(t, p);
  try {
    exitProcess(t, p, runContinuation(p));
  } catch (e) {
    if (e instanceof ProcessExit) exitProcess(t, p, e.status);
    else if (!(e instanceof ProcessSuspended)) {
      writeErr(`Fatal error in process ${p.pid}: ${e instanceof Error ? e.message : String(e)}\n`);
      exitProcess(t, p, signaledStatus(SIGABRT));
    }
  } finally {
    t.stacked.pop();
    enter(t, below);
  }
}

/** A process's end: it becomes a zombie until its parent waits (an orphan is reaped at once),
 *  its pages and descriptors go back, its children are re-parented to init. */
export function exitProcess(t: ProcessTable, p: SimProcess, status: number): void {
  p.state = 'zombie';
  p.waitStatus = status;
  p.world = null;
  p.continuation = null;
  for (const r of resources) r.exit(p);
  p.memory.exit();
  for (const c of p.children.splice(0)) {
    c.parent = null;
    c.outsidePpid = INIT_PID;
    if (c.state === 'zombie') t.remove(c);
  }
  if (!p.parent) t.remove(p);
}

/** A signal that ended a process below the running one takes effect when it runs again. */
function deliverPendingSignal(p: SimProcess): void {
  if (p.pendingSignal) throw new ProcessExit(signaledStatus(p.pendingSignal));
}

/** os.fork() called through `def`: the child's pid in the parent; the child, when it runs,
 *  sees 0 from the same call. */
export function forkRunning(def: NativeFunctionDef): number {
  const t = processTable();
  const parent = t.current;
  const frame = vm.current;
  const callee = frame ? pendingCallee(frame) : null;
  if (!frame || !(callee instanceof PyCFunction) || callee.def !== def || resumableFrame() !== frame) {
    throw pyErr(RuntimeError,
      'os.fork() must be called from Python code: the simulated child cannot continue native code (a callback, a generator) between the call and the program');
  }
  const child = new SimProcess(t.allocatePid(), parent, parent.memory.fork(), parent.name, INIT_PID);
  t.add(child);
  for (const r of resources) r.fork(parent, child);
  child.world = snapshot(t, null);
  child.continuation = { frame, forkResult: 0 };
  // Pages are shared now: the parent's own writes copy them too.
  runInProcess(parent.memory, heap.profile);
  return child.pid;
}

/**
 * Blocks the running process until `canGoOn()`: the other processes run meanwhile. When the
 * process has to give the host stack back instead, it is continued later by running its pending
 * CALL again, so a blocking call must not change anything before it blocks.
 */
export function blockUntil(canGoOn: () => boolean): void {
  const t = processTable();
  const me = t.current;
  while (!canGoOn()) {
    const next = t.nextReady();
    if (next) {
      runOnTop(t, next);
      deliverPendingSignal(me);
      continue;
    }
    const frame = t.stacked.length > 0 ? resumableFrame() : null;
    if (!frame) throw osError(EDEADLK, 'Resource deadlock avoided');
    me.world = snapshot(t, null);
    me.continuation = { frame, forkResult: null };
    me.canGoOn = canGoOn;
    me.state = 'blocked';
    throw new ProcessSuspended();
  }
}

/** Lets every process that can run do so (until each exits or blocks): a polling call
 *  (waitpid with WNOHANG) is where the others get their turn. */
export function yieldToOthers(): void {
  const t = processTable();
  const me = t.current;
  for (let next = t.nextReady(); next; next = t.nextReady()) {
    runOnTop(t, next);
    deliverPendingSignal(me);
  }
}

/** Ends a process that is not running (kill with a terminating signal); the running process
 *  itself ends at once, one running below it when it runs again. */
export function terminate(p: SimProcess, sig: number): void {
  const t = processTable();
  if (p.state === 'zombie') return;
  if (p === t.current) throw new ProcessExit(signaledStatus(sig));
  if (t.stacked.includes(p)) {
    p.pendingSignal = sig;
    return;
  }
  exitProcess(t, p, signaledStatus(sig));
}

/** The end of the first process's program (or cell): the processes that can still run do, as
 *  they would after their parent exits on a real machine. */
export function runLeftoverProcesses(): void {
  if (table && table.current.memory === running.memory && table.stacked.length === 0) yieldToOthers();
}

/** The exit code a shell sees for a wait status: the code, or 128 plus the signal. */
export function shellExitCode(status: number): number {
  return status & 0x7f ? 128 + (status & 0x7f) : (status >> 8) & 0xff;
}
