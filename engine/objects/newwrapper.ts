// `X.__new__` of a builtin type (Objects/typeobject.c tp_new_wrapper): a builtin function bound
// to the type that checks its first argument is a subclass it may safely build, then calls the
// type's tp_new. Classes recognise it to inherit the native tp_new (classslots.ts).
import type { PyObject } from './object.js';
import { PyType } from './type.js';
import { PyCFunction } from './descr.js';
import { typeError } from './exceptions.js';
import { pythonNewSlot } from './classslots.js';

const wrapped = new WeakMap<PyObject, PyType>();

/** The type whose tp_new a `__new__` attribute wraps, if it is such a wrapper. */
export function newWrapperTarget(o: PyObject): PyType | undefined {
  return wrapped.get(o);
}

function tpNewWrapper(self: PyObject, args: PyObject[], kwnames: readonly string[] | null): PyObject {
  const type = self as PyType;
  const npos = args.length - (kwnames?.length ?? 0);
  if (npos < 1) throw typeError(`${type.name}.__new__(): not enough arguments`);
  const sub = args[0]!;
  if (!(sub instanceof PyType)) throw typeError(`${type.name}.__new__(X): X is not a type object (${sub.type.name})`);
  if (!sub.isSubtype(type)) throw typeError(`${type.name}.__new__(${sub.name}): ${sub.name} is not a subtype of ${type.name}`);
  let staticBase: PyType | null = sub;
  while (staticBase && staticBase.tp_new === pythonNewSlot) {
    staticBase = staticBase.base;
  }
  if (staticBase && staticBase.tp_new !== type.tp_new) {
    throw typeError(`${type.name}.__new__(${sub.name}) is not safe, use ${staticBase.name}.__new__()`);
  }
  return type.tp_new!(sub, args.slice(1), kwnames);
}

export function newWrapperFor(type: PyType): PyCFunction {
  const f = new PyCFunction({
    name: '__new__',
    code: { kind: 'fastkw', fn: tpNewWrapper },
    doc: `Create and return a new object.  See help(type) for accurate signature.`,
  }, type, null);
  wrapped.set(f, type);
  return f;
}
