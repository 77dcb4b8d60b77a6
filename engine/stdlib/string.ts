// The native parts of the string module (Lib/string.py's constants and capwords) and of _string
// (Objects/stringlib/unicode_format.h formatter_parser and formatter_field_name_split), which
// string.Formatter is written on.
import { decref, newref, type PyObject } from '../objects/object.js';
import type { NativeFunctionDef } from '../objects/native.js';
import { None } from '../objects/singletons.js';
import { True, False, newInt } from '../objects/int.js';
import { newTuple } from '../objects/tuple.js';
import { newList } from '../objects/list.js';
import { PyStr, newStr, strResult } from '../objects/str.js';
import { callMethod, getIter } from '../objects/abstract.js';
import { typeError } from '../objects/exceptions.js';
import { markup, splitFieldName } from '../objects/unicode/format.js';

const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const DIGITS = '0123456789';
const PUNCTUATION = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~';
const WHITESPACE = ' \t\n\r\x0b\x0c';

export function stringConstants(): Record<string, PyObject> {
  return {
    ascii_lowercase: newStr(LOWER),
    ascii_uppercase: newStr(UPPER),
    ascii_letters: newStr(LOWER + UPPER),
    digits: newStr(DIGITS),
    hexdigits: newStr(DIGITS + 'abcdef' + 'ABCDEF'),
    octdigits: newStr('01234567'),
    punctuation: newStr(PUNCTUATION),
    whitespace: newStr(WHITESPACE),
    printable: newStr(DIGITS + LOWER + UPPER + PUNCTUATION + WHITESPACE),
  };
}

function strArg(fname: string, o: PyObject): PyStr {
  if (!(o instanceof PyStr)) throw typeError(`${fname}() argument must be str, not ${o.type.name}`);
  return o;
}

// Lib/string.py capwords: (sep or ' ').join(word.capitalize() for word in s.split(sep))
function capwords(_m: PyObject, args: PyObject[]): PyObject {
  if (args.length < 1 || args.length > 2) {
    throw typeError(`capwords() takes from 1 to 2 positional arguments but ${args.length} were given`);
  }
  const sep = args[1] ?? None;
  const words = callMethod(args[0]!, 'split', sep === None ? [] : [sep]);
  try {
    const items = (words as unknown as { items: PyObject[] }).items;
    const capitalized = newList(items.map((w) => callMethod(w, 'capitalize', [])));
    try {
      const joiner = sep === None ? newStr(' ') : newref(sep);
      try {
        return callMethod(joiner, 'join', [capitalized]);
      } finally {
        decref(joiner);
      }
    } finally {
      decref(capitalized);
    }
  } finally {
    decref(words);
  }
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

export const stringFunctions: NativeFunctionDef[] = [
  {
    name: 'capwords', code: { kind: 'fast', fn: capwords },
    doc: 'capwords(s [,sep]) -> string\n\nSplit the argument into words using split, capitalize each\nword using capitalize, and join the capitalized words using\njoin.  If the optional second argument sep is absent or None,\nruns of whitespace characters are replaced by a single space\nand leading and trailing whitespace are removed, otherwise\nsep is used to split and join the words.',
  },
];

export const underscoreStringFunctions: NativeFunctionDef[] = [
  { name: 'formatter_parser', code: { kind: 'o', fn: formatterParser } },
  { name: 'formatter_field_name_split', code: { kind: 'o', fn: formatterFieldNameSplit } },
];
