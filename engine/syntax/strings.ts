// String and bytes literal bodies: prefixes and escape decoding (Parser/string_parser.c,
// Objects/unicodeobject.c _PyUnicode_DecodeUnicodeEscapeInternal, Objects/bytesobject.c
// _PyBytes_DecodeEscape).

import { unicodeNameLookup } from './unicode-names.js';

export interface StringToken {
  bytes: boolean;
  raw: boolean;
  fstring: boolean;
  /** Text between the quotes. */
  body: string;
  /** Index of `body` in the token text. */
  bodyStart: number;
}

/** _PyPegen_parsestr: splits a STRING token into its prefix flags and its body. */
export function splitStringToken(text: string): StringToken {
  let i = 0;
  let bytes = false, raw = false, fstring = false;
  for (;;) {
    const c = text[i];
    if (c === 'b' || c === 'B') bytes = true;
    else if (c === 'r' || c === 'R') raw = true;
    else if (c === 'f' || c === 'F') fstring = true;
    else if (c !== 'u' && c !== 'U') break;
    i++;
  }
  const quote = text[i]!;
  const triple = text.length - i >= 6 && text[i + 1] === quote && text[i + 2] === quote;
  const q = triple ? 3 : 1;
  return { bytes, raw, fstring, body: text.slice(i + q, text.length - q), bodyStart: i + q };
}

/** Where decoding records the first escape CPython warns about: an unknown one (`\d`) or an
 *  octal one above 0o377. */
export interface InvalidEscape {
  first: string | null;
}

/** The DeprecationWarning text for an invalid escape (string_parser.c warn_invalid_escape_sequence). */
export function invalidEscapeMessage(escape: string): string {
  const c = escape.charCodeAt(0);
  return c >= 52 && c <= 55 ? `invalid octal escape sequence '\\${escape.slice(0, 3)}'` : `invalid escape sequence '\\${escape[0]}'`;
}

/** A failed escape decoding; the parser turns it into "(unicode error) ..." or "(value error) ...". */
export class EscapeError {
  constructor(readonly kind: 'unicode error' | 'value error', readonly message: string) {}
}

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}

const SIMPLE_ESCAPES: Record<string, number> = {
  '\n': -1, '\\': 92, "'": 39, '"': 34, b: 8, f: 12, t: 9, n: 10, r: 13, v: 11, a: 7,
};

/**
 * Decodes a str literal body with escapes. CPython first rewrites every non-ASCII character as a
 * 10-byte \U escape (string_parser.c decode_unicode_with_escapes), so error positions count bytes
 * of that rewritten buffer; `position` mirrors that.
 */
export function decodeStrEscapes(body: string, invalid?: InvalidEscape): string {
  const out: string[] = [];
  let pos = 0; // position in the rewritten buffer
  const width = (cp: number) => (cp < 128 ? 1 : 10);
  let i = 0;
  const n = body.length;
  while (i < n) {
    const cp = body.codePointAt(i)!;
    if (cp !== 92) {
      const ch = String.fromCodePoint(cp);
      out.push(ch);
      i += ch.length;
      pos += width(cp);
      continue;
    }
    const start = pos;
    i++;
    pos++;
    if (i >= n) {
      // a trailing backslash is rewritten as \u005c by decode_unicode_with_escapes
      out.push('\\');
      break;
    }
    const c = body.codePointAt(i)!;
    if (c >= 128) {
      // "\é": the backslash stays, as \u005c in the rewritten buffer
      out.push('\\');
      pos += 5;
      continue;
    }
    const ch = body[i]!;
    i++;
    pos++;
    const simple = SIMPLE_ESCAPES[ch];
    if (simple !== undefined) {
      if (simple >= 0) out.push(String.fromCharCode(simple));
      continue;
    }
    if (c >= 48 && c <= 55) {
      const digits = i - 1;
      let v = c - 48;
      for (let k = 0; k < 2 && i < n && body.charCodeAt(i) >= 48 && body.charCodeAt(i) <= 55; k++) {
        v = v * 8 + body.charCodeAt(i) - 48;
        i++;
        pos++;
      }
      if (v > 0o377 && invalid && invalid.first === null) invalid.first = body.slice(digits, i);
      out.push(String.fromCodePoint(v));
      continue;
    }
    if (ch === 'x' || ch === 'u' || ch === 'U') {
      const count = ch === 'x' ? 2 : ch === 'u' ? 4 : 8;
      const message = ch === 'x' ? 'truncated \\xXX escape' : ch === 'u' ? 'truncated \\uXXXX escape' : 'truncated \\UXXXXXXXX escape';
      let v = 0;
      for (let k = 0; k < count; k++) {
        const d = i < n ? hexValue(body.charCodeAt(i)) : -1;
        if (d < 0) throw unicodeEscapeError(start, pos, message);
        v = v * 16 + d;
        i++;
        pos++;
      }
      if (v > 0x10ffff) throw unicodeEscapeError(start, pos, 'illegal Unicode character');
      out.push(String.fromCodePoint(v));
      continue;
    }
    if (ch === 'N') {
      const message = 'malformed \\N character escape';
      if (i >= n || body[i] !== '{') {
        throw unicodeEscapeError(start, pos + (i < n ? 0 : 0), message);
      }
      i++;
      pos++;
      const nameStart = i;
      while (i < n && body[i] !== '}') {
        pos += width(body.codePointAt(i)!);
        i += body.codePointAt(i)! > 0xffff ? 2 : 1;
      }
      if (i >= n) throw unicodeEscapeError(start, pos, message);
      const name = body.slice(nameStart, i);
      if (name.length === 0) throw unicodeEscapeError(start, pos, message);
      i++;
      pos++;
      const found = unicodeNameLookup(name);
      if (found === null) throw unicodeEscapeError(start, pos, 'unknown Unicode character name');
      out.push(String.fromCodePoint(found));
      continue;
    }
    // An unknown escape keeps its backslash (3.11 only warns).
    if (invalid && invalid.first === null) invalid.first = ch;
    out.push('\\', ch);
  }
  return out.join('');
}

function unicodeEscapeError(start: number, end: number, message: string): EscapeError {
  const where = end - start === 1 ? `byte 0x5c in position ${start}` : `bytes in position ${start}-${end - 1}`;
  return new EscapeError('unicode error', `'unicodeescape' codec can't decode ${where}: ${message}`);
}

/** Decodes a bytes literal body (ASCII only, checked by the caller). */
export function decodeBytesEscapes(body: string, invalid?: InvalidEscape): Uint8Array {
  const out: number[] = [];
  let i = 0;
  const n = body.length;
  while (i < n) {
    const c = body.charCodeAt(i);
    if (c !== 92) {
      out.push(c);
      i++;
      continue;
    }
    const start = i;
    i++;
    if (i >= n) throw new EscapeError('value error', 'Trailing \\ in string');
    const ch = body[i]!;
    i++;
    const simple = SIMPLE_ESCAPES[ch];
    if (simple !== undefined) {
      if (simple >= 0) out.push(simple);
      continue;
    }
    const d = ch.charCodeAt(0);
    if (d >= 48 && d <= 55) {
      const digits = i - 1;
      let v = d - 48;
      for (let k = 0; k < 2 && i < n && body.charCodeAt(i) >= 48 && body.charCodeAt(i) <= 55; k++) {
        v = v * 8 + body.charCodeAt(i) - 48;
        i++;
      }
      if (v > 0o377 && invalid && invalid.first === null) invalid.first = body.slice(digits, i);
      out.push(v & 0xff);
      continue;
    }
    if (ch === 'x') {
      const h1 = i < n ? hexValue(body.charCodeAt(i)) : -1;
      const h2 = i + 1 < n ? hexValue(body.charCodeAt(i + 1)) : -1;
      if (h1 < 0 || h2 < 0) throw new EscapeError('value error', `invalid \\x escape at position ${start}`);
      out.push(h1 * 16 + h2);
      i += 2;
      continue;
    }
    if (invalid && invalid.first === null) invalid.first = ch;
    out.push(92, d);
  }
  return Uint8Array.from(out);
}
