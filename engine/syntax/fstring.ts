// String concatenation and f-string parsing as CPython 3.11 does it after tokenizing: the whole
// f-string is one STRING token whose text is scanned here (Parser/string_parser.c), and each
// replacement field's expression is parsed by a sub-parser.

import type * as A from './ast.js';
import type { Located } from './ast.js';
import { decodeBytesEscapes, decodeStrEscapes, EscapeError, splitStringToken, type InvalidEscape } from './strings.js';
import type { Token } from './tokens.js';

/** What the f-string scanner needs from the parser that holds the STRING tokens. */
export interface FstringHost {
  /** RAISE_SYNTAX_ERROR: an error placed at the last token fetched. */
  raiseAtLastToken(type: 'SyntaxError', msg: string): never;
  /** RAISE_SYNTAX_ERROR_KNOWN_LOCATION(token) */
  raiseAtNode(msg: string, a: Located): never;
  /** A DeprecationWarning for an invalid escape in the string token `t`. */
  warnInvalidEscape(escape: string, t: Token): void;
  /** fstring_compile_expr: parses `(expr)` whose text starts at `exprStart` in token `t`. */
  compileExpression(t: Token, exprStart: number, exprEnd: number): A.expr;
}

/** FstringParser: literal text waiting to become a Constant, and the values so far. */
class FstringState {
  lastStr: string | null = null;
  fmode = false;
  values: (A.Constant | A.FormattedValue)[] = [];

  concat(s: string): void {
    if (s.length === 0) return;
    this.lastStr = this.lastStr === null ? s : this.lastStr + s;
  }
}

function span(first: Token, last: Token): Located {
  return { lineno: first.lineno, col_offset: first.col_offset, end_lineno: last.end_lineno, end_col_offset: last.end_col_offset };
}

/** make_str_node_and_del: only a lowercase `u` prefix on the first token gives kind 'u'. */
function strNode(s: string, first: Token, last: Token): A.Constant {
  return { _type: 'Constant', value: s, kind: first.string[0] === 'u' ? 'u' : null, ...span(first, last) };
}

/** _PyPegen_concatenate_strings */
export function concatenateStrings(host: FstringHost, tokens: Token[]): A.expr {
  const first = tokens[0]!;
  const last = tokens[tokens.length - 1]!;
  let bytesMode = false;
  const byteParts: Uint8Array[] = [];
  const state = new FstringState();
  tokens.forEach((t, i) => {
    const parts = splitStringToken(t.string);
    let value: string | Uint8Array | null = null;
    if (!parts.fstring) value = decodeLiteral(host, t, parts.body, parts.bytes, parts.raw);
    if (i !== 0 && bytesMode !== parts.bytes) host.raiseAtLastToken('SyntaxError', 'cannot mix bytes and nonbytes literals');
    bytesMode = parts.bytes;
    if (parts.fstring) {
      const scanner = new FstringScanner(host, t, parts.bodyStart, parts.bodyStart + parts.body.length, parts.raw, first, last);
      scanner.concatFstring(state, 0);
    } else if (value instanceof Uint8Array) byteParts.push(value);
    else state.concat(value as string);
  });
  if (bytesMode) {
    const total = byteParts.reduce((n, b) => n + b.length, 0);
    const out = new Uint8Array(total);
    let o = 0;
    for (const b of byteParts) { out.set(b, o); o += b.length; }
    return { _type: 'Constant', value: out, kind: null, ...span(first, last) };
  }
  return finish(state, first, last);
}

function decodeLiteral(host: FstringHost, t: Token, body: string, bytes: boolean, raw: boolean): string | Uint8Array {
  const noEscapes = raw || body.indexOf('\\') < 0;
  const invalid: InvalidEscape = { first: null };
  try {
    if (bytes) {
      for (let i = 0; i < body.length; i++) {
        if (body.charCodeAt(i) >= 0x80) {
          host.raiseAtNode('bytes can only contain ASCII literal characters', t);
        }
      }
      return noEscapes ? Uint8Array.from(body, (c) => c.charCodeAt(0)) : decodeBytesEscapes(body, invalid);
    }
    return noEscapes ? body : decodeStrEscapes(body, invalid);
  } catch (e) {
    if (e instanceof EscapeError) host.raiseAtLastToken('SyntaxError', `(${e.kind}) ${e.message}`);
    throw e;
  } finally {
    if (invalid.first !== null) host.warnInvalidEscape(invalid.first, t);
  }
}

/** _PyPegen_FstringParser_Finish */
function finish(state: FstringState, first: Token, last: Token): A.expr {
  if (!state.fmode) return strNode(state.lastStr ?? '', first, last);
  if (state.lastStr !== null) {
    state.values.push(strNode(state.lastStr, first, last));
    state.lastStr = null;
  }
  return { _type: 'JoinedStr', values: state.values, ...span(first, last) };
}

const MAX_LEVEL = 200;

/** Scans the text of one f-string token (`t`), from `pos` in the token's text. */
class FstringScanner {
  private pos: number;
  private readonly text: string;
  private readonly end: number;

  constructor(private readonly host: FstringHost, private readonly t: Token, bodyStart: number, bodyEnd: number,
    private readonly raw: boolean, private readonly first: Token, private readonly last: Token) {
    this.text = t.string;
    this.pos = bodyStart;
    this.end = bodyEnd;
  }

  private error(msg: string): never {
    this.host.raiseAtLastToken('SyntaxError', msg);
  }

  /** _PyPegen_FstringParser_ConcatFstring */
  concatFstring(state: FstringState, recurseLvl: number): void {
    state.fmode = true;
    for (;;) {
      const { literal, doubled } = this.findLiteral(recurseLvl);
      if (literal !== null) state.concat(literal);
      if (doubled) continue;
      if (this.pos >= this.end || this.text[this.pos] === '}') break;
      const { exprText, node } = this.findExpr(recurseLvl);
      if (exprText !== null) state.concat(exprText);
      if (state.lastStr !== null) {
        state.values.push(strNode(state.lastStr, this.first, this.last));
        state.lastStr = null;
      }
      state.values.push(node);
    }
    if (recurseLvl === 0 && this.pos < this.end - 1) this.error('f-string: unexpected end of string');
    if (recurseLvl !== 0 && this.text[this.pos] !== '}') this.error("f-string: expecting '}'");
  }

  /** fstring_find_literal: text up to an undoubled brace; `doubled` when it stopped at `{{`/`}}`. */
  private findLiteral(recurseLvl: number): { literal: string | null; doubled: boolean } {
    const text = this.text;
    const start = this.pos;
    let s = this.pos;
    let doubled = false;
    let stop = this.end;
    while (s < this.end) {
      let ch = text[s++]!;
      if (!this.raw && ch === '\\' && s < this.end) {
        ch = text[s++]!;
        if (ch === 'N') {
          if (s < this.end && text[s++] === '{') {
            while (s < this.end && text[s++] !== '}') { /* skip the character name */ }
          }
          continue;
        }
        if (ch === '{') this.host.warnInvalidEscape('{', this.t);
      }
      if (ch === '{' || ch === '}') {
        if (recurseLvl === 0) {
          if (s < this.end && text[s] === ch) {
            stop = s;
            this.pos = s + 1;
            doubled = true;
            break;
          }
          if (ch === '}') {
            this.pos = s - 1;
            this.error("f-string: single '}' is not allowed");
          }
        }
        s--;
        break;
      }
    }
    if (!doubled) {
      stop = s;
      this.pos = s;
    }
    if (start === stop) return { literal: null, doubled };
    const body = text.slice(start, stop);
    let literal: string;
    const invalid: InvalidEscape = { first: null };
    try {
      literal = this.raw || body.indexOf('\\') < 0 ? body : decodeStrEscapes(body, invalid);
    } catch (e) {
      if (e instanceof EscapeError) this.error(`(${e.kind}) ${e.message}`);
      throw e;
    }
    if (invalid.first !== null) this.host.warnInvalidEscape(invalid.first, this.t);
    return { literal, doubled };
  }

  /** fstring_find_expr */
  private findExpr(recurseLvl: number): { exprText: string | null; node: A.FormattedValue } {
    const text = this.text;
    if (recurseLvl >= 2) this.error('f-string: expressions nested too deeply');
    this.pos++;
    const exprStart = this.pos;
    let quoteChar = '';
    let stringType = 0;
    const parens: string[] = [];
    for (; this.pos < this.end; this.pos++) {
      const ch = text[this.pos]!;
      if (ch === '\\') this.error('f-string expression part cannot include a backslash');
      if (quoteChar) {
        if (ch === quoteChar) {
          if (stringType === 3) {
            if (this.pos + 2 < this.end && text[this.pos + 1] === ch && text[this.pos + 2] === ch) {
              this.pos += 2;
              stringType = 0;
              quoteChar = '';
            }
          } else {
            stringType = 0;
            quoteChar = '';
          }
        }
        continue;
      }
      if (ch === "'" || ch === '"') {
        if (this.pos + 2 < this.end && text[this.pos + 1] === ch && text[this.pos + 2] === ch) {
          stringType = 3;
          this.pos += 2;
        } else stringType = 1;
        quoteChar = ch;
      } else if (ch === '[' || ch === '{' || ch === '(') {
        if (parens.length >= MAX_LEVEL) this.error('f-string: too many nested parenthesis');
        parens.push(ch);
      } else if (ch === '#') {
        this.error("f-string expression part cannot include '#'");
      } else if (parens.length === 0 && (ch === '!' || ch === ':' || ch === '}' || ch === '=' || ch === '>' || ch === '<')) {
        if (this.pos + 1 < this.end) {
          const next = text[this.pos + 1];
          if ((ch === '!' || ch === '=' || ch === '<' || ch === '>') && next === '=') {
            this.pos++;
            continue;
          }
        }
        if (ch === '>' || ch === '<') continue;
        break;
      } else if (ch === ']' || ch === '}' || ch === ')') {
        if (parens.length === 0) this.error(`f-string: unmatched '${ch}'`);
        const opening = parens.pop()!;
        if (!((opening === '(' && ch === ')') || (opening === '[' && ch === ']') || (opening === '{' && ch === '}'))) {
          this.error(`f-string: closing parenthesis '${ch}' does not match opening parenthesis '${opening}'`);
        }
      }
    }
    const exprEnd = this.pos;
    if (quoteChar) this.error('f-string: unterminated string');
    if (parens.length) this.error(`f-string: unmatched '${parens[parens.length - 1]}'`);
    if (this.pos >= this.end) this.error("f-string: expecting '}'");
    const value = this.compileExpr(exprStart, exprEnd);
    let exprText: string | null = null;
    if (text[this.pos] === '=') {
      this.pos++;
      while (this.pos < text.length && ' \t\n\r\f\v'.includes(text[this.pos]!)) this.pos++;
      if (this.pos >= this.end) this.error("f-string: expecting '}'");
      exprText = text.slice(exprStart, this.pos);
    }
    let conversion = -1;
    if (text[this.pos] === '!') {
      this.pos++;
      if (this.pos >= this.end) this.error("f-string: expecting '}'");
      conversion = text.codePointAt(this.pos)!;
      this.pos++;
      if (!(conversion === 115 || conversion === 114 || conversion === 97)) {
        this.error("f-string: invalid conversion character: expected 's', 'r', or 'a'");
      }
    }
    let formatSpec: A.JoinedStr | null = null;
    if (this.pos < this.end && text[this.pos] === ':') {
      this.pos++;
      if (this.pos >= this.end) this.error("f-string: expecting '}'");
      const spec = new FstringState();
      this.concatFstring(spec, recurseLvl + 1);
      formatSpec = finishSpec(spec, this.t);
    }
    if (this.pos >= this.end || text[this.pos] !== '}') this.error("f-string: expecting '}'");
    this.pos++;
    if (exprText !== null && formatSpec === null && conversion === -1) conversion = 114;
    return {
      exprText,
      node: { _type: 'FormattedValue', value, conversion, format_spec: formatSpec, ...span(this.first, this.last) },
    };
  }

  /** fstring_compile_expr: an all-blank expression is an error before any parsing. */
  private compileExpr(start: number, end: number): A.expr {
    const body = this.text.slice(start, end);
    if (/^[ \t\n\f]*$/.test(body)) {
      const next = this.text[end];
      if (next === '!' || next === ':' || next === '=') this.error(`f-string: expression required before '${next}'`);
      this.error('f-string: empty expression not allowed');
    }
    return this.host.compileExpression(this.t, start, end);
  }
}

/** A format spec is finished with the current token as both its first and last token. */
function finishSpec(state: FstringState, t: Token): A.JoinedStr {
  if (state.lastStr !== null) {
    state.values.push(strNode(state.lastStr, t, t));
    state.lastStr = null;
  }
  return { _type: 'JoinedStr', values: state.values, ...span(t, t) };
}
