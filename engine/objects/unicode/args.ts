// Argument checks of the str and bytes methods, with the three wordings CPython uses for them:
// Argument Clinic's positional checks (_PyArg_CheckPositional), the older PyArg_ParseTuple
// ranges, and keyword parsing (_PyArg_UnpackKeywords).
import type { PyObject } from '../object.js';
import { typeError } from '../exceptions.js';

const plural = (n: number): string => (n === 1 ? '' : 's');

// Python/getargs.c _PyArg_CheckPositional
export function checkPositional(fname: string, args: readonly PyObject[], min: number, max: number): void {
  const n = args.length;
  if (n < min) throw typeError(`${fname} expected ${min === max ? '' : 'at least '}${min} argument${plural(min)}, got ${n}`);
  if (n > max) throw typeError(`${fname} expected ${min === max ? '' : 'at most '}${max} argument${plural(max)}, got ${n}`);
}

// Python/getargs.c vgetargs1 ("O|OO:find" formats)
export function checkTupleRange(fname: string, args: readonly PyObject[], min: number, max: number): void {
  const n = args.length;
  const how = min === max ? 'exactly' : n < min ? 'at least' : 'at most';
  if (n < min) throw typeError(`${fname}() takes ${how} ${min} argument${plural(min)} (${n} given)`);
  if (n > max) throw typeError(`${fname}() takes ${how} ${max} argument${plural(max)} (${n} given)`);
}

// Python/getargs.c _PyArg_UnpackKeywords for methods whose parameters may all be keywords:
// the values by parameter position, undefined where not given.
export function unpackKeywords(
  fname: string, names: readonly string[], args: readonly PyObject[], kwnames: readonly string[] | null,
): (PyObject | undefined)[] {
  const nkw = kwnames ? kwnames.length : 0;
  const npos = args.length - nkw;
  if (npos + nkw > names.length || npos > names.length) {
    throw typeError(`${fname}() takes at most ${names.length} argument${plural(names.length)} (${npos + nkw} given)`);
  }
  const out: (PyObject | undefined)[] = args.slice(0, npos);
  out.length = names.length;
  for (let k = 0; k < nkw; k++) {
    const i = names.indexOf(kwnames![k]!);
    if (i < 0) throw typeError(`'${kwnames![k]}' is an invalid keyword argument for ${fname}()`);
    if (out[i] !== undefined) {
      throw typeError(`argument for ${fname}() given by name ('${names[i]}') and position (${i + 1})`);
    }
    out[i] = args[npos + k];
  }
  return out;
}
