// Binding a call's arguments to a function's parameters (Python/ceval.c initialize_locals),
// with CPython's TypeError messages.
import type { PyObject } from '../objects/object.js';
import { newref } from '../objects/object.js';
import { CodeFlags } from '../objects/code.js';
import type { PyFunction } from '../objects/function.js';
import { internStr } from '../objects/str.js';
import { newTuple } from '../objects/tuple.js';
import { dictGetStr, dictSetItem, newDict, type PyDict } from '../objects/dict.js';
import { typeError } from '../objects/exceptions.js';
import { decref } from '../objects/object.js';

/** Fills `fast` from `count` values of `args` starting at `start` (positional then keyword
 *  values named by `kwnames`). Takes new references to what it stores. */
export function bindArguments(
  func: PyFunction, fast: (PyObject | null)[], args: readonly (PyObject | null)[], start: number, count: number,
  kwnames: readonly string[] | null,
): void {
  const code = func.code;
  const co_argcount = code.argcount;
  const totalArgs = co_argcount + code.kwonlyargcount;
  const nkw = kwnames ? kwnames.length : 0;
  const argcount = count - nkw;
  const flags = code.flags;
  let kwdict: PyDict | null = null;
  if (flags & CodeFlags.VARKEYWORDS) {
    kwdict = newDict();
    fast[totalArgs + (flags & CodeFlags.VARARGS ? 1 : 0)] = kwdict;
  }
  const n = argcount < co_argcount ? argcount : co_argcount;
  for (let j = 0; j < n; j++) fast[j] = newref(args[start + j]!);
  if (flags & CodeFlags.VARARGS) {
    const rest: PyObject[] = [];
    for (let j = n; j < argcount; j++) rest.push(newref(args[start + j]!));
    fast[totalArgs] = newTuple(rest);
  } else if (argcount > n) {
    throw tooManyPositional(func, fast, argcount);
  }
  if (nkw) {
    const names = code.localsplusnames;
    for (let i = 0; i < nkw; i++) {
      const name = kwnames![i]!;
      const value = args[start + argcount + i]!;
      let j = code.posonlyargcount;
      for (; j < totalArgs; j++) if (names[j] === name) break;
      if (j === totalArgs) {
        if (kwdict) {
          const key = internStr(name);
          dictSetItem(kwdict, key, value);
          decref(key);
          continue;
        }
        if (positionalOnlyAsKeyword(func, kwnames!)) continue;
        throw typeError(`${func.qualname.value}() got an unexpected keyword argument '${name}'`);
      }
      if (fast[j]) throw typeError(`${func.qualname.value}() got multiple values for argument '${name}'`);
      fast[j] = newref(value);
    }
  }
  if (argcount < co_argcount) {
    const defaults = func.defaults ? func.defaults.items : [];
    const m = co_argcount - defaults.length;
    const missing: string[] = [];
    for (let i = argcount; i < m; i++) if (!fast[i]) missing.push(code.localsplusnames[i]!);
    if (missing.length) throw missingArguments(func, missing, 'positional');
    for (let i = Math.max(argcount - m, 0); i < defaults.length; i++) {
      if (!fast[m + i]) fast[m + i] = newref(defaults[i]!);
    }
  }
  if (code.kwonlyargcount) {
    const missing: string[] = [];
    for (let i = co_argcount; i < totalArgs; i++) {
      if (fast[i]) continue;
      const name = code.localsplusnames[i]!;
      const d = func.kwdefaults ? dictGetStr(func.kwdefaults, name) : null;
      if (d) fast[i] = newref(d);
      else missing.push(name);
    }
    if (missing.length) throw missingArguments(func, missing, 'keyword-only');
  }
}

function quoteList(names: string[]): string {
  const q = names.map((n) => `'${n}'`);
  if (q.length === 1) return q[0]!;
  if (q.length === 2) return `${q[0]} and ${q[1]}`;
  return `${q.slice(0, -1).join(', ')}, and ${q[q.length - 1]}`;
}

function missingArguments(func: PyFunction, names: string[], kind: string) {
  const n = names.length;
  return typeError(`${func.qualname.value}() missing ${n} required ${kind} argument${n === 1 ? '' : 's'}: ${quoteList(names)}`);
}

function tooManyPositional(func: PyFunction, fast: (PyObject | null)[], given: number) {
  const code = func.code;
  const co_argcount = code.argcount;
  const defcount = func.defaults ? func.defaults.items.length : 0;
  let kwonlyGiven = 0;
  for (let i = co_argcount; i < co_argcount + code.kwonlyargcount; i++) if (fast[i]) kwonlyGiven++;
  let sig: string;
  let plural: boolean;
  if (defcount) {
    plural = true;
    sig = `from ${co_argcount - defcount} to ${co_argcount}`;
  } else {
    plural = co_argcount !== 1;
    sig = String(co_argcount);
  }
  let kwonlySig = '';
  if (kwonlyGiven) {
    kwonlySig = ` positional argument${given !== 1 ? 's' : ''} (and ${kwonlyGiven} keyword-only argument${kwonlyGiven !== 1 ? 's' : ''})`;
  }
  return typeError(
    `${func.qualname.value}() takes ${sig} positional argument${plural ? 's' : ''} but ${given}${kwonlySig} ${given === 1 && !kwonlyGiven ? 'was' : 'were'} given`,
  );
}

/** positional_only_passed_as_keyword: raises when keywords name positional-only parameters. */
function positionalOnlyAsKeyword(func: PyFunction, kwnames: readonly string[]): false {
  const code = func.code;
  const posonly = code.localsplusnames.slice(0, code.posonlyargcount);
  const bad = kwnames.filter((k) => posonly.includes(k));
  if (!bad.length) return false;
  throw typeError(`${func.qualname.value}() got some positional-only arguments passed as keyword arguments: '${bad.join(', ')}'`);
}
