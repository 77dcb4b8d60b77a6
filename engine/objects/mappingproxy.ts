// mappingproxy (Objects/descrobject.c): a read-only view of a mapping, the one a class's
// namespace is seen through as `cls.__dict__` and types.MappingProxyType(mapping). A class
// defined in Python is viewed through its own dict; a builtin type's namespace is copied into a
// fresh dict for each operation that needs one.
import { PyGCObject, PyObject, decref, newref } from './object.js';
import { PyType, TypeFlags } from './type.js';
import { defineType } from './define.js';
import { allocObject, freeObject } from './heap.js';
import { internStr, newStr } from './str.js';
import { typeError } from './exceptions.js';
import { BinaryOp, binaryOp, callMethod, contains, getItem, getIter, length, reprString, richCompare, str } from './abstract.js';
import { PyList } from './list.js';
import { PyTuple } from './tuple.js';
import { None } from './singletons.js';
import { newGenericAlias } from './genericalias.js';
import { gcTrack, gcUntrack } from '../gc/track.js';
import { PyDict, dictSetItem, newDict } from './dict.js';
import type { NativeCode } from './native.js';

export class PyMappingProxy extends PyGCObject {
  constructor(readonly mapping: PyObject) {
    super(mappingProxyType);
  }
}

/** The mapping behind the proxy, as a new reference. */
function dictOf(p: PyMappingProxy): PyObject {
  const type = p.mapping;
  if (!(type instanceof PyType)) return newref(type);
  if (type.dictObject) return newref(type.dictObject as PyDict);
  const d = newDict();
  for (const [name, value] of type.dict) {
    const key = internStr(name);
    dictSetItem(d, key, value);
    decref(key);
  }
  return d;
}

function withDict<T>(o: PyObject, fn: (d: PyObject) => T): T {
  const d = dictOf(o as PyMappingProxy);
  try {
    return fn(d);
  } finally {
    decref(d);
  }
}

/** mappingproxy_or: a proxy operand stands for its mapping. */
function proxyOr(a: PyObject, b: PyObject): PyObject {
  const left = a instanceof PyMappingProxy ? dictOf(a) : newref(a);
  const right = b instanceof PyMappingProxy ? dictOf(b) : newref(b);
  try {
    return binaryOp(left, right, BinaryOp.OR);
  } finally {
    decref(left);
    decref(right);
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
    mp_length: (o) => {
      const m = (o as PyMappingProxy).mapping;
      return m instanceof PyType ? m.dict.size : length(m);
    },
    mp_subscript: (o, key) => withDict(o, (d) => getItem(d, key)),
    sq_contains: (o, key) => withDict(o, (d) => contains(d, key)),
    tp_iter: (o) => withDict(o, (d) => getIter(d)),
    tp_repr: (o) => newStr(`mappingproxy(${withDict(o, (d) => reprString(d))})`),
    tp_str: (o) => withDict(o, (d) => str(d)),
    tp_richcompare: (o, other, op) => withDict(o, (d) => richCompare(d, other, op)),
    nb_or: proxyOr,
    // mappingproxy_new: any mapping but the two sequence types.
    tp_new: (_type, args, kwnames) => {
      const byKeyword = kwnames?.length === 1 && kwnames[0] === 'mapping' && args.length === 1;
      if (kwnames?.length && !byKeyword) throw typeError(`mappingproxy() got an unexpected keyword argument '${kwnames[0]}'`);
      if (args.length === 0) throw typeError("mappingproxy() missing required argument 'mapping' (pos 1)");
      if (args.length > 1) throw typeError(`mappingproxy() takes at most 1 argument (${args.length} given)`);
      const m = args[0]!;
      if (!m.type.mp_subscript || m instanceof PyList || m instanceof PyTuple) {
        throw typeError(`mappingproxy() argument must be a mapping, not ${m.type.name}`);
      }
      return newMappingProxy(m);
    },
  },
  methods: {
    keys: forward('keys'),
    values: forward('values'),
    items: forward('items'),
    get: forward('get'),
    copy: forward('copy'),
    __reversed__: forward('__reversed__'),
  },
  classMethods: {
    __class_getitem__: { kind: 'o', fn: newGenericAlias },
  },
  attributes: () => ({ __hash__: None }),
});

export function newMappingProxy(mapping: PyObject): PyMappingProxy {
  const p = new PyMappingProxy(newref(mapping));
  allocObject(p, 24);
  gcTrack(p);
  return p;
}
