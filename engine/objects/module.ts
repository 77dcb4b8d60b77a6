// Module objects (Objects/moduleobject.c): a namespace dict with a name. Attribute access reads
// and writes the dict; a missing attribute asks the module's own __getattr__ (PEP 562).
import { PyGCObject, PyObject, decref, newref } from './object.js';
import { TypeFlags } from './type.js';
import { defineType } from './define.js';
import { allocObject, freeObject } from './heap.js';
import { gcTrack, gcUntrack } from '../gc/track.js';
import { PyStr, internStr, newStr } from './str.js';
import { PyDict, dictDelStr, dictGetStr, dictSetItem, newDict } from './dict.js';
import { None } from './singletons.js';
import { AttributeError, PyBaseException, attributeError, exceptionMatches, typeError } from './exceptions.js';
import { unpackArgs } from './args.js';
import { call, genericGetAttr, setInstanceAttrs } from './abstract.js';

export class PyModule extends PyGCObject {
  /** Made by calling module(name): no import spec, so its repr is just the name. */
  madeByCall = false;
  constructor(public dict: PyDict, type = moduleType) {
    super(type);
  }
}

/** sizeof(PyModuleObject) */
const MODULE_SIZE = 56;

export function moduleName(m: PyModule): string | null {
  const n = dictGetStr(m.dict, '__name__');
  return n instanceof PyStr ? n.value : null;
}

export const moduleType = defineType({
  name: 'module',
  flags: TypeFlags.HAVE_GC | TypeFlags.BASETYPE,
  layout: { basicsize: MODULE_SIZE },
  slots: {
    tp_dealloc: (o) => {
      const m = o as PyModule;
      gcUntrack(m);
      decref(m.dict);
      freeObject(m);
    },
    tp_traverse: (o, visit) => visit((o as PyModule).dict),
    tp_repr: (o) => {
      const m = o as PyModule;
      const name = moduleName(m) ?? '?';
      const file = dictGetStr(m.dict, '__file__');
      if (file instanceof PyStr) return newStr(`<module '${name}' from '${file.value}'>`);
      return newStr(m.madeByCall ? `<module '${name}'>` : `<module '${name}' (built-in)>`);
    },
    tp_getattro: moduleGetAttr,
    tp_new: (type) => {
      const m = new PyModule(newDict(), type);
      allocObject(m, type.basicsize);
      m.madeByCall = true;
      gcTrack(m);
      return m;
    },
    // module___init___impl
    tp_init: (self, args, kwnames) => {
      const [name, doc] = unpackArgs({ fname: 'module', names: ['name', 'doc'], required: 1 }, args, kwnames);
      if (!(name instanceof PyStr)) throw typeError(`module() argument 'name' must be str, not ${name!.type.name}`);
      moduleInitDict(self as PyModule, name, doc ?? None);
    },
  },
  getsets: {
    __dict__: { get: (o) => newref((o as PyModule).dict) },
  },
});

setInstanceAttrs(moduleType, {
  get: (o, name) => dictGetStr((o as PyModule).dict, name),
  set: (o, name, value) => {
    const d = (o as PyModule).dict;
    if (value === null) return dictDelStr(d, name);
    const key = internStr(name);
    dictSetItem(d, key, value);
    decref(key);
    return true;
  },
});

/** module_getattro */
function moduleGetAttr(o: PyObject, name: string): PyObject {
  try {
    return genericGetAttr(o, name);
  } catch (e) {
    if (!(e instanceof PyBaseException) || !exceptionMatches(e, AttributeError)) throw e;
    decref(e);
  }
  const m = o as PyModule;
  const getattr = dictGetStr(m.dict, '__getattr__');
  if (getattr) {
    const n = newStr(name);
    try {
      return call(getattr, [n]);
    } finally {
      decref(n);
    }
  }
  const modName = moduleName(m);
  if (modName === null) throw attributeError(`module has no attribute '${name}'`);
  throw attributeError(`module '${modName}' has no attribute '${name}'`);
}

/** PyModule_New: an empty module named `name`, with __name__, __doc__, __package__, __loader__, __spec__. */
export function newModule(name: string, doc: PyObject = None): PyModule {
  const m = new PyModule(newDict());
  allocObject(m, MODULE_SIZE);
  const n = newStr(name);
  moduleInitDict(m, n, doc);
  decref(n);
  gcTrack(m);
  return m;
}

/** module_init_dict: the five attributes every module starts with. */
function moduleInitDict(m: PyModule, name: PyObject, doc: PyObject): void {
  moduleSet(m, '__name__', name);
  moduleSet(m, '__doc__', doc);
  moduleSet(m, '__package__', None);
  moduleSet(m, '__loader__', None);
  moduleSet(m, '__spec__', None);
}

/** Stores `value` (borrowed) as attribute `name` of a module. */
export function moduleSet(m: PyModule, name: string, value: PyObject): void {
  const key = internStr(name);
  dictSetItem(m.dict, key, value);
  decref(key);
}

