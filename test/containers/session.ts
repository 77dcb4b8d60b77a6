// The object model bound to a fresh simulated process, for container tests that call native
// code directly (before a whole program can run).
import '../../engine/objects/index.js';
import type { PyObject } from '../../engine/objects/object.js';
import { TypeFlags } from '../../engine/objects/type.js';
import { call, callMethod, reprString } from '../../engine/objects/abstract.js';
import { newInt } from '../../engine/objects/int.js';
import { newStr } from '../../engine/objects/str.js';

export { bindFreshProcess, raised } from '../strings/session.js';

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
