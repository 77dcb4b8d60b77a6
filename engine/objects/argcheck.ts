// Argument count checks of the container methods, with the wording of Argument Clinic's
// generated code (Python/getargs.c _PyArg_CheckPositional, _PyArg_NoKeywords).
import { typeError } from './exceptions.js';

/** _PyArg_CheckPositional: "get expected at least 1 argument, got 0". */
export function checkPositional(name: string, nargs: number, min: number, max: number): void {
  if (nargs < min) {
    throw typeError(`${name} expected ${min === max ? '' : 'at least '}${min} argument${min === 1 ? '' : 's'}, got ${nargs}`);
  }
  if (nargs > max) {
    throw typeError(`${name} expected ${min === max ? '' : 'at most '}${max} argument${max === 1 ? '' : 's'}, got ${nargs}`);
  }
}

/** _PyArg_NoKeywords: "list() takes no keyword arguments". */
export function noKeywords(name: string, kwnames: readonly string[] | null): void {
  if (kwnames && kwnames.length) throw typeError(`${name}() takes no keyword arguments`);
}
