// Values of NUMBER tokens (Parser/pegen.c parsenumber_raw): the tokenizer already checked them.

import { ImaginaryValue } from './ast.js';

/** The value of a valid number literal: int -> bigint, float -> number, complex -> ImaginaryValue. */
export function parseNumber(text: string): bigint | number | ImaginaryValue {
  const s = text.indexOf('_') >= 0 ? text.replace(/_/g, '') : text;
  const last = s.charCodeAt(s.length - 1);
  if (last === 106 || last === 74) return new ImaginaryValue(Number(s.slice(0, -1)));
  if (s.length > 1 && s.charCodeAt(0) === 48) {
    const p = s.charCodeAt(1) | 32;
    if (p === 120 || p === 111 || p === 98) return BigInt(s);
  }
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 46 || c === 101 || c === 69) return Number(s);
  }
  return BigInt(s);
}
