// The builtins that consume iterables (Python/bltinmodule.c): sorted, min, max, sum with
// CPython's int and float fast paths, any and all.
import { PyObject, decref, newref } from '../../objects/object.js';
import { CompareOp } from '../../objects/type.js';
import type { NativeFunctionDef } from '../../objects/native.js';
import { None } from '../../objects/singletons.js';
import { False, PyInt, True, boolType, intType, newInt } from '../../objects/int.js';
import { PyFloat, floatType, newFloat } from '../../objects/float.js';
import { strType } from '../../objects/str.js';
import { bytesType } from '../../objects/bytes.js';
import { byteArrayType } from '../../objects/bytearray.js';
import {
  BinaryOp, binaryOp, call, getAttr, getIter, isTrue, iterNext, richCompareBool,
} from '../../objects/abstract.js';
import { typeError, valueError } from '../../objects/exceptions.js';
import { newTuple } from '../../objects/tuple.js';
import { sequenceList } from '../../objects/list.js';
import { checkPositional } from '../../objects/argcheck.js';

const LONG_MAX = 2 ** 63 - 1;

/** builtin_sorted: a new list, sorted by its own sort method. */
function builtinSorted(_m: PyObject, args: PyObject[], kwnames: readonly string[] | null): PyObject {
  const nkw = kwnames?.length ?? 0;
  checkPositional('sorted', args.length - nkw, 1, 1);
  const list = sequenceList(args[0]!);
  try {
    const sort = getAttr(list, 'sort');
    try {
      decref(call(sort, args.slice(1), kwnames));
    } finally {
      decref(sort);
    }
  } catch (e) {
    decref(list);
    throw e;
  }
  return list;
}

/** min_max: one iterable or several arguments; key and default keywords. */
function minMax(args: PyObject[], kwnames: readonly string[] | null, op: CompareOp): PyObject {
  const name = op === CompareOp.LT ? 'min' : 'max';
  const nkw = kwnames?.length ?? 0;
  const npos = args.length - nkw;
  if (npos === 0) throw typeError(`${name} expected at least 1 argument, got 0`);
  let keyfunc: PyObject | null = null;
  let deflt: PyObject | null = null;
  for (let i = 0; i < nkw; i++) {
    const v = args[npos + i]!;
    if (kwnames![i] === 'key') keyfunc = v;
    else if (kwnames![i] === 'default') deflt = v;
    else throw typeError(`'${kwnames![i]}' is an invalid keyword argument for ${name}()`);
  }
  const positional = npos > 1;
  if (positional && deflt !== null) {
    throw typeError(`Cannot specify a default for ${name}() with multiple positional arguments`);
  }
  const source = positional ? newTuple(args.slice(0, npos).map((x) => newref(x))) : newref(args[0]!);
  let it: PyObject;
  try {
    it = getIter(source);
  } finally {
    decref(source);
  }
  if (keyfunc === None) keyfunc = null;
  let best: PyObject | null = null;
  let bestVal: PyObject | null = null;
  try {
    for (let item = iterNext(it); item !== null; item = iterNext(it)) {
      let val: PyObject;
      try {
        val = keyfunc ? call(keyfunc, [item]) : newref(item);
      } catch (e) {
        decref(item);
        throw e;
      }
      if (bestVal === null) {
        best = item;
        bestVal = val;
        continue;
      }
      let better: boolean;
      try {
        better = richCompareBool(val, bestVal, op);
      } catch (e) {
        decref(item);
        decref(val);
        throw e;
      }
      if (better) {
        decref(bestVal);
        decref(best!);
        bestVal = val;
        best = item;
      } else {
        decref(item);
        decref(val);
      }
    }
  } catch (e) {
    if (best) decref(best);
    if (bestVal) decref(bestVal);
    throw e;
  } finally {
    decref(it);
  }
  if (bestVal === null) {
    if (deflt !== null) return newref(deflt);
    throw valueError(`${name}() arg is an empty sequence`);
  }
  decref(bestVal);
  return best!;
}

/** A C long's worth of an int, or null when it does not fit (PyLong_AsLongAndOverflow). */
function asLong(o: PyObject): number | null {
  const v = (o as PyInt).value;
  return typeof v === 'number' ? v : null;
}

/** builtin_sum_impl: ints summed in a machine word and floats in a double until a value
 *  does not fit, then generic addition (which is what makes intermediate objects appear). */
function builtinSum(_m: PyObject, args: PyObject[], kwnames: readonly string[] | null): PyObject {
  const nkw = kwnames?.length ?? 0;
  const npos = args.length - nkw;
  if (npos === 0) throw typeError('sum() takes at least 1 positional argument (0 given)');
  if (args.length > 2) throw typeError(`sum() takes at most 2 arguments (${args.length} given)`);
  let start: PyObject | null = npos === 2 ? args[1]! : null;
  if (nkw === 1) {
    if (kwnames![0] !== 'start') throw typeError(`'${kwnames![0]}' is an invalid keyword argument for sum()`);
    start = args[npos]!;
  }
  const it = getIter(args[0]!);
  try {
    let result: PyObject;
    if (start === null) result = newInt(0);
    else {
      if (start.type.isSubtype(strType)) throw typeError("sum() can't sum strings [use ''.join(seq) instead]");
      if (start.type.isSubtype(bytesType)) throw typeError("sum() can't sum bytes [use b''.join(seq) instead]");
      if (start.type.isSubtype(byteArrayType)) throw typeError("sum() can't sum bytearray [use b''.join(seq) instead]");
      result = newref(start);
    }
    if (result.type === intType) {
      const first = asLong(result);
      if (first !== null) {
        decref(result);
        let acc = BigInt(first);
        let fast = true;
        for (;;) {
          const item = iterNext(it);
          if (item === null) return newInt(Number.isSafeInteger(Number(acc)) ? Number(acc) : acc);
          if (item.type === intType || item.type === boolType) {
            const b = asLong(item);
            const next = b === null ? null : acc + BigInt(b);
            if (next !== null && next <= BigInt(LONG_MAX) && next >= -BigInt(LONG_MAX) - 1n) {
              acc = next;
              decref(item);
              continue;
            }
          }
          fast = false;
          result = newInt(Number.isSafeInteger(Number(acc)) ? Number(acc) : acc);
          const temp = addOrDrop(result, item);
          result = temp;
          break;
        }
        if (fast) return result;
      }
    }
    if (result.type === floatType) {
      let f = (result as PyFloat).value;
      decref(result);
      for (;;) {
        const item = iterNext(it);
        if (item === null) return newFloat(f);
        if (item.type === floatType) {
          f += (item as PyFloat).value;
          decref(item);
          continue;
        }
        if (item instanceof PyInt) {
          const v = asLong(item);
          if (v !== null) {
            f += v;
            decref(item);
            continue;
          }
        }
        result = addOrDrop(newFloat(f), item);
        break;
      }
    }
    for (;;) {
      const item = iterNext(it);
      if (item === null) return result;
      result = addOrDrop(result, item);
    }
  } finally {
    decref(it);
  }
}

/** result + item, dropping both operands' references (and the result's on failure). */
function addOrDrop(result: PyObject, item: PyObject): PyObject {
  try {
    return binaryOp(result, item, BinaryOp.ADD);
  } finally {
    decref(result);
    decref(item);
  }
}

/** builtin_any / builtin_all */
function anyAll(iterable: PyObject, stopOn: boolean): PyObject {
  const it = getIter(iterable);
  try {
    for (let item = iterNext(it); item !== null; item = iterNext(it)) {
      let t: boolean;
      try {
        t = isTrue(item);
      } finally {
        decref(item);
      }
      if (t === stopOn) return newref(stopOn ? True : False);
    }
  } finally {
    decref(it);
  }
  return newref(stopOn ? False : True);
}

export const iterationBuiltins: NativeFunctionDef[] = [
  {
    name: 'all',
    code: { kind: 'o', fn: (_m, x) => anyAll(x, false) },
    doc: 'all($module, iterable, /)\n--\n\nReturn True if bool(x) is True for all values x in the iterable.\n\nIf the iterable is empty, return True.',
  },
  {
    name: 'any',
    code: { kind: 'o', fn: (_m, x) => anyAll(x, true) },
    doc: 'any($module, iterable, /)\n--\n\nReturn True if bool(x) is True for any x in the iterable.\n\nIf the iterable is empty, return False.',
  },
  { name: 'max', code: { kind: 'fastkw', fn: (_m, args, kw) => minMax(args, kw, CompareOp.GT) } },
  { name: 'min', code: { kind: 'fastkw', fn: (_m, args, kw) => minMax(args, kw, CompareOp.LT) } },
  {
    name: 'sorted',
    code: { kind: 'fastkw', fn: builtinSorted },
    doc: 'sorted($module, iterable, /, *, key=None, reverse=False)\n--\n\n'
      + 'Return a new list containing all items from the iterable in ascending order.\n\n'
      + 'A custom key function can be supplied to customize the sort order, and the\n'
      + 'reverse flag can be set to request the result in descending order.',
  },
  {
    name: 'sum',
    code: { kind: 'fastkw', fn: builtinSum },
    doc: "sum($module, iterable, /, start=0)\n--\n\nReturn the sum of a 'start' value (default: 0) plus an iterable of numbers\n\n"
      + 'When the iterable is empty, return the start value.\nThis function is intended specifically for use with numeric values and may\nreject non-numeric types.',
  },
];
