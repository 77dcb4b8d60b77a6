// None, NotImplemented and Ellipsis (Objects/object.c, Objects/sliceobject.c): static objects
// with their own types, which cannot be instantiated into new objects.
import { PyObject } from './object.js';
import { defineType } from './define.js';
import type { PyType, TypeSlots } from './type.js';
import { typeError } from './exceptions.js';
import { internStr } from './str.js';
import { allocStatic } from './heap.js';

function neverFreed(o: PyObject): void {
  throw new Error(`the static object ${o.type.name} lost its last reference`);
}

/** A singleton's type: its repr is its name, and calling the type gives the singleton back. */
function singletonType(name: string, text: string, extra: Partial<TypeSlots> = {}, pickledByName = true): PyType {
  const type = defineType({
    name,
    layout: { basicsize: 16 },
    // NotImplemented_reduce / ellipsis_reduce: pickled by name, as a global of builtins.
    ...(pickledByName ? { methods: { __reduce__: { kind: 'noargs', fn: () => newStaticText(text) } } } : {}),
    slots: {
      tp_dealloc: neverFreed,
      tp_repr: () => newStaticText(text),
      tp_new: (t, args, kwnames) => {
        if (args.length || kwnames?.length) throw typeError(`${name} takes no arguments`);
        const o = instances.get(t)!;
        o.refcnt++;
        return o;
      },
      ...extra,
    },
  });
  return type;
}

const instances = new Map<PyType, PyObject>();

export const noneType = singletonType('NoneType', 'None', { nb_bool: () => false }, false);
export const notImplementedType = singletonType('NotImplementedType', 'NotImplemented');
export const ellipsisType = singletonType('ellipsis', 'Ellipsis');

function staticSingleton(type: PyType): PyObject {
  const o = new PyObject(type);
  instances.set(type, o);
  allocStatic(o, 16);
  // CPython's static singletons start with a large count of references from the interpreter.
  o.refcnt = 1 << 20;
  return o;
}

export const None = staticSingleton(noneType);
export const NotImplemented = staticSingleton(notImplementedType);
export const Ellipsis = staticSingleton(ellipsisType);

/** The repr of a singleton: an interned str, as CPython returns its static string. */
function newStaticText(text: string): PyObject {
  return internStr(text);
}
