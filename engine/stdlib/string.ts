// The native half of the string module: _string (Objects/stringlib/unicode_format.h
// formatter_parser and formatter_field_name_split), which string.Formatter in
// engine/stdlib/python/string.py is written on.
import { decref, newref, type PyObject } from '../objects/object.js';
import type { NativeFunctionDef } from '../objects/native.js';
import { None } from '../objects/singletons.js';
import { True, False, newInt } from '../objects/int.js';
import { newTuple } from '../objects/tuple.js';
import { newList } from '../objects/list.js';
import { PyStr, strResult } from '../objects/str.js';
import { getIter } from '../objects/abstract.js';
import { typeError } from '../objects/exceptions.js';
import { markup, splitFieldName } from '../objects/unicode/format.js';

function strArg(fname: string, o: PyObject): PyStr {
  if (!(o instanceof PyStr)) throw typeError(`${fname}() argument must be str, not ${o.type.name}`);
  return o;
}

const optionalStr = (s: string | null): PyObject => (s === null ? newref(None) : strResult(s));

// Objects/stringlib/unicode_format.h formatter_parser: (literal, field_name, format_spec,
// conversion) for each chunk, None where the chunk has no field.
function formatterParser(_m: PyObject, s: PyObject): PyObject {
  const text = strArg('formatter_parser', s).value;
  const rows: PyObject[] = [];
  for (const { literal, field } of markup(text)) {
    rows.push(newTuple([
      strResult(literal),
      optionalStr(field ? field.name : null),
      optionalStr(field ? field.spec : null),
      optionalStr(field ? field.conversion : null),
    ]));
  }
  return iterOver(rows);
}

// Objects/stringlib/unicode_format.h formatter_field_name_split: the first name (an int when
// it is all digits) and an iterator of (is_attribute, key) pairs.
function formatterFieldNameSplit(_m: PyObject, s: PyObject): PyObject {
  const { first, rest } = splitFieldName(strArg('formatter_field_name_split', s).value);
  const head = /^[0-9]+$/.test(first) ? newInt(Number(first)) : strResult(first);
  const pairs = rest.map((r) => newTuple([
    newref(r.attribute ? True : False),
    typeof r.key === 'number' ? newInt(r.key) : strResult(r.key),
  ]));
  return newTuple([head, iterOver(pairs)]);
}

/** An iterator over freshly built items (the list it walks is owned by the iterator). */
function iterOver(items: PyObject[]): PyObject {
  const l = newList(items);
  const it = getIter(l);
  decref(l);
  return it;
}

export const underscoreStringFunctions: NativeFunctionDef[] = [
  { name: 'formatter_parser', code: { kind: 'o', fn: formatterParser } },
  { name: 'formatter_field_name_split', code: { kind: 'o', fn: formatterFieldNameSplit } },
];
