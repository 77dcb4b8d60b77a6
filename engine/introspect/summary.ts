// How an introspection report names one object: type, address, size and a short repr. Reprs run
// the object's own __repr__, so a failing one is shown as CPython's fallback form, not raised.
import type { ObjectSummary } from '../api.js';
import { decref, type PyObject } from '../objects/object.js';
import { PyBaseException } from '../objects/exceptions.js';
import { PyInt } from '../objects/int.js';
import { None } from '../objects/singletons.js';
import { reprString } from '../objects/abstract.js';
import { getsizeof } from '../stdlib/sys.js';
import { PyList } from '../objects/list.js';
import { PyTuple } from '../objects/tuple.js';
import { PyDict } from '../objects/dict.js';
import { PySet } from '../objects/set.js';

const REPR_LIMIT = 60;

/** Drops a Python exception raised while describing an object. */
function swallow(e: unknown): void {
  if (!(e instanceof PyBaseException)) throw e;
  decref(e);
}

/** Containers past this many items are named by their length: their repr would be built whole. */
const REPR_ITEMS = 100;

function itemCount(o: PyObject): number {
  if (o instanceof PyList || o instanceof PyTuple) return o.items.length;
  if (o instanceof PyDict || o instanceof PySet) return o.used;
  return 0;
}

export function shortRepr(o: PyObject, limit = REPR_LIMIT): string {
  const items = itemCount(o);
  if (items > REPR_ITEMS) return `<${o.type.name} of ${items} items>`;
  let text: string;
  try {
    text = reprString(o);
  } catch (e) {
    swallow(e);
    text = `<${o.type.name} object at 0x${o.addr.toString(16)}>`;
  }
  return text.length > limit ? `${text.slice(0, limit - 3)}...` : text;
}

/** sys.getsizeof(o), or 0 for an object whose __sizeof__ fails. */
export function sizeOf(o: PyObject): number {
  try {
    const r = getsizeof(None, [o]);
    const n = r instanceof PyInt ? Number(r.value) : 0;
    decref(r);
    return n;
  } catch (e) {
    swallow(e);
    return 0;
  }
}

export function summarize(o: PyObject): ObjectSummary {
  return { type: o.type.name, address: o.addr, size: sizeOf(o), repr: shortRepr(o) };
}
