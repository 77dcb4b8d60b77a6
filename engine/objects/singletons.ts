// None, NotImplemented and Ellipsis (Objects/object.c, Objects/sliceobject.c): static objects
// with their own types, which cannot be instantiated into new objects.
import { PyObject } from './object.js';
import { defineType } from './define.js';
import { allocStatic } from './heap.js';

function neverFreed(o: PyObject): void {
  throw new Error(`the static object ${o.type.name} lost its last reference`);
}

export const noneType = defineType({ name: 'NoneType', layout: { basicsize: 16 }, slots: { tp_dealloc: neverFreed, nb_bool: () => false } });
export const notImplementedType = defineType({ name: 'NotImplementedType', layout: { basicsize: 16 }, slots: { tp_dealloc: neverFreed } });
export const ellipsisType = defineType({ name: 'ellipsis', layout: { basicsize: 16 }, slots: { tp_dealloc: neverFreed } });

function staticSingleton(type: typeof noneType): PyObject {
  const o = new PyObject(type);
  allocStatic(o, 16);
  // CPython's static singletons start with a large count of references from the interpreter.
  o.refcnt = 1 << 20;
  return o;
}

export const None = staticSingleton(noneType);
export const NotImplemented = staticSingleton(notImplementedType);
export const Ellipsis = staticSingleton(ellipsisType);
