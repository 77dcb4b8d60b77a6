// The generational cycle collector (Modules/gcmodule.c of 3.11): what a collection of a
// generation finds unreachable, in the order CPython finds it, with PEP 442 finalizers,
// weak-reference callbacks, resurrection, and the counts and thresholds that trigger it.
import type { PyGCObject, PyObject } from '../objects/object.js';
import { GC_FINALIZED, GC_TRACKED, generations, listAppend } from './track.js';
import { TypeFlags } from '../objects/type.js';
import { heap } from '../objects/heap.js';
import { reportProgress } from '../progress.js';

/** gcFlags bits used during a collection (PREV_MASK_COLLECTING, NEXT_MASK_UNREACHABLE). */
const GC_COLLECTING = 0b100;
const GC_UNREACHABLE = 0b1000;

export const DEBUG_STATS = 1 << 0;
export const DEBUG_COLLECTABLE = 1 << 1;
export const DEBUG_UNCOLLECTABLE = 1 << 2;
export const DEBUG_SAVEALL = 1 << 5;
export const DEBUG_LEAK = DEBUG_COLLECTABLE | DEBUG_UNCOLLECTABLE | DEBUG_SAVEALL;

const NUM_GENERATIONS = 3;
const PERMANENT = 3;

/** What the collector needs from the rest of the engine: weak references, the untracking
 *  rules of tuples and dicts, where debug output and uncollectable objects go. */
export interface CollectorHooks {
  /** True for weakref objects (PyWeakref_Check). */
  isWeakref(o: PyObject): boolean;
  /** _PyWeakref_ClearRef: detaches the weakref from its referent, keeping its callback. */
  clearWeakref(wr: PyObject): void;
  /** The weak references currently pointing at `o`, in their list order. */
  weakrefsTo(o: PyObject): PyObject[];
  /** The callback of a weak reference, or null. */
  weakrefCallback(wr: PyObject): PyObject | null;
  /** Calls a weakref callback, reporting (not raising) what it raises. */
  callWeakrefCallback(callback: PyObject, wr: PyObject): void;
  /** _PyTuple_MaybeUntrack / _PyDict_MaybeUntrack for the exact types. */
  maybeUntrackTuple(o: PyObject): void;
  maybeUntrackDict(o: PyObject): void;
  /** sys.stderr for the DEBUG_* flags. */
  writeStderr(text: string): void;
  /** gc.garbage.append(o) */
  appendGarbage(o: PyObject): void;
  /** Runs the registered gc.callbacks for a phase. */
  invokeCallbacks(phase: 'start' | 'stop', generation: number, collected: number, uncollectable: number): void;
  /** Seconds on the interpreter's clock, for DEBUG_STATS. */
  monotonic(): number;
  /** Empties the free lists (clear_freelists), done by full collections. */
  clearFreeLists(): void;
  incref(o: PyObject): void;
  decref(o: PyObject): void;
}

export interface GenerationStats {
  collections: number;
  collected: number;
  uncollectable: number;
}

export const gcState = {
  enabled: true,
  collecting: false,
  debug: 0,
  longLivedTotal: 0,
  longLivedPending: 0,
  stats: [0, 1, 2].map(() => ({ collections: 0, collected: 0, uncollectable: 0 })) as GenerationStats[],
  hooks: null as CollectorHooks | null,
};

function newHead(): PyGCObject {
  const h = { gcPrev: null, gcNext: null, gcRefs: 0, gcFlags: 0 } as unknown as PyGCObject;
  h.gcPrev = h;
  h.gcNext = h;
  return h;
}

function isEmpty(list: PyGCObject): boolean {
  return list.gcNext === list;
}

function listRemove(node: PyGCObject): void {
  node.gcPrev!.gcNext = node.gcNext;
  node.gcNext!.gcPrev = node.gcPrev;
}

/** gc_list_move: unlink and append to the end of `list`. */
function listMove(node: PyGCObject, list: PyGCObject): void {
  listRemove(node);
  listAppend(list, node);
}

/** gc_list_merge: append `from` onto `to`, leaving `from` empty. */
function listMerge(from: PyGCObject, to: PyGCObject): void {
  if (!isEmpty(from)) {
    const tail = to.gcPrev!;
    tail.gcNext = from.gcNext;
    from.gcNext!.gcPrev = tail;
    to.gcPrev = from.gcPrev;
    from.gcPrev!.gcNext = to;
  }
  from.gcPrev = from;
  from.gcNext = from;
}

export function listSize(list: PyGCObject): number {
  let n = 0;
  for (let g = list.gcNext!; g !== list; g = g.gcNext!) n++;
  return n;
}

function isGC(o: PyObject): o is PyGCObject {
  return (o.type.flags & TypeFlags.HAVE_GC) !== 0;
}

function traverse(o: PyGCObject, visit: (c: PyObject) => void): void {
  o.type.tp_traverse?.(o, visit);
}

// A collection writes gc_refs into the GC header of every object it examines: after fork that
// dirties (and may copy) their pages. Off, one boolean test per examined object.
let headerWritesTracked = false;
let headerWrite: (o: PyGCObject) => void = () => {};

/** Installs (or with null removes) the page accounting of GC header writes. */
export function trackGCHeaderWrites(hook: ((o: PyGCObject) => void) | null): void {
  headerWritesTracked = hook !== null;
  if (hook) headerWrite = hook;
}

/** update_refs: gc_refs starts as the true reference count, and marks the set being examined. */
function updateRefs(containers: PyGCObject): void {
  for (let g = containers.gcNext!; g !== containers; g = g.gcNext!) {
    if (headerWritesTracked) headerWrite(g);
    g.gcRefs = g.refcnt;
    g.gcFlags |= GC_COLLECTING;
  }
}

/** subtract_refs: references from inside the set do not keep anything alive. */
function subtractRefs(containers: PyGCObject): void {
  const visitDecref = (c: PyObject): void => {
    if (isGC(c) && c.gcFlags & GC_COLLECTING) c.gcRefs--;
  };
  for (let g = containers.gcNext!; g !== containers; g = g.gcNext!) traverse(g, visitDecref);
}

/** move_unreachable: objects with outside references, and all they reach, stay in `young`;
 *  the rest move to `unreachable`, possibly moving back when reached later in the scan. */
function moveUnreachable(young: PyGCObject, unreachable: PyGCObject): void {
  const visitReachable = (c: PyObject): void => {
    if (!isGC(c) || !(c.gcFlags & GC_COLLECTING)) return;
    if (c.gcFlags & GC_UNREACHABLE) {
      c.gcFlags &= ~GC_UNREACHABLE;
      listMove(c, young);
      c.gcRefs = 1;
    } else if (c.gcRefs === 0) {
      c.gcRefs = 1;
    }
  };
  let g = young.gcNext!;
  while (g !== young) {
    if (g.gcRefs !== 0) {
      traverse(g, visitReachable);
      g.gcFlags &= ~GC_COLLECTING;
      g = g.gcNext!;
    } else {
      const next = g.gcNext!;
      listMove(g, unreachable);
      g.gcFlags |= GC_UNREACHABLE;
      g = next;
    }
  }
}

/** deduce_unreachable */
function deduceUnreachable(base: PyGCObject, unreachable: PyGCObject): void {
  updateRefs(base);
  subtractRefs(base);
  moveUnreachable(base, unreachable);
}

function untrackExact(head: PyGCObject, typeName: 'tuple' | 'dict'): void {
  const hooks = gcState.hooks!;
  let g = head.gcNext!;
  while (g !== head) {
    const next = g.gcNext!;
    if (g.type.name === typeName && !(g.type.flags & TypeFlags.HEAPTYPE)) {
      if (typeName === 'tuple') hooks.maybeUntrackTuple(g);
      else hooks.maybeUntrackDict(g);
    }
    g = next;
  }
}

function clearUnreachableMask(list: PyGCObject): void {
  for (let g = list.gcNext!; g !== list; g = g.gcNext!) g.gcFlags &= ~GC_UNREACHABLE;
}

function clearCollecting(list: PyGCObject): void {
  for (let g = list.gcNext!; g !== list; g = g.gcNext!) g.gcFlags &= ~GC_COLLECTING;
}

/** handle_weakrefs: clear weak references to the trash; call the callbacks of the weak
 *  references that outlive it. Returns how many of those weakrefs the callbacks freed. */
function handleWeakrefs(unreachable: PyGCObject, old: PyGCObject): number {
  const hooks = gcState.hooks!;
  const toCall = newHead();
  for (let g = unreachable.gcNext!; g !== unreachable;) {
    const next = g.gcNext!;
    if (hooks.isWeakref(g)) hooks.clearWeakref(g);
    for (const wr of hooks.weakrefsTo(g)) {
      hooks.clearWeakref(wr);
      if (hooks.weakrefCallback(wr) === null) continue;
      const w = wr as PyGCObject;
      if (w.gcFlags & GC_COLLECTING) continue;
      hooks.incref(w);
      listMove(w, toCall);
    }
    g = next;
  }
  let freed = 0;
  while (!isEmpty(toCall)) {
    const w = toCall.gcNext!;
    const callback = hooks.weakrefCallback(w);
    if (callback) hooks.callWeakrefCallback(callback, w);
    hooks.decref(w);
    if (toCall.gcNext === w) listMove(w, old);
    else freed++;
  }
  return freed;
}

/** finalize_garbage: tp_finalize (__del__) once per object, in list order. */
function finalizeGarbage(collectable: PyGCObject): void {
  const hooks = gcState.hooks!;
  const seen = newHead();
  while (!isEmpty(collectable)) {
    const g = collectable.gcNext!;
    listMove(g, seen);
    const finalize = g.type.tp_finalize;
    if (!(g.gcFlags & GC_FINALIZED) && finalize) {
      g.gcFlags |= GC_FINALIZED;
      hooks.incref(g);
      finalize(g);
      hooks.decref(g);
    }
  }
  listMerge(seen, collectable);
}

/** delete_garbage: tp_clear breaks the cycles; what survives moves to the older generation. */
function deleteGarbage(collectable: PyGCObject, old: PyGCObject): void {
  const hooks = gcState.hooks!;
  while (!isEmpty(collectable)) {
    const g = collectable.gcNext!;
    if (gcState.debug & DEBUG_SAVEALL) {
      hooks.appendGarbage(g);
    } else {
      const clear = g.type.tp_clear;
      if (clear) {
        hooks.incref(g);
        clear(g);
        hooks.decref(g);
      }
    }
    if (collectable.gcNext === g) {
      g.gcFlags &= ~GC_COLLECTING;
      listMove(g, old);
    }
  }
}

function debugCycle(msg: string, o: PyObject): void {
  gcState.hooks!.writeStderr(`gc: ${msg} <${o.type.name} 0x${o.addr.toString(16)}>\n`);
}

function showStats(): void {
  const sizes = generations.slice(0, NUM_GENERATIONS).map((g) => ` ${listSize(g.head)}`).join('');
  gcState.hooks!.writeStderr(
    `gc: objects in each generation:${sizes}\ngc: objects in permanent generation: ${listSize(generations[PERMANENT]!.head)}\n`,
  );
}

/** gc_collect_main: collects `generation` and the younger ones; returns (collected, uncollectable). */
function collectMain(generation: number): [number, number] {
  const hooks = gcState.hooks!;
  let m = 0;
  let n = 0;
  let t1 = 0;
  if (gcState.debug & DEBUG_STATS) {
    hooks.writeStderr(`gc: collecting generation ${generation}...\n`);
    showStats();
    t1 = hooks.monotonic();
  }
  if (generation + 1 < NUM_GENERATIONS) generations[generation + 1]!.count += 1;
  for (let i = 0; i <= generation; i++) generations[i]!.count = 0;
  for (let i = 0; i < generation; i++) listMerge(generations[i]!.head, generations[generation]!.head);
  const young = generations[generation]!.head;
  const old = generation < NUM_GENERATIONS - 1 ? generations[generation + 1]!.head : young;

  const progress = (step: number): void => {
    if (generation === NUM_GENERATIONS - 1) reportProgress('gc: full collection', step, 3, 'phases');
  };
  progress(0);
  const unreachable = newHead();
  deduceUnreachable(young, unreachable);
  progress(1);
  untrackExact(young, 'tuple');
  if (young !== old) {
    if (generation === NUM_GENERATIONS - 2) gcState.longLivedPending += listSize(young);
    listMerge(young, old);
  } else {
    untrackExact(young, 'dict');
    gcState.longLivedPending = 0;
    gcState.longLivedTotal = listSize(young);
  }
  // Legacy tp_del finalizers do not exist in this engine: `finalizers` stays empty.
  const finalizers = newHead();
  clearUnreachableMask(unreachable);
  if (gcState.debug & DEBUG_COLLECTABLE) {
    for (let g = unreachable.gcNext!; g !== unreachable; g = g.gcNext!) debugCycle('collectable', g);
  }
  m += handleWeakrefs(unreachable, old);
  finalizeGarbage(unreachable);
  progress(2);
  // handle_resurrected_objects: a finalizer may have made some of the trash reachable again.
  clearCollecting(unreachable);
  const finalUnreachable = newHead();
  deduceUnreachable(unreachable, finalUnreachable);
  clearUnreachableMask(finalUnreachable);
  listMerge(unreachable, old);
  m += listSize(finalUnreachable);
  deleteGarbage(finalUnreachable, old);
  progress(3);
  for (let g = finalizers.gcNext!; g !== finalizers; g = g.gcNext!) {
    n++;
    if (gcState.debug & DEBUG_UNCOLLECTABLE) debugCycle('uncollectable', g);
  }
  if (gcState.debug & DEBUG_STATS) {
    const d = hooks.monotonic() - t1;
    hooks.writeStderr(`gc: done, ${n + m} unreachable, ${n} uncollectable, ${d.toFixed(4)}s elapsed\n`);
  }
  listMerge(finalizers, old);
  if (generation === NUM_GENERATIONS - 1) hooks.clearFreeLists();
  const stats = gcState.stats[generation]!;
  stats.collections++;
  stats.collected += m;
  stats.uncollectable += n;
  return [m, n];
}

/** gc_collect_with_callback */
function collectWithCallback(generation: number): number {
  const hooks = gcState.hooks!;
  hooks.invokeCallbacks('start', generation, 0, 0);
  const [collected, uncollectable] = collectMain(generation);
  hooks.invokeCallbacks('stop', generation, collected, uncollectable);
  return collected + uncollectable;
}

/** gc.collect(generation): 0 when a collection is already running. */
export function collect(generation = NUM_GENERATIONS - 1): number {
  if (gcState.collecting) return 0;
  gcState.collecting = true;
  try {
    return collectWithCallback(generation);
  } finally {
    gcState.collecting = false;
  }
}

/** gc_collect_generations: the oldest generation over its threshold, with the long-lived
 *  heuristic that skips most full collections. */
function collectGenerations(): number {
  for (let i = NUM_GENERATIONS - 1; i >= 0; i--) {
    const g = generations[i]!;
    if (g.count > g.threshold) {
      if (i === NUM_GENERATIONS - 1 && gcState.longLivedPending < gcState.longLivedTotal / 4) continue;
      return collectWithCallback(i);
    }
  }
  return 0;
}

/** _PyObject_GC_Link's accounting: every GC allocation counts toward generation 0 and may
 *  start an automatic collection. */
export function onGCAlloc(): void {
  const g0 = generations[0]!;
  g0.count++;
  if (g0.count > g0.threshold && gcState.enabled && g0.threshold && !gcState.collecting && gcState.hooks) {
    gcState.collecting = true;
    try {
      collectGenerations();
    } finally {
      gcState.collecting = false;
    }
  }
}

/** PyObject_GC_Del's accounting. */
export function onGCFree(): void {
  const g0 = generations[0]!;
  if (g0.count > 0) g0.count--;
}

/** gc.freeze(): every tracked object to the permanent generation. */
export function freeze(): void {
  for (let i = 0; i < NUM_GENERATIONS; i++) {
    listMerge(generations[i]!.head, generations[PERMANENT]!.head);
    generations[i]!.count = 0;
  }
}

/** gc.unfreeze(): the permanent generation back into the oldest. */
export function unfreeze(): void {
  listMerge(generations[PERMANENT]!.head, generations[NUM_GENERATIONS - 1]!.head);
}

/** The tracked objects of one generation (or all three), in list order. */
export function objectsOf(generation: number | null): PyGCObject[] {
  const out: PyGCObject[] = [];
  const gens = generation === null ? [0, 1, 2] : [generation];
  for (const i of gens) {
    const head = generations[i]!.head;
    for (let g = head.gcNext!; g !== head; g = g.gcNext!) out.push(g);
  }
  return out;
}

export function isTrackedObject(o: PyObject): boolean {
  return isGC(o) && (o.gcFlags & GC_TRACKED) !== 0;
}

export function isFinalized(o: PyObject): boolean {
  return isGC(o) && (o.gcFlags & GC_FINALIZED) !== 0;
}

export function freezeCount(): number {
  return listSize(generations[PERMANENT]!.head);
}

/** A fresh interpreter's collector: empty generations, the profile's thresholds, and the
 *  allocator's calls wired to the allocation counts. */
export function resetCollector(thresholds: readonly [number, number, number], hooks: CollectorHooks): void {
  for (const g of generations) {
    g.head.gcPrev = g.head;
    g.head.gcNext = g.head;
    g.count = 0;
  }
  thresholds.forEach((t, i) => {
    generations[i]!.threshold = t;
  });
  gcState.hooks = hooks;
  heap.collector = { onAlloc: onGCAlloc, onFree: onGCFree };
  gcState.enabled = true;
  gcState.debug = 0;
  gcState.longLivedTotal = 0;
  gcState.longLivedPending = 0;
  for (const s of gcState.stats) {
    s.collections = 0;
    s.collected = 0;
    s.uncollectable = 0;
  }
}
