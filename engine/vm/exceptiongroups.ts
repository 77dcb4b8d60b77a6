// except* support (Python/ceval.c exception_group_match and Objects/exceptions.c
// _PyExc_PrepReraiseStar): splitting an exception group by type, and re-raising what the
// handlers left or raised.
import { PyObject, decref, newref } from '../objects/object.js';
import { PyType } from '../objects/type.js';
import { None } from '../objects/singletons.js';
import { BaseExceptionGroup, PyBaseException, typeError } from '../objects/exceptions.js';
import { callMethod, isInstance } from '../objects/abstract.js';
import { PyTuple, newTuple } from '../objects/tuple.js';
import { newList } from '../objects/list.js';
import { createExceptionGroup, groupProjection, isExceptionGroup } from '../objects/exceptiongroup.js';
import { dictGetStr } from '../objects/dict.js';
import { listOps } from './sequences.js';

/** check_except_star_type_valid's refusal of group types. */
function checkNotGroupType(type: PyObject): void {
  const types = type instanceof PyTuple ? type.items : [type];
  if (types.some((t) => t instanceof PyType && t.isSubtype(BaseExceptionGroup))) {
    throw typeError('catching ExceptionGroup with except* is not allowed. Use except instead.');
  }
}

/** [match, rest]: the part of `eg` matching `type` (None if nothing), and what remains. */
export function exceptionGroupMatch(eg: PyObject, type: PyObject): [PyObject, PyObject] {
  checkNotGroupType(type);
  if (eg === None) return [newref(None), newref(None)];
  if (isInstance(eg, type)) {
    if (isExceptionGroup(eg)) return [newref(eg), newref(None)];
    // A naked exception matched: wrap it in a group, as CPython does.
    const excs = newTuple([newref(eg)]);
    try {
      return [createExceptionGroup('', excs), newref(None)];
    } finally {
      decref(excs);
    }
  }
  if (isExceptionGroup(eg)) {
    const pair = callMethod(eg, 'split', [type]) as PyTuple;
    const r: [PyObject, PyObject] = [newref(pair.items[0]!), newref(pair.items[1]!)];
    decref(pair);
    return r;
  }
  return [newref(None), newref(eg)];
}

/** is_same_exception_metadata: a re-raise keeps the original's notes, traceback and chain. */
function sameMetadata(a: PyBaseException, b: PyBaseException): boolean {
  const notes = (e: PyBaseException): PyObject | null => (e.dict ? dictGetStr(e.dict, '__notes__') : null);
  return notes(a) === notes(b) && a.traceback === b.traceback && a.cause === b.cause && a.context === b.context;
}

/** _PyExc_PrepReraiseStar: what remains to raise after the except* handlers ran (None when
 *  nothing): the re-raised parts projected back onto the original group, plus what the
 *  handlers raised, grouped when there is more than one. */
export function prepReraiseStar(orig: PyObject, excs: PyObject): PyObject {
  const items = listOps.items(excs);
  if (!isExceptionGroup(orig)) {
    // A naked exception was wrapped: at most one handler ran.
    return newref(items[0] ?? None);
  }
  const raised: PyObject[] = [];
  const reraised: PyObject[] = [];
  for (const e of items) {
    if (e === None) continue;
    (e instanceof PyBaseException && sameMetadata(e, orig) ? reraised : raised).push(e);
  }
  const reraisedGroup = groupProjection(orig, reraised);
  if (raised.length === 0) return reraisedGroup;
  if (reraisedGroup !== None) raised.push(reraisedGroup);
  try {
    if (raised.length === 1) return newref(raised[0]!);
    const list = newList(raised.map((e) => newref(e)));
    try {
      return createExceptionGroup('', list);
    } finally {
      decref(list);
    }
  } finally {
    decref(reraisedGroup);
  }
}
