// except* support (Python/ceval.c exception_group_match and _PyExc_PrepReraiseStar): splitting
// an exception group by type, and re-raising what the handlers left or raised.
import { PyObject, decref, newref } from '../objects/object.js';
import { None } from '../objects/singletons.js';
import { BaseExceptionGroup, PyBaseException, newException } from '../objects/exceptions.js';
import { callMethod, isInstance } from '../objects/abstract.js';
import { newStr } from '../objects/str.js';
import { listOps } from './sequences.js';

/** [match, rest]: the part of `eg` matching `type` (None if nothing), and what remains. */
export function exceptionGroupMatch(eg: PyObject, type: PyObject): [PyObject, PyObject] {
  if (eg === None) return [newref(None), newref(None)];
  if (isInstance(eg, type)) {
    if (eg instanceof PyBaseException && !eg.type.isSubtype(BaseExceptionGroup)) {
      // A naked exception matched: wrap it in a group, as CPython does.
      const msg = newStr('');
      const list = listOps.make([newref(eg)]);
      const group = newException(BaseExceptionGroup, [msg, list]);
      decref(msg);
      decref(list);
      return [group, newref(None)];
    }
    return [newref(eg), newref(None)];
  }
  if (eg instanceof PyBaseException && eg.type.isSubtype(BaseExceptionGroup)) {
    const pair = callMethod(eg, 'split', [type]);
    const items = (pair as unknown as { items: PyObject[] }).items;
    const r: [PyObject, PyObject] = [newref(items[0]!), newref(items[1]!)];
    decref(pair);
    return r;
  }
  return [newref(None), newref(eg)];
}

/** What remains to raise after the except* handlers ran: None when nothing. */
export function prepReraiseStar(orig: PyObject, excs: PyObject): PyObject {
  const raised = listOps.items(excs).filter((e) => e !== None);
  if (raised.length === 0) return newref(None);
  if (!(orig instanceof PyBaseException) || !orig.type.isSubtype(BaseExceptionGroup)) {
    return newref(raised[0]!);
  }
  if (raised.length === 1) return newref(raised[0]!);
  const msg = newStr('');
  const list = listOps.make(raised.map((e) => newref(e)));
  const g = newException(BaseExceptionGroup, [msg, list]);
  decref(msg);
  decref(list);
  return g;
}

