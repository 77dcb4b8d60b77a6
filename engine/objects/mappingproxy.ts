// mappingproxy (Objects/descrobject.c): the read-only view a class's namespace is seen through
// as `cls.__dict__`.
import { PyObject, decref, newref } from './object.js';
import { PyType, TypeFlags } from './type.js';
import { defineType } from './define.js';
import { allocObject, freeObject } from './heap.js';
import { PyStr, newStr } from './str.js';
import { None } from './singletons.js';
import { newTuple } from './tuple.js';
import { keyError, typeError } from './exceptions.js';
import { reprString } from './abstract.js';
import { gcTrack, gcUntrack } from '../gc/track.js';
import { PyGCObject } from './object.js';

export class PyMappingProxy extends PyGCObject {
  constructor(readonly mapping: PyType) {
    super(mappingProxyType);
  }
}

function keyOf(key: PyObject): string | null {
  return key instanceof PyStr ? key.value : null;
}

/** Iterates the names of the proxied namespace as str objects. */
function namesTuple(p: PyMappingProxy): PyObject {
  return newTuple([...p.mapping.dict.keys()].map((k) => newStr(k)));
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
    mp_subscript: (o, key) => {
      const name = keyOf(key);
      const v = name === null ? undefined : (o as PyMappingProxy).mapping.dict.get(name);
      if (v === undefined) throw keyError(key);
      return newref(v);
    },
    sq_contains: (o, key) => {
      const name = keyOf(key);
      return name !== null && (o as PyMappingProxy).mapping.dict.has(name);
    },
    tp_iter: (o) => {
      const names = namesTuple(o as PyMappingProxy);
      try {
        return names.type.tp_iter!(names);
      } finally {
        decref(names);
      }
    },
    tp_repr: (o) => {
      const parts: string[] = [];
      for (const [k, v] of (o as PyMappingProxy).mapping.dict) parts.push(`'${k}': ${reprString(v)}`);
      return newStr(`mappingproxy({${parts.join(', ')}})`);
    },
    tp_new: () => {
      throw typeError('mappingproxy() argument must be a mapping');
    },
  },
  methods: {
    get: {
      kind: 'fast',
      fn: (self, args) => {
        if (args.length < 1 || args.length > 2) throw typeError(`get expected at most 2 arguments, got ${args.length}`);
        const name = keyOf(args[0]!);
        const v = name === null ? undefined : (self as PyMappingProxy).mapping.dict.get(name);
        return newref(v ?? args[1] ?? None);
      },
    },
  },
});

export function newMappingProxy(type: PyType): PyMappingProxy {
  const p = new PyMappingProxy(newref(type));
  allocObject(p, 24);
  gcTrack(p);
  return p;
}
