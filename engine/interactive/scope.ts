// The namespace completion and inspection look into: the user's __main__ and the builtins. Code
// evaluated for them runs quietly: an exception means "nothing to offer", never an error.
import { PyObject, decref } from '../objects/object.js';
import type { PyDict } from '../objects/dict.js';
import { PyBaseException } from '../objects/exceptions.js';
import { compileSource } from '../vm/compileSource.js';
import { runCode, vm } from '../vm/eval.js';

export interface UserScope {
  globals: PyDict;
  builtins: PyDict;
}

/** The value of `expr` in the user namespace (new reference), or null when it does not evaluate. */
export function evaluateQuiet(scope: UserScope, expr: string): PyObject | null {
  try {
    const co = compileSource(expr, '<completion>', 'eval');
    try {
      return runCode(co, scope.globals, scope.builtins, scope.globals);
    } finally {
      decref(co);
    }
  } catch (e) {
    if (e instanceof PyBaseException) decref(e);
    else throw e;
    return null;
  } finally {
    vm.current = null;
    vm.depth = 0;
  }
}

/** Runs `body`, turning a Python exception into `fallback` (completion and inspection are best effort). */
export function quietly<T>(fallback: T, body: () => T): T {
  try {
    return body();
  } catch (e) {
    if (e instanceof PyBaseException) {
      decref(e);
      return fallback;
    }
    throw e;
  }
}
