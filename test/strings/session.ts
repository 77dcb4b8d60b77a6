// The object model bound to a fresh simulated process, for tests that call native code directly.
import '../../engine/objects/index.js';
import { bindProcess } from '../../engine/objects/heap.js';
import { ProcessMemory } from '../../engine/memory/index.js';
import { profileFor } from '../../engine/profiles/index.js';
import { applyLayouts } from '../../engine/objects/define.js';
import { PyBaseException } from '../../engine/objects/exceptions.js';
import { strString } from '../../engine/objects/abstract.js';

export function bindFreshProcess(version = '3.11'): ProcessMemory {
  const memory = new ProcessMemory();
  const profile = profileFor(version);
  bindProcess(memory, profile);
  applyLayouts(profile);
  return memory;
}

/** "TypeName: message" of the Python exception `fn` raises. */
export function raised(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof PyBaseException) {
      const msg = strString(e);
      return msg ? `${e.type.name}: ${msg}` : e.type.name;
    }
    throw e;
  }
  throw new Error('no exception was raised');
}
