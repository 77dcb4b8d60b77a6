// Generators, coroutines and async generators (Objects/genobject.c): an object that owns a
// suspended frame. Resuming it (send, throw, close, next) is the evaluation loop's work, in
// engine/vm/generators.ts.
import { PyGCObject, PyObject, newref, decref } from './object.js';
import { PyType, TypeFlags } from './type.js';
import { defineType } from './define.js';
import { freeObject } from './heap.js';
import { gcUntrack } from '../gc/track.js';
import { PyStr, newStr } from './str.js';
import { newBool, newInt } from './int.js';
import { None } from './singletons.js';
import { FrameState, type Frame } from '../vm/frame.js';
import { callFinalizer } from './instance.js';

/** One link of the handled-exception stack (_PyErr_StackItem). */
export interface ExcInfo {
  value: PyObject | null;
  previous: ExcInfo | null;
}

export class PyGen extends PyGCObject {
  running = false;
  /** The frame ran to completion or was closed. */
  finished = false;
  readonly excInfo: ExcInfo = { value: null, previous: null };
  constructor(type: PyType, public frame: Frame, public name: PyStr, public qualname: PyStr) {
    super(type);
  }
}

/** offsetof(PyGenObject, gi_iframe) + the interpreter frame header in 3.11 */
export const GEN_BASICSIZE = 152;

/** A generator's memory: its header, then one slot per local and per value-stack entry. */
export function genObjectSize(code: { localsplusnames: string[]; stacksize: number }): number {
  return GEN_BASICSIZE + 8 * (code.localsplusnames.length + code.stacksize);
}

/** The operations the evaluation loop provides (installed by engine/vm/generators.ts). */
export const genOps = {
  send: null as unknown as (g: PyGen, value: PyObject) => PyObject,
  next: null as unknown as (g: PyGen) => PyObject | null,
  throw: null as unknown as (g: PyGen, args: PyObject[]) => PyObject,
  close: null as unknown as (g: PyGen) => PyObject,
  finalize: null as unknown as (g: PyGen) => void,
  dealloc: null as unknown as (g: PyGen) => void,
  await: null as unknown as (g: PyGen) => PyObject,
};

/** gen_dealloc: the finalizer runs first (closing a suspended generator, warning about a
 *  coroutine never awaited) and may resurrect it. */
function genDealloc(o: PyObject): void {
  const g = o as PyGen;
  if (callFinalizer(g)) return;
  genOps.dealloc(g);
  gcUntrack(g);
  decref(g.name);
  decref(g.qualname);
  freeObject(g);
}

/** What warns about a coroutine that was never awaited (installed with the standard library,
 *  which reaches the warnings module). */
export const coroutineHooks = { warnUnawaited: (_coro: PyGen): void => {} };

/** _PyGen_Finalize for coroutines: one that never started warns instead of being closed. */
function coroutineFinalize(o: PyObject): void {
  const g = o as PyGen;
  if (!g.finished && g.frame.state === FrameState.CREATED) coroutineHooks.warnUnawaited(g);
  else genOps.finalize(g);
}

function genType(name: string, prefix: string, iterable: boolean): PyType {
  return defineType({
    name,
    flags: TypeFlags.HAVE_GC,
    layout: { basicsize: GEN_BASICSIZE, itemsize: 8 },
    slots: {
      tp_dealloc: genDealloc,
      tp_traverse: (o, visit) => {
        const g = o as PyGen;
        if (g.finished) return;
        for (const v of g.frame.fast) if (v) visit(v);
        for (let i = 0; i < g.frame.sp; i++) {
          const v = g.frame.stack[i];
          if (v) visit(v);
        }
      },
      tp_finalize: prefix === 'cr' ? coroutineFinalize : (o) => genOps.finalize(o as PyGen),
      tp_repr: (o) => newStr(`<${name} object ${(o as PyGen).qualname.value} at 0x${o.addr.toString(16)}>`),
      ...(iterable ? { tp_iter: (o: PyObject) => newref(o), tp_iternext: (o: PyObject) => genOps.next(o as PyGen) } : {}),
    },
    methods: {
      send: { kind: 'o', fn: (self, v) => genOps.send(self as PyGen, v) },
      throw: { kind: 'fast', fn: (self, args) => genOps.throw(self as PyGen, args) },
      close: { kind: 'noargs', fn: (self) => genOps.close(self as PyGen) },
      // gen_sizeof (Objects/genobject.c): the object with its frame's locals and value stack
      __sizeof__: { kind: 'noargs', fn: (self) => newInt(genObjectSize((self as PyGen).frame.code)) },
      ...(iterable ? {} : { __await__: { kind: 'noargs' as const, fn: (self: PyObject) => genOps.await(self as PyGen) } }),
    },
    getsets: {
      __name__: { get: (o) => newref((o as PyGen).name) },
      __qualname__: { get: (o) => newref((o as PyGen).qualname) },
      [`${prefix}_running`]: { get: (o) => newBool((o as PyGen).running) },
      [`${prefix}_code`]: { get: (o) => newref((o as PyGen).frame.code) },
      [`${prefix}_frame`]: { get: (o) => ((o as PyGen).finished ? newref(None) : frameOf(o as PyGen)) },
      [`${prefix}_suspended`]: { get: (o) => newBool(!(o as PyGen).finished && !(o as PyGen).running && (o as PyGen).frame.lasti >= 0) },
    },
  });
}

export const frameOfGen = { get: null as unknown as (g: PyGen) => PyObject };
function frameOf(g: PyGen): PyObject {
  return frameOfGen.get(g);
}

export const generatorType = genType('generator', 'gi', true);
export const coroutineType = genType('coroutine', 'cr', false);
export const asyncGeneratorType = genType('async_generator', 'ag', false);

/** The iterator `await coro` drives: coro.__await__() (coroutine_wrapper). */
export const coroutineWrapperType = defineType({
  name: 'coroutine_wrapper',
  flags: TypeFlags.HAVE_GC,
  layout: { basicsize: 24 },
  slots: {
    tp_dealloc: (o) => {
      gcUntrack(o as PyGCObject);
      decref((o as PyCoroWrapper).coro);
      freeObject(o);
    },
    tp_iter: (o) => newref(o),
    tp_iternext: (o) => genOps.next((o as PyCoroWrapper).coro),
  },
  methods: {
    send: { kind: 'o', fn: (self, v) => genOps.send((self as PyCoroWrapper).coro, v) },
    throw: { kind: 'fast', fn: (self, args) => genOps.throw((self as PyCoroWrapper).coro, args) },
    close: { kind: 'noargs', fn: (self) => genOps.close((self as PyCoroWrapper).coro) },
  },
});

export class PyCoroWrapper extends PyGCObject {
  constructor(readonly coro: PyGen) {
    super(coroutineWrapperType);
  }
}
