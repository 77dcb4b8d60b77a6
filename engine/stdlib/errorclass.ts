// PyErr_NewException (Python/errors.c): a module's own exception class, made as CPython makes
// it, by calling type(name, (base,), {'__module__': module}), so it is an ordinary heap class.
import { decref, newref } from '../objects/object.js';
import type { PyType } from '../objects/type.js';
import { typeType } from '../objects/typeobject.js';
import { Exception } from '../objects/exceptions.js';
import { call } from '../objects/abstract.js';
import { dictSetItem, newDict } from '../objects/dict.js';
import { newStr } from '../objects/str.js';
import { newTuple } from '../objects/tuple.js';

/** The class `module.name` deriving from `base` (Exception by default); a new reference. */
export function newExceptionClass(dottedName: string, base: PyType = Exception): PyType {
  const dot = dottedName.lastIndexOf('.');
  const ns = newDict();
  const key = newStr('__module__');
  const mod = newStr(dottedName.slice(0, dot));
  dictSetItem(ns, key, mod);
  decref(key);
  decref(mod);
  const name = newStr(dottedName.slice(dot + 1));
  const bases = newTuple([newref(base)]);
  try {
    return call(typeType, [name, bases, ns]) as PyType;
  } finally {
    decref(name);
    decref(bases);
    decref(ns);
  }
}
