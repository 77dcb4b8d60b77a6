// _tracemalloc (Modules/_tracemalloc.c): every block the simulated allocators hand out while
// tracing is on, with its requested size and the Python frames that asked for it (file and line
// of the running frame and its callers). The tracemalloc module (python/tracemalloc.py) builds
// snapshots and statistics on top of these traces.
import { decref, newref, type PyObject } from '../objects/object.js';
import type { NativeFunctionDef } from '../objects/native.js';
import { unpackArgs } from '../objects/args.js';
import { asIndex } from '../objects/abstract.js';
import { None } from '../objects/singletons.js';
import { valueError } from '../objects/exceptions.js';
import { newBool, newInt } from '../objects/int.js';
import { newStr } from '../objects/str.js';
import { newTuple } from '../objects/tuple.js';
import { newList } from '../objects/list.js';
import { preHeaderSize } from '../objects/heap.js';
import { runningMemory } from '../memory/running.js';
import type { AllocationTracer, Domain } from '../memory/index.js';
import { vm } from '../vm/eval.js';
import type { NativeModuleDef } from './moduledef.js';
import { registerWorldState } from '../os/worldRoots.js';

/** MAX_NFRAME: the deepest traceback tracemalloc keeps. */
const MAX_NFRAME = 65535;
/** What tracemalloc's own tables take per trace and per distinct frame (hashtable entries). */
const TRACE_ENTRY_BYTES = 48;
const FRAME_ENTRY_BYTES = 40;

/** One traceback, most recent frame first, shared by every trace taken at the same place. */
interface Traceback {
  frames: readonly (readonly [string, number])[];
  totalFrames: number;
}

interface Trace {
  size: number;
  traceback: Traceback;
}

const state = {
  nframe: 1,
  traces: new Map<number, Trace>(),
  tracebacks: new Map<string, Traceback>(),
  traced: 0,
  peak: 0,
};
// A forked child keeps tracing into its own copy of the traces, as CPython's child does.
registerWorldState(state);

// Modules/_tracemalloc.c traceback_get_frames: the running frame, then its callers.
function currentTraceback(): Traceback {
  const frames: [string, number][] = [];
  let total = 0;
  for (let f = vm.current; f; f = f.back) {
    if (frames.length < state.nframe) frames.push([f.code.filename, f.lineno]);
    total++;
  }
  const key = `${total}\0${frames.map(([file, line]) => `${file}:${line}`).join('\0')}`;
  let tb = state.tracebacks.get(key);
  if (!tb) {
    tb = { frames, totalFrames: total };
    state.tracebacks.set(key, tb);
  }
  return tb;
}

function untrace(addr: number): void {
  const old = state.traces.get(addr);
  if (!old) return;
  state.traced -= old.size;
  state.traces.delete(addr);
}

// tracemalloc_add_trace / tracemalloc_remove_trace. Every allocator domain is tracemalloc's
// domain 0: the domains of its traces are the ones C extensions declare, not PyMem's.
const tracer: AllocationTracer = {
  traceAlloc(_domain: Domain, addr: number, size: number): void {
    untrace(addr);
    state.traces.set(addr, { size, traceback: currentTraceback() });
    state.traced += size;
    if (state.traced > state.peak) state.peak = state.traced;
  },
  traceFree(_domain: Domain, addr: number): void {
    untrace(addr);
  },
};

/** Tracing is a property of the running process: a new session (or a forked child the OS layer
 *  starts afresh) does not inherit it. */
function tracing(): boolean {
  return runningMemory().tracer === tracer;
}

function clearTraces(): void {
  state.traces.clear();
  state.tracebacks.clear();
  state.traced = 0;
  state.peak = 0;
}

function start(_m: PyObject, args: PyObject[], kwnames: readonly string[] | null): PyObject {
  const [n] = unpackArgs({ fname: 'start', names: ['nframe'] }, args, kwnames);
  const nframe = n === undefined ? 1 : asIndex(n);
  if (nframe < 1 || nframe > MAX_NFRAME) throw valueError(`the number of frames must be in range [1; ${MAX_NFRAME}]`);
  state.nframe = nframe;
  if (!tracing()) {
    clearTraces();
    runningMemory().tracer = tracer;
  }
  return newref(None);
}

function stop(): PyObject {
  if (tracing()) {
    runningMemory().tracer = null;
    clearTraces();
  }
  return newref(None);
}

function tracebackTuple(tb: Traceback): PyObject {
  return newTuple(tb.frames.map(([file, line]) => newTuple([newStr(file), newInt(line)])));
}

// _tracemalloc._get_traces: (domain, size, traceback, total_nframe) per trace. The traces are
// copied first, so the objects built here are traced without showing in the result.
function getTraces(): PyObject {
  const copy = [...state.traces.values()];
  const cache = new Map<Traceback, PyObject>();
  const items = copy.map((t) => {
    let tb = cache.get(t.traceback);
    if (!tb) {
      tb = tracebackTuple(t.traceback);
      cache.set(t.traceback, tb);
    }
    return newTuple([newInt(0), newInt(t.size), newref(tb), newInt(t.traceback.totalFrames)]);
  });
  for (const tb of cache.values()) decref(tb);
  return newList(items);
}

// _tracemalloc._get_object_traceback: the trace of the block the object lives in (its
// pre-headers come first in that block).
function getObjectTraceback(_m: PyObject, o: PyObject): PyObject {
  const t = state.traces.get(o.addr - preHeaderSize(o.type));
  return t ? tracebackTuple(t.traceback) : newref(None);
}

function tracemallocMemory(): number {
  let frames = 0;
  for (const tb of state.tracebacks.values()) frames += tb.frames.length;
  return state.traces.size * TRACE_ENTRY_BYTES + frames * FRAME_ENTRY_BYTES;
}

const functions: NativeFunctionDef[] = [
  { name: 'start', code: { kind: 'fastkw', fn: start } },
  { name: 'stop', code: { kind: 'noargs', fn: stop } },
  { name: 'is_tracing', code: { kind: 'noargs', fn: () => newBool(tracing()) } },
  {
    name: 'clear_traces',
    code: { kind: 'noargs', fn: () => { if (tracing()) clearTraces(); return newref(None); } },
  },
  {
    name: 'get_traced_memory',
    code: { kind: 'noargs', fn: () => newTuple([newInt(tracing() ? state.traced : 0), newInt(tracing() ? state.peak : 0)]) },
  },
  { name: 'reset_peak', code: { kind: 'noargs', fn: () => { state.peak = state.traced; return newref(None); } } },
  { name: 'get_tracemalloc_memory', code: { kind: 'noargs', fn: () => newInt(tracemallocMemory()) } },
  { name: 'get_traceback_limit', code: { kind: 'noargs', fn: () => newInt(state.nframe) } },
  { name: '_get_traces', code: { kind: 'noargs', fn: getTraces } },
  { name: '_get_object_traceback', code: { kind: 'o', fn: getObjectTraceback } },
];

export const tracemallocModule: NativeModuleDef = { name: '_tracemalloc', functions, attributes: () => ({}) };
