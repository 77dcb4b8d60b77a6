// "Did you mean" hints for NameError and AttributeError (Python/suggestions.c, 3.11).
import { PyObject, decref } from '../objects/object.js';
import { PyBaseException, NameError, AttributeError } from '../objects/exceptions.js';
import { PyStr } from '../objects/str.js';
import { PyTraceback } from '../objects/traceback.js';
import { dictItems, isDict, type PyDict } from '../objects/dict.js';
import { call, collect, getAttrOrNull, lookupSpecial } from '../objects/abstract.js';
import { PyType } from '../objects/type.js';

const MAX_CANDIDATE_ITEMS = 750;
const MAX_STRING_SIZE = 40;
const MOVE_COST = 2;
const CASE_COST = 1;

function substitutionCost(a: string, b: string): number {
  if (a === b) return 0;
  return a.toLowerCase() === b.toLowerCase() ? CASE_COST : MOVE_COST;
}

/** levenshtein_distance with CPython's costs and early exit above `maxCost`. */
function levenshtein(a0: string, b0: string, maxCost: number): number {
  if (a0 === b0) return 0;
  let a = a0;
  let b = b0;
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre++;
  a = a.slice(pre);
  b = b.slice(pre);
  let suf = 0;
  while (suf < a.length && suf < b.length && a[a.length - 1 - suf] === b[b.length - 1 - suf]) suf++;
  a = a.slice(0, a.length - suf);
  b = b.slice(0, b.length - suf);
  if (a.length === 0 || b.length === 0) return (a.length + b.length) * MOVE_COST;
  if (a.length > MAX_STRING_SIZE || b.length > MAX_STRING_SIZE) return maxCost + 1;
  if (b.length < a.length) [a, b] = [b, a];
  if ((b.length - a.length) * MOVE_COST > maxCost) return maxCost + 1;
  const buffer: number[] = [];
  for (let i = 0; i < a.length; i++) buffer.push((i + 1) * MOVE_COST);
  let result = 0;
  for (let bi = 0; bi < b.length; bi++) {
    const code = b[bi]!;
    let distance = (result = bi * MOVE_COST);
    let minimum = Number.MAX_SAFE_INTEGER;
    for (let i = 0; i < a.length; i++) {
      const substitute = distance + substitutionCost(code, a[i]!);
      distance = buffer[i]!;
      const insertDelete = Math.min(result, distance) + MOVE_COST;
      result = Math.min(insertDelete, substitute);
      buffer[i] = result;
      if (result < minimum) minimum = result;
    }
    if (minimum > maxCost) return maxCost + 1;
  }
  return result;
}

function calculateSuggestion(dir: string[], name: string): string | null {
  if (dir.length >= MAX_CANDIDATE_ITEMS) return null;
  let best: string | null = null;
  let bestDistance = Number.MAX_SAFE_INTEGER;
  for (const item of dir) {
    if (item === name) continue;
    let maxDistance = Math.floor(((name.length + item.length + 3) * MOVE_COST) / 6);
    maxDistance = Math.min(maxDistance, bestDistance - 1);
    const d = levenshtein(name, item, maxDistance);
    if (d > maxDistance) continue;
    if (best === null || d < bestDistance) {
      best = item;
      bestDistance = d;
    }
  }
  return best;
}

function dictKeys(d: PyDict): string[] {
  const out: string[] = [];
  for (const [k] of dictItems(d)) if (k instanceof PyStr) out.push(k.value);
  return out;
}

function nameErrorSuggestion(e: PyBaseException, name: string): string | null {
  let tb = e.traceback instanceof PyTraceback ? e.traceback : null;
  if (!tb) return null;
  while (tb.next) tb = tb.next;
  const frame = tb.frame.frame;
  return calculateSuggestion(frame.code.varnames, name)
    ?? calculateSuggestion(dictKeys(frame.globals), name)
    ?? (isDict(frame.builtins) ? calculateSuggestion(dictKeys(frame.builtins), name) : null);
}

/** The names dir() would list when the object has no __dir__: its type's MRO and its __dict__. */
function plainDir(obj: PyObject): string[] {
  const names = new Set<string>();
  const type = obj instanceof PyType ? obj : obj.type;
  for (const t of type.mro) for (const k of t.dict.keys()) names.add(k);
  const d = getAttrOrNull(obj, '__dict__');
  if (d && isDict(d)) for (const k of dictKeys(d as PyDict)) names.add(k);
  if (d) decref(d);
  return [...names].sort();
}

function attributeSuggestion(obj: PyObject, name: string): string | null {
  const m = lookupSpecial(obj, '__dir__');
  if (!m) return calculateSuggestion(plainDir(obj), name);
  try {
    const r = call(m, []);
    const items = collect(r);
    decref(r);
    const names = items.filter((x) => x instanceof PyStr).map((x) => (x as PyStr).value).sort();
    for (const x of items) decref(x);
    return calculateSuggestion(names, name);
  } catch (err) {
    if (err instanceof PyBaseException) {
      decref(err);
      return null;
    }
    throw err;
  } finally {
    decref(m);
  }
}

/** The suggestion the traceback printer appends, or null. */
export function suggestionFor(e: PyBaseException): string | null {
  const name = e.field('name');
  if (!(name instanceof PyStr)) return null;
  if (e.type.isSubtype(NameError)) return nameErrorSuggestion(e, name.value);
  if (e.type.isSubtype(AttributeError)) {
    const obj = e.fields?.get('obj');
    return obj ? attributeSuggestion(obj, name.value) : null;
  }
  return null;
}
