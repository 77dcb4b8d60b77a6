// staticmethod and classmethod (Objects/funcobject.c sm_descr_get, cm_descr_get): wrappers that
// change how a function binds when found on a class. Both carry a __dict__ and copy the wrapped
// function's metadata (__name__, __doc__, __annotations__...) as 3.10+ does.
import { PyGCObject, PyObject, decref, newref, xdecref } from './object.js';
import { PyType, TypeFlags } from './type.js';
import { defineType } from './define.js';
import { allocObject, freeObject } from './heap.js';
import { gcTrack, gcUntrack } from '../gc/track.js';
import { None } from './singletons.js';
import { newMethod } from './method.js';
import { call, getAttrOrNull, isTrue, setInstanceAttrs } from './abstract.js';
import { typeError } from './exceptions.js';
import { newBool } from './int.js';
import { heapInstanceAttrs, instanceDict, type HeapInstance } from './instance.js';

export class PyFuncWrapper extends PyGCObject {
  callable: PyObject | null = null;
  values: Map<string, PyObject> | null = null;
  dict: HeapInstance['dict'] = null;
}

/** The metadata functools.update_wrapper would copy, copied at construction (3.10+). */
const COPIED = ['__module__', '__name__', '__qualname__', '__doc__', '__annotations__'] as const;

function wrapperInit(self: PyObject, args: PyObject[], kwnames: readonly string[] | null): void {
  const name = self.type.name;
  if (kwnames?.length) throw typeError(`${name}() takes no keyword arguments`);
  if (args.length !== 1) throw typeError(`${name} expected 1 argument, got ${args.length}`);
  const w = self as PyFuncWrapper;
  const old = w.callable;
  w.callable = newref(args[0]!);
  xdecref(old);
  for (const attr of COPIED) {
    const v = getAttrOrNull(args[0]!, attr);
    if (v === null) continue;
    heapInstanceAttrs.set(self, attr, v);
    decref(v);
  }
}

function wrapperType(name: string, descrGet: PyType['tp_descr_get'], extra: Partial<PyType> = {}): PyType {
  const type = defineType({
    name,
    flags: TypeFlags.BASETYPE | TypeFlags.HAVE_GC,
    layout: { basicsize: 32 },
    slots: {
      tp_new: (t) => {
        const w = new PyFuncWrapper(t);
        allocObject(w, t.basicsize);
        gcTrack(w);
        return w;
      },
      tp_init: wrapperInit,
      tp_dealloc: (o) => {
        const w = o as PyFuncWrapper;
        gcUntrack(w);
        xdecref(w.callable);
        w.callable = null;
        if (w.values) for (const v of w.values.values()) decref(v);
        w.values = null;
        xdecref(w.dict);
        w.dict = null;
        freeObject(w);
      },
      tp_traverse: (o, visit) => {
        const w = o as PyFuncWrapper;
        if (w.callable) visit(w.callable);
        if (w.values) for (const v of w.values.values()) visit(v);
        if (w.dict) visit(w.dict);
      },
      tp_descr_get: descrGet,
      ...extra,
    },
    getsets: {
      __func__: { get: (o) => newref((o as PyFuncWrapper).callable ?? None) },
      __wrapped__: { get: (o) => newref((o as PyFuncWrapper).callable ?? None) },
      __isabstractmethod__: {
        get: (o) => {
          const f = (o as PyFuncWrapper).callable;
          const flag = f ? getAttrOrNull(f, '__isabstractmethod__') : null;
          if (flag === null) return newBool(false);
          const b = isTrue(flag);
          decref(flag);
          return newBool(b);
        },
      },
      __dict__: { get: (o) => newref(instanceDict(o as HeapInstance)) },
    },
  });
  setInstanceAttrs(type, heapInstanceAttrs);
  return type;
}

function uninitialized(w: PyFuncWrapper): PyObject {
  if (!w.callable) throw typeError(`uninitialized ${w.type.name} object`);
  return w.callable;
}

/** sm_descr_get: the function itself, whether found through the class or an instance. */
export const staticMethodType = wrapperType('staticmethod', (descr) => newref(uninitialized(descr as PyFuncWrapper)), {
  tp_call: (o, args, kwnames) => call(uninitialized(o as PyFuncWrapper), args, kwnames),
});

/** cm_descr_get: a method bound to the class (or to the instance's class); a wrapped object
 *  that is itself a descriptor is asked to bind to the class instead (3.9+ chaining). */
export const classMethodType = wrapperType('classmethod', (descr, obj, type) => {
  const w = descr as PyFuncWrapper;
  const fn = uninitialized(w);
  const cls = type ?? (obj as PyObject).type;
  const get = fn.type.tp_descr_get;
  return get ? get(fn, cls, cls) : newMethod(fn, cls);
});
