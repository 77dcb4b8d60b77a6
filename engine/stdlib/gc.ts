// The gc module (Modules/gcmodule.c of 3.11) over the engine's cycle collector, and the hooks
// that connect the collector to the object model: weak references, tuple and dict untracking,
// sys.stderr for the DEBUG_* output, gc.garbage, gc.callbacks and the free lists.
import { PyGCObject, PyObject, decref, incref, newref } from '../objects/object.js';
import type { NativeFunctionDef } from '../objects/native.js';
import { PyType, TypeFlags } from '../objects/type.js';
import { heap } from '../objects/heap.js';
import { unpackArgs } from '../objects/args.js';
import { call, getAttrOrNull, index } from '../objects/abstract.js';
import { None } from '../objects/singletons.js';
import { PyBaseException, overflowError, typeError, valueError } from '../objects/exceptions.js';
import { PyInt, newBool, newInt } from '../objects/int.js';
import { newStr } from '../objects/str.js';
import { PyFloat } from '../objects/float.js';
import { newTuple, tupleMaybeUntrack } from '../objects/tuple.js';
import { PyList, listAppend, newList } from '../objects/list.js';
import { PyDict, dictGetStr, dictMaybeUntrack, dictSetItem, newDict } from '../objects/dict.js';
import { PyWeakref, clearRef, weakrefsTo } from '../objects/weakref.js';
import { instanceHooks } from '../objects/instance.js';
import { generations } from '../gc/track.js';
import {
  DEBUG_COLLECTABLE, DEBUG_LEAK, DEBUG_SAVEALL, DEBUG_STATS, DEBUG_UNCOLLECTABLE, collect, freeze, freezeCount,
  gcState, isFinalized, isTrackedObject, objectsOf, onGCFree, resetCollector, unfreeze, type CollectorHooks,
} from '../gc/collector.js';
import type { Profile } from '../profiles/index.js';
import type { FreeListKind } from '../profiles/memory.js';
import { interp } from '../vm/imports.js';
import { engineIO, writeErr } from '../vm/io.js';
import { registerWorldState } from '../os/worldRoots.js';

const NUM_GENERATIONS = 3;

/** The interpreter's gc.garbage and gc.callbacks: the lists the collector uses even when the
 *  module attributes are rebound. */
const lists = { garbage: null as PyList | null, callbacks: null as PyList | null };
registerWorldState(lists);

/** Free lists whose blocks are not GC objects: freeing them is PyObject_Free, not PyObject_GC_Del. */
const PLAIN_FREE_LISTS: ReadonlySet<FreeListKind> = new Set(['float', 'dictKeys']);

interface FreeListOwner {
  clearFreeLists(release: (kind: FreeListKind, item: unknown) => void): void;
}

/** PySys_WriteStderr: through sys.stderr's write(), the engine's stream written directly. */
function writeStderr(text: string): void {
  const sys = interp.modules ? dictGetStr(interp.modules, 'sys') : null;
  const stream = sys ? getAttrOrNull(sys, 'stderr') : null;
  if (!stream || stream === None) {
    if (stream) decref(stream);
    writeErr(text);
    return;
  }
  try {
    const direct = engineIO.directWriter(stream);
    if (direct) {
      direct(text);
      return;
    }
    const write = getAttrOrNull(stream, 'write');
    if (!write) return;
    const s = newStr(text);
    try {
      decref(call(write, [s]));
    } catch (e) {
      // PySys_WriteStderr drops the error: debug output never raises.
      if (!(e instanceof PyBaseException)) throw e;
      decref(e);
    } finally {
      decref(s);
      decref(write);
    }
  } finally {
    decref(stream);
  }
}

/** PyErr_WriteUnraisable(where) for an exception a callback raised. */
function unraisable(e: unknown, where: PyObject): void {
  if (!(e instanceof PyBaseException)) throw e;
  instanceHooks.unraisable(e, where);
  decref(e);
}

/** A dict of str keys and int values, in the given order. */
function intDict(entries: Record<string, number>): PyDict {
  const d = newDict();
  for (const [k, v] of Object.entries(entries)) {
    const key = newStr(k);
    const value = newInt(v);
    dictSetItem(d, key, value);
    decref(key);
    decref(value);
  }
  return d;
}

// Modules/gcmodule.c invoke_gc_callback: each callback called with the phase and one info dict.
function invokeCallbacks(phase: 'start' | 'stop', generation: number, collected: number, uncollectable: number): void {
  const callbacks = lists.callbacks;
  if (!callbacks || callbacks.items.length === 0) return;
  const info = intDict({ generation, collected, uncollectable });
  const phaseStr = newStr(phase);
  for (let i = 0; i < callbacks.items.length; i++) {
    const cb = newref(callbacks.items[i]!);
    try {
      decref(call(cb, [phaseStr, info]));
    } catch (e) {
      unraisable(e, cb);
    } finally {
      decref(cb);
    }
  }
  decref(phaseStr);
  decref(info);
}

// Python/gc clear_freelists (_PyGC_ClearAllFreeLists): a full collection empties the free lists.
function clearFreeLists(): void {
  const owner = heap.allocator as unknown as Partial<FreeListOwner>;
  owner.clearFreeLists?.((kind, item) => {
    if (!PLAIN_FREE_LISTS.has(kind)) onGCFree();
    heap.allocator.objectFree(item as number);
  });
}

const hooks: CollectorHooks = {
  isWeakref: (o) => o instanceof PyWeakref,
  clearWeakref: (wr) => clearRef(wr as PyWeakref),
  weakrefsTo: (o) => weakrefsTo(o),
  weakrefCallback: (wr) => (wr as PyWeakref).callback,
  callWeakrefCallback: (callback, wr) => {
    try {
      decref(call(callback, [wr]));
    } catch (e) {
      unraisable(e, callback);
    }
  },
  maybeUntrackTuple: tupleMaybeUntrack,
  maybeUntrackDict: (o) => dictMaybeUntrack(o as PyDict),
  writeStderr,
  appendGarbage: (o) => {
    if (lists.garbage) listAppend(lists.garbage, o);
  },
  invokeCallbacks,
  // The simulated clock does not run during a collection: DEBUG_STATS reports 0.0000s.
  monotonic: () => 0,
  clearFreeLists,
  incref,
  decref,
};

/** A fresh interpreter's collector: the profile's thresholds, empty gc.garbage and gc.callbacks. */
export function startCollector(profile: Profile): void {
  // A previous session's lists live in that session's process memory: dropped, not freed here.
  resetCollector(profile.gcThresholds, hooks);
  lists.garbage = newList([]);
  lists.callbacks = newList([]);
}

// ------------------------------------------------------------------ argument conversion

/** _PyLong_AsInt: an index that fits a C int. Before 3.10 it went through __int__ with its own
 *  wording for floats and other non-integers. */
function asCInt(o: PyObject): number {
  if (heap.profile.minor < 10 && !(o instanceof PyInt)) {
    if (o instanceof PyFloat) throw typeError('integer argument expected, got float');
    if (!o.type.nb_index) throw typeError(`an integer is required (got type ${o.type.name})`);
  }
  const i = index(o);
  const v = i.value;
  decref(i);
  const n = typeof v === 'number' ? v : Number(v);
  if (n > 2 ** 31 - 1 || n < -(2 ** 31)) throw overflowError('Python int too large to convert to C int');
  return n;
}

function checkGeneration(generation: number): void {
  if (generation < 0 || generation >= NUM_GENERATIONS) throw valueError('invalid generation');
}

/** _PyObject_IS_GC: a GC type, except static type objects (type_is_gc). */
function isGCObject(o: PyObject): o is PyGCObject {
  if ((o.type.flags & TypeFlags.HAVE_GC) === 0) return false;
  return !(o instanceof PyType) || o.hasFlag(TypeFlags.HEAPTYPE);
}

// ------------------------------------------------------------------ the module's functions

function gcCollect(_m: PyObject, args: PyObject[], kwnames: readonly string[] | null): PyObject {
  const [gen] = unpackArgs({ fname: 'collect', names: ['generation'] }, args, kwnames);
  const generation = gen === undefined ? NUM_GENERATIONS - 1 : asCInt(gen);
  checkGeneration(generation);
  return newInt(collect(generation));
}

function getCount(): PyObject {
  return newTuple(generations.slice(0, NUM_GENERATIONS).map((g) => newInt(g.count)));
}

function getThreshold(): PyObject {
  return newTuple(generations.slice(0, NUM_GENERATIONS).map((g) => newInt(g.threshold)));
}

// PyArg_ParseTuple(args, "i|ii:set_threshold", ...): each given threshold is stored as it is parsed.
function setThreshold(_m: PyObject, args: PyObject[]): PyObject {
  if (args.length < 1 || args.length > NUM_GENERATIONS) {
    // 3.13 checks the count itself instead of through PyArg_ParseTuple's format.
    if (heap.profile.minor >= 13) throw typeError('gc.set_threshold requires 1 to 3 arguments');
    if (args.length < 1) throw typeError(`set_threshold() takes at least 1 argument (${args.length} given)`);
    throw typeError(`set_threshold() takes at most 3 arguments (${args.length} given)`);
  }
  args.forEach((a, i) => {
    generations[i]!.threshold = asCInt(a);
  });
  return newref(None);
}

function getObjects(_m: PyObject, args: PyObject[], kwnames: readonly string[] | null): PyObject {
  const [gen] = unpackArgs({ fname: 'get_objects', names: ['generation'] }, args, kwnames);
  let generation: number | null = null;
  // The C default -1 stands for None: every generation.
  if (gen !== undefined && gen !== None && !(gen instanceof PyInt && gen.value === -1)) {
    if (!(gen instanceof PyInt)) {
      throw typeError(`get_objects() argument 'generation' must be int or None, not ${gen.type.name}`);
    }
    generation = Number(gen.value);
    if (generation >= NUM_GENERATIONS) {
      throw valueError(`generation parameter must be less than the number of available generations (${NUM_GENERATIONS})`);
    }
    if (generation < 0) throw valueError('generation parameter cannot be negative');
  }
  return newList(objectsOf(generation).map((o) => newref(o)));
}

// gc_referrers_for: every tracked object whose tp_traverse visits one of `objs`.
function getReferrers(_m: PyObject, objs: PyObject[]): PyObject {
  const wanted = new Set(objs);
  const found: PyObject[] = [];
  for (const o of objectsOf(null)) {
    let refers = false;
    o.type.tp_traverse?.(o, (c) => {
      if (wanted.has(c)) refers = true;
    });
    if (refers) found.push(newref(o));
  }
  return newList(found);
}

function getReferents(_m: PyObject, objs: PyObject[]): PyObject {
  const found: PyObject[] = [];
  for (const o of objs) {
    if (!isGCObject(o)) continue;
    o.type.tp_traverse?.(o, (c) => {
      found.push(newref(c));
    });
  }
  return newList(found);
}

function getStats(): PyObject {
  return newList(gcState.stats.map((s) => intDict({ collections: s.collections, collected: s.collected, uncollectable: s.uncollectable })));
}

function setDebug(_m: PyObject, flags: PyObject): PyObject {
  gcState.debug = asCInt(flags);
  return newref(None);
}

const noargs = (name: string, fn: () => PyObject): NativeFunctionDef => ({ name, code: { kind: 'noargs', fn } });
const none = (fn: () => void) => (): PyObject => {
  fn();
  return newref(None);
};

export const gcFunctions: NativeFunctionDef[] = [
  noargs('enable', none(() => { gcState.enabled = true; })),
  noargs('disable', none(() => { gcState.enabled = false; })),
  noargs('isenabled', () => newBool(gcState.enabled)),
  { name: 'collect', code: { kind: 'fastkw', fn: gcCollect } },
  { name: 'get_debug', code: { kind: 'noargs', fn: () => newInt(gcState.debug) } },
  { name: 'set_debug', code: { kind: 'o', fn: setDebug } },
  noargs('get_count', getCount),
  noargs('get_threshold', getThreshold),
  { name: 'set_threshold', code: { kind: 'fast', fn: setThreshold } },
  { name: 'get_objects', code: { kind: 'fastkw', fn: getObjects } },
  noargs('get_stats', getStats),
  { name: 'get_referrers', code: { kind: 'fast', fn: getReferrers } },
  { name: 'get_referents', code: { kind: 'fast', fn: getReferents } },
  { name: 'is_tracked', code: { kind: 'o', fn: (_m, o) => newBool(isTrackedObject(o)) } },
  { name: 'is_finalized', code: { kind: 'o', fn: (_m, o) => newBool(isFinalized(o)) } },
  noargs('freeze', none(freeze)),
  noargs('unfreeze', none(unfreeze)),
  noargs('get_freeze_count', () => newInt(freezeCount())),
];

/** The module's constants and its two lists. */
export function gcConstants(): Record<string, PyObject> {
  const ints: Record<string, number> = {
    DEBUG_STATS, DEBUG_COLLECTABLE, DEBUG_UNCOLLECTABLE, DEBUG_SAVEALL, DEBUG_LEAK,
  };
  const out: Record<string, PyObject> = {};
  for (const [k, v] of Object.entries(ints)) out[k] = newInt(v);
  out.garbage = newref(lists.garbage ?? None);
  out.callbacks = newref(lists.callbacks ?? None);
  return out;
}
