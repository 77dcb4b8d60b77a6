// Async generators' protocol (Objects/genobject.c async_gen_asend, async_gen_athrow,
// async_gen_unwrap_value): __anext__/asend/athrow/aclose return awaitables that drive the
// generator one step. A value the body yields comes back wrapped (ASYNC_GEN_WRAP), which ends
// the step with StopIteration(value); anything else the frame yields is an await passing
// through to the event loop.
import { PyGCObject, PyObject, decref, newref } from '../objects/object.js';
import { PyGen, asyncGeneratorType, genOps } from '../objects/generator.js';
import { PyType, TypeFlags } from '../objects/type.js';
import { defineType, extendType } from '../objects/define.js';
import { allocObject, freeObject } from '../objects/heap.js';
import { gcTrack, gcUntrack } from '../gc/track.js';
import { None } from '../objects/singletons.js';
import {
  GeneratorExit, PyBaseException, StopAsyncIteration, StopIteration, exceptionMatches, newException, runtimeError,
  stopIteration,
} from '../objects/exceptions.js';
import { FrameState } from './frame.js';

/** _PyAsyncGenWrappedValue: what an async generator's `yield` hands to its asend. */
class PyAsyncGenWrapped extends PyObject {
  constructor(public value: PyObject) {
    super(wrappedValueType);
  }
}

const wrappedValueType: PyType = defineType({
  name: 'async_generator_wrapped_value',
  layout: { basicsize: 24 },
  slots: {
    tp_dealloc: (o) => {
      decref((o as PyAsyncGenWrapped).value);
      freeObject(o);
    },
  },
});

/** ASYNC_GEN_WRAP: wraps the value (taking its reference). */
export function asyncGenWrapValue(v: PyObject): PyObject {
  const w = new PyAsyncGenWrapped(v);
  allocObject(w, 24);
  return w;
}

/** The closed flag CPython keeps in ag_closed. */
const closedGens = new WeakSet<PyGen>();

const enum StepState { INIT, ITER, CLOSED }

/** One awaitable step of an async generator: asend(value) or athrow(args) (aclose: args null). */
class PyAsyncGenStep extends PyGCObject {
  state = StepState.INIT;
  constructor(type: PyType, readonly gen: PyGen, readonly sendval: PyObject | null, readonly args: PyObject[] | null,
    readonly closing: boolean) {
    super(type);
  }
}

/** async_gen_unwrap_value: the step's outcome from what the generator produced. */
function unwrap(step: PyAsyncGenStep, run: () => PyObject): PyObject {
  let r: PyObject;
  try {
    r = run();
  } catch (e) {
    step.state = StepState.CLOSED;
    if (e instanceof PyBaseException && exceptionMatches(e, StopIteration)) {
      // The body finished.
      decref(e);
      closedGens.add(step.gen);
      if (step.closing) throw stopIteration(null);
      throw newException(StopAsyncIteration, []);
    }
    if (e instanceof PyBaseException && (exceptionMatches(e, StopAsyncIteration) || exceptionMatches(e, GeneratorExit))) {
      closedGens.add(step.gen);
      if (step.closing) {
        decref(e);
        throw stopIteration(null);
      }
    }
    throw e;
  }
  if (r instanceof PyAsyncGenWrapped) {
    step.state = StepState.CLOSED;
    const value = newref(r.value);
    decref(r);
    if (step.closing) {
      decref(value);
      throw runtimeError('async generator ignored GeneratorExit');
    }
    const stop = stopIteration(value);
    decref(value);
    throw stop;
  }
  return r;
}

function stepSend(self: PyObject, value: PyObject): PyObject {
  const step = self as PyAsyncGenStep;
  const what = step.args === null && !step.closing ? '__anext__()/asend()' : 'aclose()/athrow()';
  if (step.state === StepState.CLOSED) throw runtimeError(`cannot reuse already awaited ${what}`);
  const gen = step.gen;
  if (step.state === StepState.INIT) {
    step.state = StepState.ITER;
    if (step.sendval !== null) {
      const v = value === None ? step.sendval : value;
      return unwrap(step, () => genOps.send(gen, v));
    }
    // athrow/aclose: a generator never started or already finished has nothing to run.
    if (closedGens.has(gen) || gen.finished || gen.frame.state === FrameState.CREATED) {
      step.state = StepState.CLOSED;
      closedGens.add(gen);
      if (step.closing) throw stopIteration(null);
      throw newException(StopAsyncIteration, []);
    }
    const args = step.closing ? [GeneratorExit as PyObject] : step.args!;
    return unwrap(step, () => genOps.throw(gen, args));
  }
  return unwrap(step, () => genOps.send(gen, value));
}

function stepThrow(self: PyObject, args: PyObject[]): PyObject {
  const step = self as PyAsyncGenStep;
  if (step.state === StepState.CLOSED) throw runtimeError('cannot reuse already awaited __anext__()/asend()');
  step.state = StepState.ITER;
  return unwrap(step, () => genOps.throw(step.gen, args));
}

function stepType(name: string): PyType {
  return defineType({
    name,
    flags: TypeFlags.HAVE_GC,
    layout: { basicsize: 40 },
    slots: {
      tp_dealloc: (o) => {
        const step = o as PyAsyncGenStep;
        gcUntrack(step);
        decref(step.gen);
        if (step.sendval) decref(step.sendval);
        for (const a of step.args ?? []) decref(a);
        freeObject(step);
      },
      tp_traverse: (o, visit) => {
        const step = o as PyAsyncGenStep;
        visit(step.gen);
        if (step.sendval) visit(step.sendval);
        for (const a of step.args ?? []) visit(a);
      },
      tp_iter: (o) => newref(o),
      tp_iternext: (o) => stepSend(o, None),
    },
    methods: {
      send: { kind: 'o', fn: stepSend },
      throw: { kind: 'fast', fn: stepThrow },
      close: {
        kind: 'noargs',
        fn: (self) => {
          (self as PyAsyncGenStep).state = StepState.CLOSED;
          return newref(None);
        },
      },
      __await__: { kind: 'noargs', fn: (self) => newref(self) },
    },
  });
}

const asendType = stepType('async_generator_asend');
const athrowType = stepType('async_generator_athrow');

function newStep(type: PyType, gen: PyObject, sendval: PyObject | null, args: PyObject[] | null, closing: boolean): PyObject {
  const step = new PyAsyncGenStep(type, newref(gen as PyGen), sendval && newref(sendval), args && args.map(newref), closing);
  allocObject(step, 40);
  gcTrack(step);
  return step;
}

extendType(asyncGeneratorType, {
  methods: {
    __aiter__: { kind: 'noargs', fn: (self) => newref(self) },
    __anext__: { kind: 'noargs', fn: (self) => newStep(asendType, self, None, null, false) },
    asend: { kind: 'o', fn: (self, v) => newStep(asendType, self, v, null, false) },
    athrow: { kind: 'fast', fn: (self, args) => newStep(athrowType, self, null, args, false) },
    aclose: { kind: 'noargs', fn: (self) => newStep(athrowType, self, null, null, true) },
  },
});
