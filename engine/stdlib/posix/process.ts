// The process calls of the posix module (Modules/posixmodule.c): fork, wait, waitpid, _exit,
// getpid, getppid, kill and the wait-status macros, over the simulated processes of engine/os.
import type { PyObject } from '../../objects/object.js';
import { newInt, newBool } from '../../objects/int.js';
import { newTuple } from '../../objects/tuple.js';
import { asIndex, newNone } from '../../objects/abstract.js';
import { unpackArgs } from '../../objects/args.js';
import { checkPositional } from '../../objects/argcheck.js';
import { valueError } from '../../objects/exceptions.js';
import type { NativeFunctionDef } from '../../objects/native.js';
import {
  ProcessExit, blockUntil, currentProcess, forkRunning, osError, processTable, terminate, yieldToOthers,
} from '../../os/processSwitch.js';
import { exitedStatus, type SimProcess } from '../../os/processTable.js';
import { openPipe } from '../../os/processPipe.js';
import { VfsError } from '../../os/vfsErrors.js';

export const WNOHANG = 1;
const ECHILD = 10;
const ESRCH = 3;
const EINVAL = 22;
/** The signals whose default action leaves the process alone (signal(7)). */
const IGNORED_BY_DEFAULT = new Set([17, 18, 23, 28]);
/** SIGSTOP, SIGTSTP, SIGTTIN, SIGTTOU: stopping a process is not simulated. */
const STOP_SIGNALS = new Set([19, 20, 21, 22]);
const NSIG = 65;

/** An int argument of one of the status macros (they take `status` by keyword too). */
function statusArg(fname: string, args: PyObject[], kwnames: readonly string[] | null): number {
  return asIndex(unpackArgs({ fname, names: ['status'], required: 1 }, args, kwnames)[0]!);
}

function statusMacro(name: string, value: (status: number) => PyObject): NativeFunctionDef {
  return { name, code: { kind: 'fastkw', fn: (_m, args, kw) => value(statusArg(name, args, kw)) } };
}

// <sys/wait.h>, glibc's bits/waitstatus.h
const termSig = (s: number): number => s & 0x7f;
const exitStatus = (s: number): number => (s >> 8) & 0xff;
const ifExited = (s: number): boolean => termSig(s) === 0;
const ifSignaled = (s: number): boolean => ((termSig(s) + 1) << 24 >> 25) > 0;
const ifStopped = (s: number): boolean => (s & 0xff) === 0x7f;

/** waitstatus_to_exitcode: the exit code, or minus the signal that ended the process. */
function waitstatusToExitcode(status: number): PyObject {
  if (ifExited(status)) return newInt(exitStatus(status));
  if (ifSignaled(status)) return newInt(-termSig(status));
  if (ifStopped(status)) throw valueError(`process stopped by delivery of signal ${exitStatus(status)}`);
  throw valueError(`invalid wait status: ${status}`);
}

/** The children `pid` names (waitpid's -1 for any), or ECHILD when there is none. */
function waitable(me: SimProcess, pid: number): SimProcess[] {
  const kids = pid === -1 ? me.children : me.children.filter((c) => c.pid === pid);
  if (kids.length === 0) throw osError(ECHILD, 'No child processes');
  return kids;
}

function zombieOf(me: SimProcess, pid: number): SimProcess | null {
  return waitable(me, pid).find((c) => c.state === 'zombie') ?? null;
}

/** Reaps a zombie child: (pid, status), and the child is gone from the table. */
function reap(z: SimProcess): PyObject {
  processTable().remove(z);
  return newTuple([newInt(z.pid), newInt(z.waitStatus)]);
}

function waitFor(pid: number, options: number): PyObject {
  const me = currentProcess();
  let z = zombieOf(me, pid);
  if (z) return reap(z);
  if (options & WNOHANG) {
    yieldToOthers();
    z = zombieOf(me, pid);
    return z ? reap(z) : newTuple([newInt(0), newInt(0)]);
  }
  blockUntil(() => zombieOf(me, pid) !== null);
  return reap(zombieOf(me, pid)!);
}

const forkDef: NativeFunctionDef = {
  name: 'fork',
  code: { kind: 'noargs', fn: () => newInt(forkRunning(forkDef)) },
  doc: 'fork($module, /)\n--\n\nFork a child process.\n\nReturn 0 to child process and PID of child to parent process.',
};

function waitpid(_m: PyObject, args: PyObject[]): PyObject {
  checkPositional('waitpid', args.length, 2, 2);
  return waitFor(asIndex(args[0]!), asIndex(args[1]!));
}

function kill(_m: PyObject, args: PyObject[]): PyObject {
  checkPositional('kill', args.length, 2, 2);
  const pid = asIndex(args[0]!);
  const sig = asIndex(args[1]!);
  if (sig < 0 || sig >= NSIG || STOP_SIGNALS.has(sig)) throw osError(EINVAL, 'Invalid argument');
  const target = processTable().byPid.get(pid);
  if (!target) throw osError(ESRCH, 'No such process');
  if (sig !== 0 && !IGNORED_BY_DEFAULT.has(sig)) terminate(target, sig);
  return newNone();
}

function pipe(): PyObject {
  try {
    const [r, w] = openPipe();
    return newTuple([newInt(r), newInt(w)]);
  } catch (e) {
    throw e instanceof VfsError ? osError(e.errno, e.message) : e;
  }
}

export const processFunctions: NativeFunctionDef[] = [
  forkDef,
  { name: 'wait', code: { kind: 'noargs', fn: () => waitFor(-1, 0) } },
  { name: 'waitpid', code: { kind: 'fast', fn: waitpid } },
  {
    name: '_exit',
    code: {
      kind: 'fastkw',
      fn: (_m, args, kw) => {
        throw new ProcessExit(exitedStatus(asIndex(unpackArgs({ fname: '_exit', names: ['status'], required: 1 }, args, kw)[0]!)));
      },
    },
  },
  { name: 'getpid', code: { kind: 'noargs', fn: () => newInt(currentProcess().pid) } },
  { name: 'getppid', code: { kind: 'noargs', fn: () => newInt(currentProcess().ppid) } },
  { name: 'kill', code: { kind: 'fast', fn: kill } },
  { name: 'pipe', code: { kind: 'noargs', fn: pipe } },
  statusMacro('waitstatus_to_exitcode', waitstatusToExitcode),
  statusMacro('WIFEXITED', (s) => newBool(ifExited(s))),
  statusMacro('WEXITSTATUS', (s) => newInt(exitStatus(s))),
  statusMacro('WIFSIGNALED', (s) => newBool(ifSignaled(s))),
  statusMacro('WTERMSIG', (s) => newInt(termSig(s))),
  statusMacro('WIFSTOPPED', (s) => newBool(ifStopped(s))),
  statusMacro('WSTOPSIG', (s) => newInt(exitStatus(s))),
];

/** WNOHANG and the signal numbers kill needs (the `signal` module has the rest). */
export function processConstants(): Record<string, PyObject> {
  return { WNOHANG: newInt(WNOHANG) };
}
