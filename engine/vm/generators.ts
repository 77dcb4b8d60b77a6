// Generator methods (Objects/genobject.c gen_send, gen_throw, gen_close, gen_iternext, the
// PEP 442 finalizer), on top of the evaluation loop's genSendEx.
import { PyObject, decref, newref } from '../objects/object.js';
import { PyGen, PyCoroWrapper, genOps, frameOfGen } from '../objects/generator.js';
import { getFrameObject } from '../objects/frame.js';
import { None } from '../objects/singletons.js';
import { PyType } from '../objects/type.js';
import {
  BaseException, GeneratorExit, PyBaseException, StopIteration, exceptionMatches, newException, runtimeError,
  stopIteration, typeError,
} from '../objects/exceptions.js';
import { call, getAttrOrNull } from '../objects/abstract.js';
import { allocObject } from '../objects/heap.js';
import { gcTrack } from '../gc/track.js';
import { instanceHooks } from '../objects/instance.js';
import { delegatedIterator, finishDelegation, genSendEx, releaseFrame, setStopValue, takeStopValue as takeReturn } from './eval.js';
import { FrameState } from './frame.js';

function send(g: PyGen, value: PyObject): PyObject {
  const r = genSendEx(g, value, false);
  if (r !== null) return r;
  throw stopWith(g);
}

/** StopIteration(value) for a generator that returned (a bare one for None). */
function stopWith(_g: PyGen): PyBaseException {
  const v = takeReturn();
  const e = stopIteration(v);
  decref(v);
  return e;
}

/** gen_iternext: null when the generator returned; its value is dropped (next() keeps it). */
function next(g: PyGen): PyObject | null {
  const r = genSendEx(g, None, false);
  if (r !== null) return r;
  decref(takeReturn());
  return null;
}

/** next(gen): like the iterator protocol, but StopIteration carries the return value. */
export function nextWithValue(g: PyGen): PyObject {
  return send(g, None);
}

/** The exception gen.throw(typ[, val[, tb]]) raises inside the generator (owned). */
function makeThrown(args: PyObject[]): PyBaseException {
  if (args.length < 1 || args.length > 3) throw typeError(`throw expected at least 1 argument, got ${args.length}`);
  const [typ, val, tb] = args;
  let exc: PyBaseException;
  if (typ instanceof PyType && typ.isSubtype(BaseException)) {
    if (val instanceof PyBaseException && val.type.isSubtype(typ)) exc = newref(val);
    else exc = call(typ, val === undefined || val === None ? [] : [val]) as PyBaseException;
  } else if (typ instanceof PyBaseException) {
    if (val !== undefined && val !== None) throw typeError('instance exception may not have a separate value');
    exc = newref(typ);
  } else {
    throw typeError(`exceptions must be classes or instances deriving from BaseException, not ${typ!.type.name}`);
  }
  if (tb !== undefined && tb !== None) {
    const old = exc.traceback;
    exc.traceback = newref(tb);
    if (old) decref(old);
  }
  return exc;
}

/** _gen_throw: into the delegated sub-iterator first, when there is one. */
function throwInto(g: PyGen, exc: PyBaseException): PyObject {
  const yf = delegatedIterator(g);
  if (yf) {
    if (exceptionMatches(exc, GeneratorExit)) {
      g.running = true;
      try {
        closeIterator(yf);
      } catch (e) {
        g.running = false;
        decref(exc);
        return throwInto(g, e as PyBaseException);
      }
      g.running = false;
      return throwDirect(g, exc);
    }
    let r: PyObject | null = null;
    g.running = true;
    try {
      if (yf instanceof PyGen) {
        r = throwIntoGen(yf, exc);
      } else {
        const meth = getAttrOrNull(yf, 'throw');
        if (!meth) {
          g.running = false;
          return throwDirect(g, exc);
        }
        try {
          r = call(meth, [exc.type, exc, exc.traceback ?? None]);
        } finally {
          decref(meth);
          decref(exc);
        }
      }
    } catch (e) {
      g.running = false;
      if (e instanceof PyBaseException && exceptionMatches(e, StopIteration)) {
        const v = newref(e.args.items[0] ?? None);
        decref(e);
        finishDelegation(g);
        return send(g, v);
      }
      return throwDirect(g, e as PyBaseException);
    }
    g.running = false;
    if (r === null) {
      finishDelegation(g);
      const v = takeReturn();
      try {
        return send(g, v);
      } finally {
        decref(v);
      }
    }
    return r;
  }
  return throwDirect(g, exc);
}

/** gen.throw on a sub-generator: the yielded value, or null when it returned. */
function throwIntoGen(g: PyGen, exc: PyBaseException): PyObject | null {
  try {
    const r = throwInto(g, exc);
    return r;
  } catch (e) {
    if (e instanceof PyBaseException && exceptionMatches(e, StopIteration) && g.finished) {
      setStopValue(newref(e.args.items[0] ?? None));
      decref(e);
      return null;
    }
    throw e;
  }
}

function throwDirect(g: PyGen, exc: PyBaseException): PyObject {
  const r = genSendEx(g, exc, true);
  if (r !== null) return r;
  throw stopWith(g);
}

function closeIterator(yf: PyObject): void {
  if (yf instanceof PyGen) {
    decref(close(yf));
    return;
  }
  const meth = getAttrOrNull(yf, 'close');
  if (meth) {
    try {
      decref(call(meth, []));
    } finally {
      decref(meth);
    }
  }
}

/** gen_close */
function close(g: PyGen): PyObject {
  if (g.finished || g.frame.state === FrameState.CREATED) {
    if (!g.finished) {
      g.finished = true;
      releaseFrame(g.frame);
    }
    return newref(None);
  }
  const exc = newException(GeneratorExit, []);
  let r: PyObject;
  try {
    r = throwInto(g, exc);
  } catch (e) {
    if (e instanceof PyBaseException && (exceptionMatches(e, GeneratorExit) || exceptionMatches(e, StopIteration))) {
      decref(e);
      return newref(None);
    }
    throw e;
  }
  decref(r);
  throw runtimeError(`${g.type.name === 'coroutine' ? 'coroutine' : 'generator'} ignored GeneratorExit`);
}

/** _PyGen_Finalize: a suspended generator is closed when it dies. */
function finalize(g: PyGen): void {
  if (g.finished || g.frame.state === FrameState.CREATED) return;
  try {
    decref(close(g));
  } catch (e) {
    if (e instanceof PyBaseException) instanceHooks.unraisable(e, g);
    else throw e;
  }
}

function dealloc(g: PyGen): void {
  if (!g.finished) {
    g.finished = true;
    g.frame.generator = null;
    if (g.frame.state !== FrameState.CLEARED) releaseFrame(g.frame);
  }
}

function awaitOf(g: PyGen): PyObject {
  const w = new PyCoroWrapper(newref(g));
  allocObject(w, 24);
  gcTrack(w);
  return w;
}

genOps.send = send;
genOps.next = next;
genOps.throw = (g, args) => throwInto(g, makeThrown(args));
genOps.close = close;
genOps.finalize = finalize;
genOps.dealloc = dealloc;
genOps.await = awaitOf;
frameOfGen.get = (g) => getFrameObject(g.frame);

