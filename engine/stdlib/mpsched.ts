// The scheduling hooks multiprocessing (engine/stdlib/python/multiprocessing) needs from the
// simulated OS, which CPython gets from select(2) and threads: whether a pipe can be read without
// blocking, a wait for one of several pipes, and a turn for the other processes.
import { asIndex, collect, newNone } from '../objects/abstract.js';
import { decref, type PyObject } from '../objects/object.js';
import { newBool } from '../objects/int.js';
import type { NativeFunctionDef } from '../objects/native.js';
import { runningFiles } from '../os/files.js';
import { PipeEnd } from '../os/processPipe.js';
import { blockUntil, yieldToOthers } from '../os/processSwitch.js';
import { syscall } from './posix/pathargs.js';
import type { NativeModuleDef } from './moduledef.js';

/** select(2)'s readability: a read of `fd` would not block (data, or end of file). */
function isReadable(fd: number): boolean {
  const file = syscall(() => runningFiles().fds.get(fd));
  return !(file instanceof PipeEnd) || file.pipe.data.length > 0 || !file.pipe.writerOpen;
}

/** Blocks until one of a sequence of descriptors is readable; the other processes run meanwhile. */
function waitReadable(_m: PyObject, seq: PyObject): PyObject {
  const fds = collect(seq).map((item) => {
    const fd = asIndex(item);
    decref(item);
    return fd;
  });
  for (const fd of fds) isReadable(fd);
  blockUntil(() => fds.some((fd) => isReadable(fd)));
  return newNone();
}

const functions: NativeFunctionDef[] = [
  { name: 'readable', code: { kind: 'o', fn: (_m, fd) => newBool(isReadable(asIndex(fd))) } },
  { name: 'wait_readable', code: { kind: 'o', fn: waitReadable } },
  { name: 'yield_to_others', code: { kind: 'noargs', fn: () => (yieldToOthers(), newNone()) } },
];

export const mpschedModule: NativeModuleDef = {
  name: '_mpsched',
  functions,
  attributes: () => ({}),
};
