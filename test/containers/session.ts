// The object model bound to a fresh simulated process, for container tests that call native
// code directly (before a whole program can run).
import '../../engine/objects/index.js';
import { bindProcess } from '../../engine/objects/heap.js';
import { ProcessMemory } from '../../engine/memory/index.js';
import { profileFor } from '../../engine/profiles/index.js';
import { applyLayouts } from '../../engine/objects/define.js';
import { PyBaseException } from '../../engine/objects/exceptions.js';
import type { PyObject } from '../../engine/objects/object.js';
import { TypeFlags } from '../../engine/objects/type.js';
import { call, callMethod, reprString, strString } from '../../engine/objects/abstract.js';
import { newInt } from '../../engine/objects/int.js';
import { newStr } from '../../engine/objects/str.js';

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

/** Python values from JS ones: numbers become ints, strings become strs. */
export function py(v: number | string | PyObject): PyObject {
  if (typeof v === 'number') return newInt(v);
  if (typeof v === 'string') return newStr(v);
  return v;
}

export const r = reprString;

/** sys.getsizeof: __sizeof__ plus the GC header for GC types. */
export function getsizeof(o: PyObject): number {
  const s = callMethod(o, '__sizeof__', []) as PyObject & { value: number };
  return s.value + ((o.type.flags & TypeFlags.HAVE_GC) !== 0 ? 16 : 0);
}

export { call, callMethod };
