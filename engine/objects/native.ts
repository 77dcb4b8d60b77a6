// How native (TypeScript) functions are described, called and checked: the METH_* calling
// conventions of Include/methodobject.h, and the argument errors of Python/getargs.c and
// Objects/methodobject.c with CPython's wording.
import type { PyObject } from './object.js';
import { typeError } from './exceptions.js';

/** METH_NOARGS, METH_O, METH_FASTCALL and METH_FASTCALL|METH_KEYWORDS. Arguments are borrowed,
 *  the result is a new reference. `self` is the bound object (the module for module functions). */
export type NativeCode =
  | { kind: 'noargs'; fn: (self: PyObject) => PyObject }
  | { kind: 'o'; fn: (self: PyObject, arg: PyObject) => PyObject }
  | { kind: 'fast'; fn: (self: PyObject, args: PyObject[]) => PyObject }
  | { kind: 'fastkw'; fn: (self: PyObject, args: PyObject[], kwnames: readonly string[] | null) => PyObject };

export interface NativeFunctionDef {
  name: string;
  code: NativeCode;
  /** The docstring's first lines as CPython shows them, including the text signature line
   *  ("append($self, object, /)\n--\n\nAppend object to the end of the list.") when it has one. */
  doc?: string;
}

/** Calls native code with vectorcall arguments, checking what METH_NOARGS / METH_O check.
 *  `owner` is the type a method belongs to: its errors say `str.upper()`, a function's `len()`. */
export function callNative(def: NativeFunctionDef, self: PyObject, args: PyObject[], kwnames: readonly string[] | null, owner: string | null = null): PyObject {
  const code = def.code;
  switch (code.kind) {
    case 'noargs':
      if (kwnames && kwnames.length) throw typeError(`${qualifiedName(def, owner)}() takes no keyword arguments`);
      if (args.length !== 0) throw typeError(`${qualifiedName(def, owner)}() takes no arguments (${args.length} given)`);
      return code.fn(self);
    case 'o':
      if (kwnames && kwnames.length) throw typeError(`${qualifiedName(def, owner)}() takes no keyword arguments`);
      if (args.length !== 1) throw typeError(`${qualifiedName(def, owner)}() takes exactly one argument (${args.length} given)`);
      return code.fn(self, args[0]!);
    case 'fast':
      if (kwnames && kwnames.length) throw typeError(`${qualifiedName(def, owner)}() takes no keyword arguments`);
      return code.fn(self, args);
    case 'fastkw':
      return code.fn(self, args, kwnames && kwnames.length ? kwnames : null);
  }
}

/** The name a call's error message gives the function: built only when an error is raised. */
function qualifiedName(def: NativeFunctionDef, owner: string | null): string {
  return owner ? `${owner}.${def.name}` : def.name;
}
