// The MATCH_* opcodes' work (Python/ceval.c match_keys, match_class, MATCH_MAPPING/SEQUENCE).
import { PyObject, decref, newref } from '../objects/object.js';
import { PyType, TypeFlags } from '../objects/type.js';
import { PyTuple, newTuple } from '../objects/tuple.js';
import { PyStr } from '../objects/str.js';
import { None } from '../objects/singletons.js';
import { call, getAttr, getAttrOrNull, isInstance, reprString, richCompareBool } from '../objects/abstract.js';
import { typeError, valueError } from '../objects/exceptions.js';
import { CompareOp } from '../objects/type.js';
import { newInstance } from '../objects/instance.js';
import { objectType } from '../objects/typeobject.js';

export function matchMapping(subject: PyObject): boolean {
  return (subject.type.flags & TypeFlags.MAPPING) !== 0;
}

export function matchSequence(subject: PyObject): boolean {
  return (subject.type.flags & TypeFlags.SEQUENCE) !== 0;
}

/** A tuple of the values for `keys`, or None when any is missing. */
export function matchKeys(subject: PyObject, keys: PyObject): PyObject {
  const ks = (keys as PyTuple).items;
  if (ks.length === 0) return newTuple([]);
  const get = getAttr(subject, 'get');
  const dummy = newInstance(objectType);
  const values: PyObject[] = [];
  try {
    for (let i = 0; i < ks.length; i++) {
      for (let j = 0; j < i; j++) {
        if (richCompareBool(ks[j]!, ks[i]!, CompareOp.EQ)) {
          throw valueError(`mapping pattern checks duplicate key (${reprString(ks[i]!)})`);
        }
      }
      const v = call(get, [ks[i]!, dummy]);
      if (v === dummy) {
        decref(v);
        for (const x of values) decref(x);
        return newref(None);
      }
      values.push(v);
    }
  } catch (e) {
    for (const x of values) decref(x);
    throw e;
  } finally {
    decref(get);
    decref(dummy);
  }
  return newTuple(values);
}

/** A tuple of the attributes a class pattern extracts, or None when it does not match. */
export function matchClass(subject: PyObject, cls: PyObject, nargs: number, kwargs: PyTuple): PyObject {
  if (!(cls instanceof PyType)) throw typeError('called match pattern must be a class');
  if (!isInstance(subject, cls)) return newref(None);
  const names: string[] = [];
  const attrs: PyObject[] = [];
  const fail = (): PyObject => {
    for (const a of attrs) decref(a);
    return newref(None);
  };
  const take = (name: string): boolean => {
    if (names.includes(name)) {
      for (const a of attrs) decref(a);
      throw typeError(`${cls.name}() got multiple sub-patterns for attribute '${name}'`);
    }
    names.push(name);
    const v = getAttrOrNull(subject, name);
    if (v === null) return false;
    attrs.push(v);
    return true;
  };
  if (nargs) {
    const matchArgs = getAttrOrNull(cls, '__match_args__');
    let selfMatch = false;
    let argNames: PyObject[] = [];
    if (matchArgs === null) {
      selfMatch = (cls.flags & TypeFlags.MATCH_SELF) !== 0;
    } else {
      if (!(matchArgs instanceof PyTuple)) {
        const tn = matchArgs.type.name;
        decref(matchArgs);
        throw typeError(`${cls.name}.__match_args__ must be a tuple (got ${tn})`);
      }
      argNames = matchArgs.items.slice();
      decref(matchArgs);
    }
    const allowed = selfMatch ? 1 : argNames.length;
    if (nargs > allowed) {
      throw typeError(`${cls.name}() accepts ${allowed} positional sub-pattern${allowed === 1 ? '' : 's'} (${nargs} given)`);
    }
    if (selfMatch) {
      attrs.push(newref(subject));
    } else {
      for (let i = 0; i < nargs; i++) {
        const n = argNames[i]!;
        if (!(n instanceof PyStr)) throw typeError(`__match_args__ elements must be strings (got ${n.type.name})`);
        if (!take(n.value)) return fail();
      }
    }
  }
  for (const k of kwargs.items) if (!take((k as PyStr).value)) return fail();
  return newTuple(attrs);
}
