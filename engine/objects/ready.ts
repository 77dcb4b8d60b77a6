// PyType_Ready's filling of a builtin type's namespace (Objects/typeobject.c type_ready,
// add_operators, add_methods, add_getset): slot wrappers, methods, class methods, computed
// attributes and the docstring. Runs for every type declared so far, then for each new one.
import type { PyObject } from './object.js';
import { allocStatic } from './heap.js';
import { registry, type Declared } from './define.js';
import { inheritSlots } from './type.js';
import { PyClassMethodDescr, PyGetSetDescr, PyMethodDescr } from './descr.js';
import { newWrapperFor } from './newwrapper.js';
import type { NativeCode, NativeFunctionDef } from './native.js';
import { wrappersFor } from './slots.js';
import { newStaticStr } from './str.js';

function nativeDef(name: string, entry: NativeCode | { code: NativeCode; doc?: string }): NativeFunctionDef {
  return 'kind' in entry ? { name, code: entry } : { name, code: entry.code, doc: entry.doc };
}

/** What readying creates lives as long as the interpreter, in its static data like the type. */
function staticEntry(o: PyObject, size: number): PyObject {
  allocStatic(o, size);
  o.refcnt = 1 << 20;
  return o;
}

function readyOne({ type, spec }: Declared): void {
  const dict = type.dict;
  // type_ready_inherit: slots the bases got after this type was declared reach it now.
  for (const base of type.mro.slice(1)) inheritSlots(type, base);
  if (type.tp_new && type.tp_new !== type.base?.tp_new && !dict.has('__new__')) {
    dict.set('__new__', staticEntry(newWrapperFor(type), 56));
  }
  for (const [name, wrapper] of wrappersFor(type)) {
    if (!dict.has(name)) dict.set(name, staticEntry(wrapper, 56));
  }
  for (const [name, entry] of Object.entries(spec.methods ?? {})) {
    dict.set(name, staticEntry(new PyMethodDescr(nativeDef(name, entry), type), 56));
  }
  for (const [name, entry] of Object.entries(spec.classMethods ?? {})) {
    dict.set(name, staticEntry(new PyClassMethodDescr(nativeDef(name, entry), type), 56));
  }
  for (const [name, def] of Object.entries(spec.getsets ?? {})) {
    dict.set(name, staticEntry(new PyGetSetDescr(name, def, type), 48));
  }
  const attributes: Record<string, PyObject> = spec.attributes?.() ?? {};
  for (const [name, value] of Object.entries(attributes)) dict.set(name, value);
  if (spec.doc !== undefined && !dict.has('__doc__')) dict.set('__doc__', newStaticStr(spec.doc));
  type.modified();
}

/** Readies every type declared so far, and from now on each type as it is declared. */
export function readyTypes(): void {
  if (registry.ready) return;
  registry.ready = readyOne;
  for (const d of registry.declared) readyOne(d);
}
