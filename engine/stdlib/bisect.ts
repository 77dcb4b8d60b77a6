// The bisect module (Modules/_bisectmodule.c): binary search and insertion in sorted sequences.
import type { PyObject } from '../objects/object.js';
import { decref } from '../objects/object.js';
import { CompareOp } from '../objects/type.js';
import type { NativeFunctionDef } from '../objects/native.js';
import { None } from '../objects/singletons.js';
import { newInt } from '../objects/int.js';
import { asIndex, call, callMethod, getItem, length, newNone, richCompareBool } from '../objects/abstract.js';
import { typeError, valueError } from '../objects/exceptions.js';
import { PyList, listInsert, listType } from '../objects/list.js';
import type { NativeModuleDef } from './moduledef.js';

interface BisectArgs {
  a: PyObject;
  x: PyObject;
  lo: number;
  hi: number;
  key: PyObject | null;
}

/** bisect_*(a, x, lo=0, hi=None, *, key=None) */
function parse(name: string, args: PyObject[], kwnames: readonly string[] | null): BisectArgs {
  const nkw = kwnames?.length ?? 0;
  const npos = args.length - nkw;
  const names = ['a', 'x', 'lo', 'hi', 'key'];
  const vals: (PyObject | undefined)[] = args.slice(0, npos);
  if (npos > 4) throw typeError(`${name}() takes at most 4 positional arguments (${npos} given)`);
  for (let i = 0; i < nkw; i++) {
    const k = names.indexOf(kwnames![i]!);
    if (k < 0) throw typeError(`${name}() got an unexpected keyword argument '${kwnames![i]}'`);
    vals[k] = args[npos + i]!;
  }
  if (!vals[0] || !vals[1]) throw typeError(`${name}() missing required argument '${vals[0] ? 'x' : 'a'}' (pos ${vals[0] ? 2 : 1})`);
  const lo = vals[2] ? asIndex(vals[2]) : 0;
  if (lo < 0) throw valueError('lo must be non-negative');
  const hi = vals[3] && vals[3] !== None ? asIndex(vals[3]) : length(vals[0]);
  const key = vals[4] && vals[4] !== None ? vals[4] : null;
  return { a: vals[0], x: vals[1], lo, hi, key };
}

/** internal_bisect_right / internal_bisect_left */
function bisect(p: BisectArgs, x: PyObject, right: boolean): number {
  let { lo, hi } = p;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    const idx = newInt(mid);
    let item: PyObject;
    try {
      item = getItem(p.a, idx);
    } finally {
      decref(idx);
    }
    let litem = item;
    try {
      if (p.key) litem = call(p.key, [item]);
      const goLeft = right ? richCompareBool(x, litem, CompareOp.LT) : !richCompareBool(litem, x, CompareOp.LT);
      if (goLeft) hi = mid;
      else lo = mid + 1;
    } finally {
      if (litem !== item) decref(litem);
      decref(item);
    }
  }
  return lo;
}

function bisectDef(name: string, right: boolean): NativeFunctionDef {
  return { name, code: { kind: 'fastkw', fn: (_m, args, kw) => {
    const p = parse(name, args, kw);
    return newInt(bisect(p, p.x, right));
  } } };
}

function insortDef(name: string, right: boolean): NativeFunctionDef {
  return { name, code: { kind: 'fastkw', fn: (_m, args, kw) => {
    const p = parse(name, args, kw);
    const keyed = p.key ? call(p.key, [p.x]) : p.x;
    let index: number;
    try {
      index = bisect(p, keyed, right);
    } finally {
      if (keyed !== p.x) decref(keyed);
    }
    if (p.a.type === listType) listInsert(p.a as PyList, index, p.x);
    else {
      const idx = newInt(index);
      try {
        decref(callMethod(p.a, 'insert', [idx, p.x]));
      } finally {
        decref(idx);
      }
    }
    return newNone();
  } } };
}

export const bisectModule: NativeModuleDef = {
  name: 'bisect',
  functions: [
    bisectDef('bisect_right', true), insortDef('insort_right', true), bisectDef('bisect_left', false),
    insortDef('insort_left', false), bisectDef('bisect', true), insortDef('insort', true),
  ],
  attributes: () => ({}),
};
