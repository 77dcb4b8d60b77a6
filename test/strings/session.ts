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

import type { PyObject } from '../../engine/objects/object.js';
import { PyStr, newStr } from '../../engine/objects/str.js';
import { PyInt, newInt, newBool, boolType } from '../../engine/objects/int.js';
import { PyFloat, newFloat } from '../../engine/objects/float.js';
import { floatRepr as floatReprText } from '../../engine/objects/dtoa.js';
import { None } from '../../engine/objects/singletons.js';
import { PyTuple, newTuple } from '../../engine/objects/tuple.js';
import { newDict, dictSetItem } from '../../engine/objects/dict.js';
import { newList } from '../../engine/objects/list.js';
import { PyBytes, newBytes } from '../../engine/objects/bytes.js';
import { PyByteArray, byteArrayBytes, newByteArray } from '../../engine/objects/bytearray.js';
import { fromLatin1, latin1 } from '../../engine/objects/unicode/latin1.js';

/** A JS value as a Python object: arrays become tuples, {list}, {dict: [[k, v]...]}, {b}, {ba} and
 *  {float} the objects they name. */
export function toPy(v: unknown): PyObject {
  if (v === null) return None;
  if (typeof v === 'string') return newStr(v);
  if (typeof v === 'boolean') return newBool(v);
  if (typeof v === 'number') return Number.isInteger(v) ? newInt(v) : newFloat(v);
  if (Array.isArray(v)) return newTuple(v.map(toPy));
  const tagged = v as { b?: string; ba?: string; float?: string; list?: unknown[] };
  if (tagged.list !== undefined) return newList(tagged.list.map(toPy));
  if (tagged.float !== undefined) return newFloat(Number(tagged.float.replace('inf', 'Infinity')));
  if (tagged.b !== undefined) return newBytes(fromLatin1(tagged.b));
  if (tagged.ba !== undefined) return newByteArray(fromLatin1(tagged.ba));
  const pairs = (v as { dict: [unknown, unknown][] }).dict;
  const d = newDict();
  for (const [k, x] of pairs) dictSetItem(d, toPy(k), toPy(x));
  return d;
}

/** A Python result as a JS value (sequences as arrays). */
export function fromPy(o: PyObject): unknown {
  if (o === None) return null;
  if (o instanceof PyStr) return o.value;
  if (o instanceof PyInt) return o.type === boolType ? o.value === 1 : Number(o.value);
  if (o instanceof PyFloat) return { float: floatReprText(o.value) };
  if (o instanceof PyTuple) return o.items.map(fromPy);
  if (o instanceof PyBytes) return { b: latin1(o.data) };
  if (o instanceof PyByteArray) return { ba: latin1(byteArrayBytes(o)) };
  const items = (o as { items?: PyObject[] }).items;
  if (Array.isArray(items)) return items.map(fromPy);
  throw new Error(`no JS form for ${o.type.name}`);
}
