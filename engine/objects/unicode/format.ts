// str.format and str.format_map (Objects/stringlib/unicode_format.h): replacement fields with
// automatic or manual numbering, attribute and index lookups, !r/!s/!a conversions and nested
// format specs, and PyObject_Format, which applies a spec through __format__.
import { PyObject, decref, newref } from '../object.js';
import { PyStr, emptyStr, newStr, strResult, strType } from '../str.js';
import { intType, newInt } from '../int.js';
import { indexError, keyError, typeError, valueError } from '../exceptions.js';
import { call, getAttr, getItem, lookupSpecial, repr, str } from '../abstract.js';
import { asciiEscape } from './repr.js';

// Objects/abstract.c PyObject_Format
export function objectFormat(o: PyObject, spec: PyStr | null): PyObject {
  if ((spec === null || spec.length === 0) && (o.type === strType || o.type === intType)) return str(o);
  const method = lookupSpecial(o, '__format__');
  if (method === null) throw typeError(`Type ${o.type.name} doesn't define __format__`);
  let r: PyObject;
  try {
    r = call(method, [spec ?? emptyStr]);
  } finally {
    decref(method);
  }
  if (!(r instanceof PyStr)) {
    const tn = r.type.name;
    decref(r);
    throw typeError(`__format__ must return a str, not ${tn}`);
  }
  return r;
}

/** Where field values come from: positional arguments (null for format_map) and names. */
interface Sources {
  positional: PyObject[] | null;
  named: (name: string) => PyObject;
  /** -1 before any numbering, 0 once manual, 1 once automatic (AutoNumber's state) */
  mode: number;
  next: number;
}

export interface Field {
  name: string;
  conversion: string | null;
  spec: string;
  specNeedsExpanding: boolean;
}

// Objects/stringlib/unicode_format.h MarkupIterator_next + parse_field: the field after '{'
// at chars[i]; returns it and the index after its closing '}'.
function parseField(chars: string[], i: number): [Field, number] {
  const start = i;
  let c: string | undefined;
  for (;;) {
    if (i >= chars.length) throw valueError("expected '}' before end of string");
    c = chars[i++]!;
    if (c === '{') throw valueError("unexpected '{' in field name");
    if (c === '[') {
      while (i < chars.length && chars[i] !== ']') i++;
      continue;
    }
    if (c === '}' || c === ':' || c === '!') break;
  }
  const field: Field = { name: chars.slice(start, i - 1).join(''), conversion: null, spec: '', specNeedsExpanding: false };
  if (c === '!') {
    if (i >= chars.length) throw valueError('end of string while looking for conversion specifier');
    field.conversion = chars[i++]!;
    if (i >= chars.length) throw valueError("unmatched '{' in format spec");
    c = chars[i++]!;
    if (c !== ':' && c !== '}') throw valueError("expected ':' after conversion specifier");
  }
  if (c === '}') return [field, i];
  const specStart = i;
  let depth = 1;
  while (i < chars.length) {
    const d = chars[i++]!;
    if (d === '{') {
      depth++;
      field.specNeedsExpanding = true;
    } else if (d === '}' && --depth === 0) {
      field.spec = chars.slice(specStart, i - 1).join('');
      return [field, i];
    }
  }
  throw valueError("unmatched '{' in format spec");
}

/** One step of MarkupIterator: literal text, then the replacement field that follows it (if any). */
export interface MarkupChunk {
  literal: string;
  field: Field | null;
}

// Objects/stringlib/unicode_format.h MarkupIterator_next: a doubled brace ends a literal chunk
// with one brace in it.
export function* markup(template: string): Generator<MarkupChunk> {
  const chars = Array.from(template);
  let i = 0;
  while (i < chars.length) {
    let literal = '';
    let field: Field | null = null;
    while (i < chars.length) {
      const c = chars[i]!;
      if (c !== '{' && c !== '}') {
        literal += c;
        i++;
        continue;
      }
      if (chars[i + 1] === c) {
        literal += c;
        i += 2;
        break;
      }
      if (c === '}') throw valueError("Single '}' encountered in format string");
      if (i + 1 >= chars.length) throw valueError("Single '{' encountered in format string");
      [field, i] = parseField(chars, i + 1);
      break;
    }
    yield { literal, field };
  }
}

// Objects/stringlib/unicode_format.h build_string / output_markup
function render(template: string, src: Sources, depth: number): string {
  if (depth <= 0) throw valueError('Max string recursion exceeded');
  let out = '';
  for (const { literal, field } of markup(template)) {
    out += literal;
    if (field) out += renderField(field, src, depth);
  }
  return out;
}

function renderField(field: Field, src: Sources, depth: number): string {
  let value = getField(field.name, src);
  try {
    if (field.conversion !== null) {
      const converted = convert(value, field.conversion);
      decref(value);
      value = converted;
    }
    const specText = field.specNeedsExpanding ? render(field.spec, src, depth - 1) : field.spec;
    const spec = specText === '' ? null : newStr(specText);
    try {
      const r = objectFormat(value, spec) as PyStr;
      const text = r.value;
      decref(r);
      return text;
    } finally {
      if (spec) decref(spec);
    }
  } finally {
    decref(value);
  }
}

// Objects/stringlib/unicode_format.h do_conversion
function convert(v: PyObject, conversion: string): PyObject {
  switch (conversion) {
    case 'r': return repr(v);
    case 's': return str(v);
    case 'a': {
      const r = repr(v) as PyStr;
      const t = asciiEscape(r.value);
      decref(r);
      return newStr(t);
    }
  }
  const cp = conversion.codePointAt(0)!;
  throw valueError(cp > 32 && cp < 127 ? `Unknown conversion specifier ${conversion}` : `Unknown conversion specifier \\x${cp.toString(16)}`);
}

const DIGITS = /^[0-9]+$/;

/** One lookup after a field's first name: `.attr` (attribute) or `[key]` (item). */
export interface FieldAccess {
  attribute: boolean;
  /** an index when the key is all digits */
  key: string | number;
}

// Objects/stringlib/unicode_format.h field_name_split + FieldNameIterator_next
export function splitFieldName(name: string): { first: string; rest: FieldAccess[] } {
  let end = 0;
  while (end < name.length && name[end] !== '.' && name[end] !== '[') end++;
  const rest: FieldAccess[] = [];
  let i = end;
  while (i < name.length) {
    if (name[i] === '.') {
      let j = i + 1;
      while (j < name.length && name[j] !== '.' && name[j] !== '[') j++;
      const attr = name.slice(i + 1, j);
      if (attr === '') throw valueError('Empty attribute in format string');
      rest.push({ attribute: true, key: attr });
      i = j;
      continue;
    }
    const close = name.indexOf(']', i + 1);
    if (close < 0) throw valueError("Missing ']' in format string");
    const keyText = name.slice(i + 1, close);
    if (keyText === '') throw valueError('Empty attribute in format string');
    rest.push({ attribute: false, key: DIGITS.test(keyText) ? Number(keyText) : keyText });
    i = close + 1;
    if (i < name.length && name[i] !== '.' && name[i] !== '[') {
      throw valueError("Only '.' or '[' may follow ']' in format field specifier");
    }
  }
  return { first: name.slice(0, end), rest };
}

// Objects/stringlib/unicode_format.h get_field_object
function getField(name: string, src: Sources): PyObject {
  const { first, rest } = splitFieldName(name);
  let obj: PyObject;
  if (first === '' || DIGITS.test(first)) {
    const auto = first === '';
    if (auto) {
      if (src.mode === 0) throw valueError('cannot switch from manual field specification to automatic field numbering');
      src.mode = 1;
    } else {
      if (src.mode === 1) throw valueError('cannot switch from automatic field numbering to manual field specification');
      src.mode = 0;
    }
    const index = auto ? src.next++ : Number(first);
    if (src.positional === null) throw valueError('Format string contains positional fields');
    if (index >= src.positional.length) {
      throw indexError(`Replacement index ${index} out of range for positional args tuple`);
    }
    obj = newref(src.positional[index]!);
  } else obj = src.named(first);
  for (const step of rest) {
    try {
      if (step.attribute) {
        const next = getAttr(obj, step.key as string);
        decref(obj);
        obj = next;
        continue;
      }
      const key = typeof step.key === 'number' ? newInt(step.key) : newStr(step.key);
      try {
        const next = getItem(obj, key);
        decref(obj);
        obj = next;
      } finally {
        decref(key);
      }
    } catch (e) {
      decref(obj);
      throw e;
    }
  }
  return obj;
}

// Objects/unicodeobject.c unicode_format: positional arguments, then keywords by name.
export function strFormat(self: PyObject, args: PyObject[], kwnames: readonly string[] | null): PyObject {
  const nkw = kwnames ? kwnames.length : 0;
  const positional = args.slice(0, args.length - nkw);
  const named = (name: string): PyObject => {
    const k = kwnames ? kwnames.indexOf(name) : -1;
    if (k < 0) {
      const key = newStr(name);
      const e = keyError(key);
      decref(key);
      throw e;
    }
    return newref(args[positional.length + k]!);
  };
  return formatResult(self as PyStr, { positional, named, mode: -1, next: 0 });
}

// Objects/unicodeobject.c unicode_format_map
export function strFormatMap(self: PyObject, mapping: PyObject): PyObject {
  const named = (name: string): PyObject => {
    const key = newStr(name);
    try {
      return getItem(mapping, key);
    } finally {
      decref(key);
    }
  };
  return formatResult(self as PyStr, { positional: null, named, mode: -1, next: 0 });
}

function formatResult(s: PyStr, src: Sources): PyObject {
  return strResult(render(s.value, src, 2));
}
