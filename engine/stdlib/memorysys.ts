// The sys functions that report the allocator: sys._debugmallocstats() and
// sys.getallocatedblocks(), read from the running process's simulated memory.
import { newref, type PyObject } from '../objects/object.js';
import type { NativeFunctionDef } from '../objects/native.js';
import { None } from '../objects/singletons.js';
import { newInt } from '../objects/int.js';
import { runningMemory } from '../memory/running.js';
import { runningFiles } from '../os/files.js';
import { VfsError } from '../os/vfsErrors.js';

// Python/sysmodule.c sys__debugmallocstats: the report goes to the C-level stderr, descriptor 2,
// wherever the process pointed it (os.dup2 to a file captures it); fprintf's failures are ignored.
function debugMallocStats(): PyObject {
  const report = runningMemory().debugMallocStats();
  const fds = runningFiles().fds;
  try {
    if (fds.has(2)) fds.get(2).write(new TextEncoder().encode(report));
  } catch (e) {
    if (!(e instanceof VfsError)) throw e;
  }
  return newref(None);
}

export const sysMemoryFunctions: NativeFunctionDef[] = [
  { name: '_debugmallocstats', code: { kind: 'noargs', fn: debugMallocStats } },
  { name: 'getallocatedblocks', code: { kind: 'noargs', fn: () => newInt(runningMemory().allocatedBlocks()) } },
];
