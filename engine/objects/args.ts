// Argument Clinic's parsing for native functions with named parameters (Python/getargs.c
// _PyArg_UnpackKeywords): positional-only, positional-or-keyword and keyword-only parameters
// with CPython's errors.
import type { PyObject } from './object.js';
import { typeError } from './exceptions.js';

export interface ParamSpec {
  /** The function name used in messages ("to_bytes", "int"). */
  fname: string;
  /** Parameter names in order; the first `posOnly` cannot be passed by keyword. */
  names: readonly string[];
  posOnly?: number;
  /** Parameters from this index on are keyword-only. */
  kwOnlyFrom?: number;
  /** How many leading parameters are required. */
  required?: number;
}

/** Borrowed values by parameter position, undefined where not passed. */
export function unpackArgs(spec: ParamSpec, args: readonly PyObject[], kwnames: readonly string[] | null): (PyObject | undefined)[] {
  const nkw = kwnames ? kwnames.length : 0;
  const npos = args.length - nkw;
  const maxPos = spec.kwOnlyFrom ?? spec.names.length;
  const posOnly = spec.posOnly ?? 0;
  const required = spec.required ?? 0;
  if (npos > maxPos) {
    const what = maxPos === 0 ? 'no positional arguments' : `at most ${maxPos} positional argument${maxPos === 1 ? '' : 's'}`;
    if (nkw === 0 && maxPos === spec.names.length && maxPos > 0) {
      throw typeError(`${spec.fname}() takes at most ${maxPos} argument${maxPos === 1 ? '' : 's'} (${npos} given)`);
    }
    throw typeError(`${spec.fname}() takes ${what} (${npos} given)`);
  }
  const out: (PyObject | undefined)[] = new Array(spec.names.length).fill(undefined);
  for (let i = 0; i < npos; i++) out[i] = args[i];
  let invalid: string | null = null;
  for (let k = 0; k < nkw; k++) {
    const name = kwnames![k]!;
    const idx = spec.names.indexOf(name);
    if (idx < posOnly || idx < 0) {
      invalid ??= name;
      continue;
    }
    if (out[idx] !== undefined) {
      throw typeError(`argument for ${spec.fname}() given by name ('${name}') and position (${idx + 1})`);
    }
    out[idx] = args[npos + k];
  }
  // Missing required arguments are reported before unknown keywords, as getargs.c does.
  for (let i = 0; i < required; i++) {
    if (out[i] === undefined) {
      throw typeError(`${spec.fname}() missing required argument '${spec.names[i]}' (pos ${i + 1})`);
    }
  }
  if (invalid !== null) throw typeError(`'${invalid}' is an invalid keyword argument for ${spec.fname}()`);
  return out;
}
