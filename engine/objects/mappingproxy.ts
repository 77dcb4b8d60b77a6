// mappingproxy (Objects/descrobject.c): the read-only view a class's namespace is seen through
// as `cls.__dict__`. A class defined in Python is viewed through its own dict; a builtin type's
// namespace is copied into a fresh dict for each operation that needs one.
import { PyGCObject, PyObject, decref, newref } from './object.js';
import { PyType, TypeFlags } from './type.js';
import { defineType } from './define.js';
import { allocObject, freeObject } from './heap.js';
import { internStr, newStr } from './str.js';
import { typeError } from './exceptions.js';
import { callMethod, contains, getItem, getIter, reprString } from './abstract.js';
import { gcTrack, gcUntrack } from '../gc/track.js';
import { PyDict, dictSetItem, newDict } from './dict.js';
import type { NativeCode } from './native.js';

export class PyMappingProxy extends PyGCObject {
  constructor(readonly mapping: PyType) {
    super(mappingProxyType);
  }
}

/** The dict behind the proxy, as a new reference. */
function dictOf(p: PyMappingProxy): PyDict {
  const type = p.mapping;
  if (type.dictObject) return newref(type.dictObject as PyDict);
  const d = newDict();
  for (const [name, value] of type.dict) {
    const key = internStr(name);
    dictSetItem(d, key, value);
    decref(key);
  }
  return d;
}

function withDict<T>(o: PyObject, fn: (d: PyDict) => T): T {
  const d = dictOf(o as PyMappingProxy);
  try {
    return fn(d);
  } finally {
    decref(d);
  }
}

/** A method that calls the dict's method of the same name. */
function forward(name: string): NativeCode {
  return { kind: 'fast', fn: (self, args) => withDict(self, (d) => callMethod(d, name, args)) };
}

export const mappingProxyType = defineType({
  name: 'mappingproxy',
  flags: TypeFlags.HAVE_GC | TypeFlags.MAPPING,
  layout: { basicsize: 24 },
  slots: {
    tp_dealloc: (o) => {
      gcUntrack(o as PyGCObject);
      decref((o as PyMappingProxy).mapping);
      freeObject(o);
    },
    tp_traverse: (o, visit) => visit((o as PyMappingProxy).mapping),
    mp_length: (o) => (o as PyMappingProxy).mapping.dict.size,
    mp_subscript: (o, key) => withDict(o, (d) => getItem(d, key)),
    sq_contains: (o, key) => withDict(o, (d) => contains(d, key)),
    tp_iter: (o) => withDict(o, (d) => getIter(d)),
    tp_repr: (o) => newStr(`mappingproxy(${withDict(o, (d) => reprString(d))})`),
    tp_new: () => {
      throw typeError('mappingproxy() argument must be a mapping');
    },
  },
  methods: {
    keys: forward('keys'),
    values: forward('values'),
    items: forward('items'),
    get: forward('get'),
    copy: forward('copy'),
  },
});

export function newMappingProxy(type: PyType): PyMappingProxy {
  const p = new PyMappingProxy(newref(type));
  allocObject(p, 24);
  gcTrack(p);
  return p;
}
