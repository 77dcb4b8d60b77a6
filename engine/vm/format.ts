// PyObject_Format (Objects/abstract.c): what FORMAT_VALUE and format() call.
import { PyObject, decref } from '../objects/object.js';
import { PyStr, newStr, strType } from '../objects/str.js';
import { intType } from '../objects/int.js';
import { call, lookupSpecial, str } from '../objects/abstract.js';
import { typeError } from '../objects/exceptions.js';

/** format(value, spec): spec is a str or null for the empty spec. New reference. */
export function formatValue(v: PyObject, spec: PyObject | null): PyObject {
  const empty = spec === null || (spec as PyStr).value === '';
  if (empty && (v.type === strType || v.type === intType)) return str(v);
  const meth = lookupSpecial(v, '__format__');
  if (!meth) throw typeError(`Type ${v.type.name} doesn't define __format__`);
  const s = spec ?? newStr('');
  let r: PyObject;
  try {
    r = call(meth, [s]);
  } finally {
    decref(meth);
    if (spec === null) decref(s);
  }
  if (!(r instanceof PyStr)) {
    const tn = r.type.name;
    decref(r);
    throw typeError(`__format__ must return a str, not ${tn}`);
  }
  return r;
}
