// callable_iterator (Objects/iterobject.c): iter(callable, sentinel).
import { PyGCObject, PyObject, decref, newref, xdecref } from '../../objects/object.js';
import { TypeFlags } from '../../objects/type.js';
import { defineType } from '../../objects/define.js';
import { allocObject, freeObject } from '../../objects/heap.js';
import { gcTrack, gcUntrack } from '../../gc/track.js';
import { call, richCompareBool } from '../../objects/abstract.js';
import { CompareOp } from '../../objects/type.js';
import { PyBaseException, StopIteration, exceptionMatches } from '../../objects/exceptions.js';

class PyCallIter extends PyGCObject {
  constructor(public func: PyObject | null, public sentinel: PyObject | null) {
    super(callIterType);
  }
}

const CALLITER_SIZE = 32;

/** Drops the callable and sentinel once the iterator is exhausted, as calliter_iternext does. */
function exhaust(it: PyCallIter): null {
  const f = it.func;
  const s = it.sentinel;
  it.func = null;
  it.sentinel = null;
  xdecref(f);
  xdecref(s);
  return null;
}

const callIterType = defineType({
  name: 'callable_iterator',
  flags: TypeFlags.HAVE_GC,
  layout: { basicsize: CALLITER_SIZE },
  slots: {
    tp_dealloc: (o) => {
      const it = o as PyCallIter;
      gcUntrack(it);
      exhaust(it);
      freeObject(it);
    },
    tp_traverse: (o, visit) => {
      const it = o as PyCallIter;
      if (it.func) visit(it.func);
      if (it.sentinel) visit(it.sentinel);
    },
    tp_iter: (o) => newref(o),
    tp_iternext: (o) => {
      const it = o as PyCallIter;
      if (!it.func) return null;
      let r: PyObject;
      try {
        r = call(it.func, []);
      } catch (e) {
        if (e instanceof PyBaseException && exceptionMatches(e, StopIteration)) {
          decref(e);
          return exhaust(it);
        }
        throw e;
      }
      if (richCompareBool(r, it.sentinel!, CompareOp.EQ)) {
        decref(r);
        return exhaust(it);
      }
      return r;
    },
  },
});

export function newCallableIterator(func: PyObject, sentinel: PyObject): PyObject {
  const it = new PyCallIter(newref(func), newref(sentinel));
  allocObject(it, CALLITER_SIZE);
  gcTrack(it);
  return it;
}
