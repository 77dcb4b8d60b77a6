// _multiprocessing.SemLock (Modules/_multiprocessing/semaphore.c): a POSIX named semaphore that
// every simulated process shares. The semaphore's value is kernel state, kept in a host object
// outside every process's world (one SemaphoreState seen by parent and children alike); the
// count of acquisitions by this process (what makes a recursive mutex "mine") lives in the
// Python object, so a forked child inherits it by value as it inherits the C struct.
// A blocking acquire lets the other processes run until the semaphore can be taken; a timeout
// that expires with nothing to wait for moves the virtual clock to the deadline.
import { PyObject, decref, newref } from '../objects/object.js';
import { TypeFlags, type PyType } from '../objects/type.js';
import { defineType } from '../objects/define.js';
import { allocObject, allocStatic, freeObject } from '../objects/heap.js';
import { None } from '../objects/singletons.js';
import { AssertionError, pyErr, typeError, valueError } from '../objects/exceptions.js';
import { asIndex } from '../objects/abstract.js';
import { asDouble } from '../objects/float.js';
import { PyInt, intType, newBool, newInt } from '../objects/int.js';
import { PyStr, newStr } from '../objects/str.js';
import { newDict, dictSetStr } from '../objects/dict.js';
import { unpackArgs, type ParamSpec } from '../objects/args.js';
import { runningMemory } from '../memory/running.js';
import { blockUntil, osError, processTable } from '../os/processSwitch.js';
import { monotonicNs, sleepFor } from '../os/clock.js';
import { registerHostClass } from '../os/worldRoots.js';
import type { NativeModuleDef } from './moduledef.js';

const RECURSIVE_MUTEX = 0;
const SEMAPHORE = 1;
/** SEM_VALUE_MAX of glibc: INT_MAX */
const SEM_VALUE_MAX = 2147483647;
/** sizeof(SemLockObject): header, handle, last_tid, count, maxvalue, kind, name */
const SEMLOCK_SIZE = 56;
/** glibc's sem_open maps the semaphore file (a 32-byte sem_t) with one shared page. */
const SEM_MAPPING = 4096;
/** sizeof(sem_t) on x86-64 glibc */
const SEM_T_SIZE = 32;

const EEXIST = 17;
const ENOENT = 2;
const EINVAL = 22;
const ENOMEM = 12;

/** The kernel's side of a semaphore: its value, seen by every process. */
export class SemaphoreState {
  constructor(public value: number) {}
}
registerHostClass(SemaphoreState);

/** The names of semaphores not yet unlinked (the files of /dev/shm/sem.*), machine-wide. */
const named = new Map<string, SemaphoreState>();

class PySemLock extends PyObject {
  state!: SemaphoreState;
  handle = 0;
  kind = SEMAPHORE;
  maxvalue = 1;
  /** Acquisitions by this process not yet released. */
  count = 0;
  name: string | null = null;
}

function self(o: PyObject): PySemLock {
  return o as PySemLock;
}

/** ISMINE: held by the calling thread. Threads are not simulated, so a process's one thread. */
function isMine(s: PySemLock): boolean {
  return s.count > 0;
}

function newSemLock(type: PyType, state: SemaphoreState, kind: number, maxvalue: number, name: string | null, mapName: string): PySemLock {
  const handle = runningMemory().mmapShared(SEM_MAPPING, mapName);
  if (handle === 0) throw osError(ENOMEM, 'Cannot allocate memory');
  const s = new PySemLock(type);
  allocObject(s, type.basicsize);
  s.state = state;
  s.kind = kind;
  s.maxvalue = maxvalue;
  s.name = name;
  s.handle = handle;
  return s;
}

const NEW_PARAMS: ParamSpec = { fname: 'SemLock', names: ['kind', 'value', 'maxvalue', 'name', 'unlink'], required: 5 };

// _multiprocessing_SemLock_impl: sem_open(name, O_CREAT | O_EXCL), unlinked at once when asked.
function semLockNew(type: PyType, args: PyObject[], kwnames: readonly string[] | null): PyObject {
  const [kindArg, valueArg, maxArg, nameArg, unlinkArg] = unpackArgs(NEW_PARAMS, args, kwnames) as PyObject[];
  const kind = asIndex(kindArg!);
  const value = asIndex(valueArg!);
  const maxvalue = asIndex(maxArg!);
  if (!(nameArg instanceof PyStr)) throw typeError(`SemLock() argument 'name' must be str, not ${nameArg === None ? 'None' : nameArg!.type.name}`);
  const unlink = asIndex(unlinkArg!) !== 0;
  if (kind !== RECURSIVE_MUTEX && kind !== SEMAPHORE) throw valueError('unrecognized kind');
  const name = nameArg.value;
  if (named.has(name)) throw osError(EEXIST, 'File exists');
  if (value < 0 || value > SEM_VALUE_MAX) throw osError(EINVAL, 'Invalid argument');
  const state = new SemaphoreState(value);
  const file = `/dev/shm/sem.${name.replace(/^\//, '')}`;
  if (!unlink) named.set(name, state);
  return newSemLock(type, state, kind, maxvalue, unlink ? null : name, unlink ? `${file} (deleted)` : file);
}

const ACQUIRE_PARAMS: ParamSpec = { fname: 'acquire', names: ['block', 'timeout'] };

/** Moves the clock on to `deadlineNs` if it is not there yet. */
function passTimeUntil(deadlineNs: number): void {
  const left = deadlineNs - monotonicNs();
  if (left > 0) sleepFor(left);
}

/**
 * sem_timedwait: the other processes run until the semaphore is free or the time is up. With
 * nothing else able to run, a process at the bottom of the host stack lets its time run out at
 * once; one running on top of another gives the stack back and, unless something releases the
 * semaphore first, is woken by the scheduler when every process waits (ProcessTable.nextReady).
 * Its pending CALL is then made again, which finds the deadline on the process.
 */
function timedWait(state: SemaphoreState, timeoutNs: number): void {
  const table = processTable();
  const me = table.current;
  const deadlineNs = me.timedWait?.deadlineNs ?? monotonicNs() + timeoutNs;
  me.timedWait = { deadlineNs, passTime: () => passTimeUntil(deadlineNs) };
  const stuckAtBottom = (): boolean => table.current === me && table.stacked.length === 0 && table.nextReady() === null;
  try {
    blockUntil(() => state.value > 0 || monotonicNs() >= deadlineNs || stuckAtBottom());
  } finally {
    // A process that gave the stack back keeps its deadline for the call made again.
    if (me.state !== 'blocked') me.timedWait = null;
  }
  if (state.value === 0) passTimeUntil(deadlineNs);
}

// _multiprocessing_SemLock_acquire_impl: sem_trywait, then sem_wait or sem_timedwait.
function acquire(o: PyObject, args: PyObject[], kwnames: readonly string[] | null): PyObject {
  const s = self(o);
  const [blockArg, timeoutArg] = unpackArgs(ACQUIRE_PARAMS, args, kwnames);
  const blocking = blockArg === undefined || asIndex(blockArg) !== 0;
  if (s.kind === RECURSIVE_MUTEX && isMine(s)) {
    s.count++;
    return newBool(true);
  }
  let timeoutNs: number | null = null;
  if (timeoutArg !== undefined && timeoutArg !== None) {
    timeoutNs = Math.max(0, Math.ceil(asDouble(timeoutArg) * 1e9));
  }
  const state = s.state;
  touchSemaphore(s);
  if (state.value === 0 && blocking) {
    if (timeoutNs === null) blockUntil(() => state.value > 0);
    else timedWait(state, timeoutNs);
  }
  if (state.value === 0) return newBool(false);
  state.value--;
  s.count++;
  return newBool(true);
}

/** sem_trywait and sem_post update the sem_t in its shared page: resident from the first use. */
function touchSemaphore(s: PySemLock): void {
  runningMemory().writeShared(s.handle, SEM_T_SIZE);
}

// _multiprocessing_SemLock_release_impl
function release(o: PyObject): PyObject {
  const s = self(o);
  if (s.kind === RECURSIVE_MUTEX) {
    if (!isMine(s)) throw pyErr(AssertionError, 'attempt to release recursive lock not owned by thread');
    if (s.count > 1) {
      s.count--;
      return newref(None);
    }
  } else if (s.state.value >= s.maxvalue) {
    throw valueError('semaphore or lock released too many times');
  }
  touchSemaphore(s);
  s.state.value++;
  s.count--;
  return newref(None);
}

const REBUILD_PARAMS: ParamSpec = { fname: '_rebuild', names: ['handle', 'kind', 'maxvalue', 'name'], required: 4 };

// _multiprocessing_SemLock__rebuild_impl: sem_open of an existing name (a spawned child's copy).
function rebuild(cls: PyObject, args: PyObject[], kwnames: readonly string[] | null): PyObject {
  const [, kindArg, maxArg, nameArg] = unpackArgs(REBUILD_PARAMS, args, kwnames) as PyObject[];
  const name = nameArg === None ? null : (nameArg as PyStr).value;
  const state = name === null ? undefined : named.get(name);
  if (!state) throw osError(ENOENT, 'No such file or directory');
  return newSemLock(cls as PyType, state, asIndex(kindArg!), asIndex(maxArg!), name, `/dev/shm/sem.${name!.replace(/^\//, '')}`);
}

function member(get: (s: PySemLock) => PyObject): { get: (o: PyObject) => PyObject } {
  return { get: (o) => get(self(o)) };
}

/** SemLock.SEM_VALUE_MAX: a class attribute, made when the type is readied (before any heap). */
function staticValueMax(): PyInt {
  const o = new PyInt(intType, SEM_VALUE_MAX);
  allocStatic(o, 32);
  return o;
}

const semLockType: PyType = defineType({
  name: '_multiprocessing.SemLock',
  flags: TypeFlags.BASETYPE,
  layout: { basicsize: SEMLOCK_SIZE },
  doc: 'Semaphore/Mutex type',
  slots: {
    tp_new: semLockNew,
    tp_dealloc: (o) => {
      const s = self(o);
      if (s.handle) runningMemory().munmapShared(s.handle, SEM_MAPPING);
      freeObject(o);
    },
  },
  methods: {
    acquire: { code: { kind: 'fastkw', fn: acquire }, doc: 'Acquire the semaphore/lock.' },
    release: { code: { kind: 'noargs', fn: release }, doc: 'Release the semaphore/lock.' },
    __enter__: { code: { kind: 'noargs', fn: (o) => acquire(o, [], null) }, doc: 'Enter the semaphore/lock.' },
    __exit__: { code: { kind: 'fast', fn: (o) => release(o) }, doc: 'Exit the semaphore/lock.' },
    _count: { code: { kind: 'noargs', fn: (o) => newInt(self(o).count) }, doc: 'Num of `acquire()`s minus num of `release()`s for this process.' },
    _is_mine: { code: { kind: 'noargs', fn: (o) => newBool(isMine(self(o))) }, doc: 'Whether the lock is owned by this thread.' },
    _get_value: { code: { kind: 'noargs', fn: (o) => newInt(self(o).state.value) }, doc: 'Get the value of the semaphore.' },
    _is_zero: { code: { kind: 'noargs', fn: (o) => newBool(self(o).state.value === 0) }, doc: 'Return whether semaphore has value zero.' },
    _after_fork: { code: { kind: 'noargs', fn: (o) => ((self(o).count = 0), newref(None)) }, doc: 'Rezero the net acquisition count after fork().' },
  },
  classMethods: {
    _rebuild: { kind: 'fastkw', fn: rebuild },
  },
  getsets: {
    handle: member((s) => newInt(s.handle)),
    kind: member((s) => newInt(s.kind)),
    maxvalue: member((s) => newInt(s.maxvalue)),
    name: member((s) => (s.name === null ? newref(None) : newStr(s.name))),
  },
  attributes: () => ({ SEM_VALUE_MAX: staticValueMax() }),
});

// _multiprocessing_sem_unlink_impl
function semUnlink(_m: PyObject, nameArg: PyObject): PyObject {
  if (!(nameArg instanceof PyStr)) throw typeError(`sem_unlink() argument must be str, not ${nameArg.type.name}`);
  if (!named.delete(nameArg.value)) throw osError(ENOENT, 'No such file or directory');
  return newref(None);
}

function flags(): PyObject {
  const d = newDict();
  for (const k of ['HAVE_SEM_OPEN', 'HAVE_SEM_TIMEDWAIT']) {
    const key = newStr(k);
    const one = newInt(1);
    dictSetStr(d, key, one);
    decref(key);
    decref(one);
  }
  return d;
}

export const multiprocessingModule: NativeModuleDef = {
  name: '_multiprocessing',
  functions: [{ name: 'sem_unlink', code: { kind: 'o', fn: semUnlink } }],
  attributes: () => ({ SemLock: newref(semLockType), flags: flags() }),
};
