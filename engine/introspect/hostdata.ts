// Python values as host data, for magics that ask Python for numbers (cache_info, tracemalloc
// statistics): the JSON-like types map across, anything else is its repr.
import type { HostData } from '../api.js';
import type { PyObject } from '../objects/object.js';
import { PyInt, True, False } from '../objects/int.js';
import { PyFloat } from '../objects/float.js';
import { PyStr } from '../objects/str.js';
import { PyList } from '../objects/list.js';
import { PyTuple } from '../objects/tuple.js';
import { PyDict, dictItems } from '../objects/dict.js';
import { None } from '../objects/singletons.js';
import { shortRepr } from './summary.js';

const MAX_DEPTH = 32;

export function hostData(o: PyObject, depth = 0): HostData {
  if (depth > MAX_DEPTH) return shortRepr(o);
  if (o === None) return null;
  if (o === True || o === False) return o === True;
  if (o instanceof PyInt) return Number.isSafeInteger(Number(o.value)) ? Number(o.value) : o.value.toString();
  if (o instanceof PyFloat) return o.value;
  if (o instanceof PyStr) return o.value;
  if (o instanceof PyList || o instanceof PyTuple) return o.items.map((x) => hostData(x, depth + 1));
  if (o instanceof PyDict) {
    const out: { [key: string]: HostData } = {};
    for (const [k, v] of dictItems(o)) out[k instanceof PyStr ? k.value : shortRepr(k)] = hostData(v, depth + 1);
    return out;
  }
  return shortRepr(o, 200);
}
