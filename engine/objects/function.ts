// Function objects (Objects/funcobject.c): code plus the globals, defaults, closure and
// attributes of one `def` or `lambda`. Calling one runs its code in a new frame (engine/vm).
import { PyGCObject, PyObject, decref, newref, xdecref } from './object.js';
import { PyType, TypeFlags } from './type.js';
import { defineType } from './define.js';
import { allocObject, freeObject } from './heap.js';
import { gcTrack, gcUntrack } from '../gc/track.js';
import { PyStr, internStr, newStr } from './str.js';
import { PyTuple } from './tuple.js';
import { PyDict, dictDelStr, dictGetStr, dictSetItem, isDict, newDict } from './dict.js';
import { setInstanceAttrs } from './abstract.js';
import { None } from './singletons.js';
import { PyCode } from './code.js';
import { typeError } from './exceptions.js';
import { newMethod } from './method.js';
import { clearWeakrefs } from './weakref.js';

export class PyFunction extends PyGCObject {
  name: PyStr;
  qualname: PyStr;
  defaults: PyTuple | null = null;
  kwdefaults: PyDict | null = null;
  closure: PyTuple | null = null;
  doc: PyObject;
  dict: PyDict | null = null;
  module: PyObject;
  annotations: PyObject | null = null;
  constructor(public code: PyCode, public globals: PyDict, public builtins: PyDict) {
    super(functionType);
    this.name = newref(code.nameObj as PyStr);
    this.qualname = newref(code.qualnameObj as PyStr);
    const first = code.consts[0];
    this.doc = newref(first instanceof PyStr ? first : None);
    const mod = dictGetStr(globals, '__name__');
    this.module = newref(mod ?? None);
  }
}

/** sizeof(PyFunctionObject) in 3.11 */
const FUNCTION_SIZE = 136;

/** How the VM runs a function called from native code; installed by engine/vm. */
export const functionCall: {
  run: (f: PyFunction, args: PyObject[], kwnames: readonly string[] | null) => PyObject;
} = {
  run: () => {
    throw new Error('the evaluation loop is not loaded');
  },
};

/** func_dealloc: weak references first, then everything the function holds. */
function deallocFunction(o: PyObject): void {
  const f = o as PyFunction;
  gcUntrack(f);
  clearWeakrefs(f);
  clearFunction(f);
  for (const r of [f.code, f.globals, f.builtins, f.name, f.qualname, f.doc, f.module]) decref(r);
  freeObject(f);
}

/** func_clear, as far as it can go while the function stays usable by whoever still holds it:
 *  the collector calls it to break cycles, and dealloc finishes the job. */
function clearFunction(f: PyFunction): void {
  const refs: (PyObject | null)[] = [f.defaults, f.kwdefaults, f.closure, f.dict, f.annotations];
  f.defaults = null;
  f.kwdefaults = null;
  f.closure = null;
  f.dict = null;
  f.annotations = null;
  for (const r of refs) xdecref(r);
}

function setRef<K extends 'defaults' | 'kwdefaults' | 'closure' | 'annotations' | 'dict'>(f: PyFunction, key: K, v: PyFunction[K]): void {
  const old = f[key];
  f[key] = v ? newref(v) as PyFunction[K] : null as PyFunction[K];
  xdecref(old);
}

export const functionType: PyType = defineType({
  name: 'function',
  flags: TypeFlags.HAVE_GC | TypeFlags.METHOD_DESCRIPTOR | TypeFlags.HAVE_VECTORCALL,
  layout: { basicsize: FUNCTION_SIZE },
  weakrefable: true,
  slots: {
    tp_dealloc: deallocFunction,
    tp_traverse: (o, visit) => {
      const f = o as PyFunction;
      for (const r of [f.code, f.globals, f.builtins, f.name, f.qualname, f.defaults, f.kwdefaults, f.closure, f.doc, f.dict, f.module, f.annotations]) {
        if (r) visit(r);
      }
    },
    tp_clear: (o) => clearFunction(o as PyFunction),
    tp_repr: (o) => newStr(`<function ${(o as PyFunction).qualname.value} at 0x${o.addr.toString(16)}>`),
    tp_call: (callable, args, kwnames) => functionCall.run(callable as PyFunction, args, kwnames),
    tp_descr_get: (descr, obj) => (obj === null || obj === None ? newref(descr) : newMethod(descr, obj)),
  },
  getsets: {
    __name__: {
      get: (o) => newref((o as PyFunction).name),
      set: (o, v) => {
        if (!(v instanceof PyStr)) throw typeError('__name__ must be set to a string object');
        const f = o as PyFunction;
        const old = f.name;
        f.name = newref(v);
        decref(old);
      },
    },
    __qualname__: {
      get: (o) => newref((o as PyFunction).qualname),
      set: (o, v) => {
        if (!(v instanceof PyStr)) throw typeError('__qualname__ must be set to a string object');
        const f = o as PyFunction;
        const old = f.qualname;
        f.qualname = newref(v);
        decref(old);
      },
    },
    __code__: { get: (o) => newref((o as PyFunction).code) },
    __globals__: { get: (o) => newref((o as PyFunction).globals) },
    __builtins__: { get: (o) => newref((o as PyFunction).builtins) },
    __closure__: { get: (o) => newref((o as PyFunction).closure ?? None) },
    __defaults__: {
      get: (o) => newref((o as PyFunction).defaults ?? None),
      set: (o, v) => {
        if (v !== null && v !== None && !(v instanceof PyTuple)) throw typeError('__defaults__ must be set to a tuple object');
        setRef(o as PyFunction, 'defaults', v === None ? null : v as PyTuple | null);
      },
    },
    __kwdefaults__: {
      get: (o) => newref((o as PyFunction).kwdefaults ?? None),
      set: (o, v) => {
        if (v !== null && v !== None && !isDict(v)) throw typeError('__kwdefaults__ must be set to a dict object');
        setRef(o as PyFunction, 'kwdefaults', v === None ? null : v as PyDict | null);
      },
    },
    __doc__: {
      get: (o) => newref((o as PyFunction).doc),
      set: (o, v) => {
        const f = o as PyFunction;
        const old = f.doc;
        f.doc = newref(v ?? None);
        decref(old);
      },
    },
    __module__: {
      get: (o) => newref((o as PyFunction).module),
      set: (o, v) => {
        const f = o as PyFunction;
        const old = f.module;
        f.module = newref(v ?? None);
        decref(old);
      },
    },
    __annotations__: {
      get: (o) => {
        const f = o as PyFunction;
        if (!f.annotations) f.annotations = newDict();
        return newref(f.annotations);
      },
      set: (o, v) => setRef(o as PyFunction, 'annotations', v === None ? null : v),
    },
    __dict__: {
      get: (o) => {
        const f = o as PyFunction;
        if (!f.dict) f.dict = newDict();
        return newref(f.dict);
      },
      set: (o, v) => {
        if (!v || !isDict(v)) throw typeError('__dict__ must be set to a dictionary, not a \'' + (v ? v.type.name : 'NoneType') + "'");
        setRef(o as PyFunction, 'dict', v);
      },
    },
  },
});

// Function attributes live in the function's __dict__, made on first store.
setInstanceAttrs(functionType, {
  get: (o, name) => {
    const d = (o as PyFunction).dict;
    return d ? dictGetStr(d, name) : null;
  },
  set: (o, name, value) => {
    const f = o as PyFunction;
    if (value === null) return f.dict ? dictDelStr(f.dict, name) : false;
    if (!f.dict) f.dict = newDict();
    const key = internStr(name);
    dictSetItem(f.dict, key, value);
    decref(key);
    return true;
  },
});

/** PyFunction_New: a function of `code` (borrowed) and `globals` (borrowed). */
export function newFunction(code: PyCode, globals: PyDict, builtins: PyDict): PyFunction {
  const f = new PyFunction(newref(code), newref(globals), newref(builtins));
  allocObject(f, FUNCTION_SIZE);
  return f;
}

/** Tracks a fully built function for the collector (MAKE_FUNCTION does it last). */
export function trackFunction(f: PyFunction): void {
  gcTrack(f);
}
