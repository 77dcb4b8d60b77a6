// The sys functions that report the allocator: sys._debugmallocstats() and
// sys.getallocatedblocks(), read from the running process's simulated memory.
import { newref, type PyObject } from '../objects/object.js';
import type { NativeFunctionDef } from '../objects/native.js';
import { None } from '../objects/singletons.js';
import { newInt } from '../objects/int.js';
import { runningMemory } from '../memory/running.js';
import { writeErr } from '../vm/io.js';

// Python/sysmodule.c sys__debugmallocstats: the report goes to the C-level stderr.
function debugMallocStats(): PyObject {
  writeErr(runningMemory().debugMallocStats());
  return newref(None);
}

export const sysMemoryFunctions: NativeFunctionDef[] = [
  { name: '_debugmallocstats', code: { kind: 'noargs', fn: debugMallocStats } },
  { name: 'getallocatedblocks', code: { kind: 'noargs', fn: () => newInt(runningMemory().allocatedBlocks()) } },
];
