// _PyEval_GetBuiltin for the object layer: reductions name builtins.getattr, which only the
// interpreter's builtins module holds (the hook is installed with the standard library).
import type { PyObject } from './object.js';

export const evalBuiltins = {
  /** A new reference to the builtin called `name`. */
  get: null as unknown as (name: string) => PyObject,
};
