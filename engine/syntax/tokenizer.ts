// The tokenizer of CPython 3.11 (Parser/tokenizer.c tok_get), run over the whole source at once.
// It stops at the first failure and records it; the parser decides when the failure surfaces.

import { byteColumnToCharColumn } from './ast.js';
import type { SourceText } from './source.js';
import { TokenType, type Token, type TokenizerFailure } from './tokens.js';

const TAB_SIZE = 8;
const ALT_TAB_SIZE = 1;
const MAX_INDENT = 100;
const MAX_LEVEL = 200;

const THREE_CHAR_OPS = new Set(['**=', '...', '//=', '<<=', '>>=']);
const TWO_CHAR_OPS = new Set([
  '!=', '%=', '&=', '**', '*=', '+=', '-=', '->', '//', '/=', ':=', '<<', '<=', '<>', '==', '>=', '>>', '@=', '^=', '|=',
]);

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
function isHexDigit(c: number): boolean {
  return isDigit(c) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
}
function isIdentifierStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c >= 128;
}
function isIdentifierChar(c: number): boolean {
  return isIdentifierStart(c) || isDigit(c);
}

const XID_START = /[\p{XID_Start}_]/u;
const XID_CONTINUE = /\p{XID_Continue}/u;
const PRINTABLE = /[^\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]|[ ]/u;

class Failure {
  constructor(readonly failure: TokenizerFailure) {}
}

/** Result of tokenizing: every token up to (and including) ENDMARKER or the ERRORTOKEN that
 *  carries `failure`. */
/** A SyntaxWarning the tokenizer raises (parser_warn) when it reads token `tokenIndex`. */
export interface TokenizerWarning {
  tokenIndex: number;
  message: string;
  lineno: number;
}

export interface Tokenized {
  tokens: Token[];
  failure: TokenizerFailure | null;
  warnings: TokenizerWarning[];
  source: SourceText;
}

/** Tokenizes `source`. In 'single' mode the end of input reads as NEWLINE first, then the
 *  pending DEDENTs, then ENDMARKER (pegen.c _PyPegen_fill_token). */
export function tokenize(source: SourceText, filename: string, single = false): Tokenized {
  const t = new Tokenizer(source, filename, single);
  t.run();
  return { tokens: t.tokens, failure: t.failure, warnings: t.warnings, source };
}

class Tokenizer {
  readonly tokens: Token[] = [];
  readonly warnings: TokenizerWarning[] = [];
  failure: TokenizerFailure | null = null;
  private readonly text: string;
  private pos = 0;
  private lineno = 0;
  private atBol = true;
  private pendin = 0;
  private readonly indstack = [0];
  private readonly altindstack = [0];
  private readonly parenStack: { ch: string; line: number; col: number }[] = [];
  private blankline = false;
  /** 'single' mode: the last token is the NEWLINE the end of input turned into (parsing_started
   *  is 0 again); the next end of input stays ENDMARKER. */
  private lastWasEndNewline = false;
  /** Whether a token has started (tok->start set), and the line tok->buf starts at. */
  private inToken = false;
  private bufLine = 0;
  private nextLineStart: number;

  constructor(private readonly src: SourceText, private readonly filename: string, private readonly single: boolean) {
    this.text = src.text;
    this.nextLineStart = 0;
  }

  run(): void {
    try {
      for (;;) {
        const tok = this.next();
        this.tokens.push(tok);
        this.lastWasEndNewline = tok.type === TokenType.NEWLINE && tok.col_offset === -1;
        if (tok.type === TokenType.ENDMARKER) return;
      }
    } catch (e) {
      if (!(e instanceof Failure)) throw e;
      this.failure = e.failure;
      this.tokens.push(this.make(TokenType.ERRORTOKEN, -1, -1, this.lineno, this.lineno));
    }
  }

  private get level(): number {
    return this.parenStack.length;
  }

  /** Reads a character code, or -1 at end of input. Like tok_nextc, the tokenizer enters the next
   *  line only when it reads that line's first character. */
  private nextc(): number {
    if (this.pos >= this.text.length) return -1;
    if (this.pos === this.nextLineStart) {
      this.lineno++;
      this.nextLineStart = this.src.lineEnd(this.lineno);
      // tok_underflow_string moves tok->buf only between tokens
      if (!this.inToken) this.bufLine = this.lineno;
    }
    return this.text.charCodeAt(this.pos++);
  }

  private backup(c: number): void {
    if (c !== -1) this.pos--;
  }

  private make(type: TokenType, start: number, end: number, lineno = this.lineno, startLine = this.lineno): Token {
    const col = start < 0 ? -1 : this.src.byteCol(startLine, start);
    const endCol = end < 0 ? -1 : this.src.byteCol(lineno, end);
    return {
      type,
      string: start < 0 ? '' : this.text.slice(start, end),
      lineno: startLine,
      col_offset: col,
      end_lineno: lineno,
      end_col_offset: endCol,
      level: this.level,
      tokLine: this.lineno,
      bufLine: this.bufLine,
      tokCol: this.curCol(),
      tokPos: this.pos,
    };
  }

  private curCol(): number {
    return this.lineno >= 1 && this.lineno <= this.src.lineStarts.length ? this.src.byteCol(this.lineno, this.pos) : 0;
  }

  // ------------------------------------------------------------ failures

  /** Parser/tokenizer.c _syntaxerror_range: the offset counts characters from the line start up to
   *  the tokenizer's position, unless a range is given. */
  private syntaxError(msg: string, colOffset = -1, endColOffset = -1): never {
    const lineText = this.src.line(this.lineno);
    const col = colOffset === -1 ? this.src.charCol(this.lineno, this.pos) : colOffset;
    throw new Failure({
      raised: true,
      info: {
        type: 'SyntaxError', msg, filename: this.filename, lineno: this.lineno, offset: col, end_lineno: this.lineno,
        end_offset: endColOffset === -1 ? col : endColOffset, text: lineText,
      },
    });
  }

  /** A failure the parser reports when it reaches it (pegen.c tokenizer_error). */
  private deferred(type: 'SyntaxError' | 'IndentationError' | 'TabError', msg: string, offset: number, endOffset: number): never {
    throw new Failure({
      raised: false,
      info: { type, msg, filename: this.filename, lineno: this.lineno, offset, end_lineno: this.lineno, end_offset: endOffset, text: this.src.lineWithNewline(this.lineno) },
    });
  }

  /** tok->buf up to the end of the current line: the lines of a token still being read. */
  private bufferText(): string {
    let text = '';
    for (let l = this.bufLine; l <= this.lineno; l++) text += this.src.lineWithNewline(l);
    return text;
  }

  private charOffsetOfCur(): number {
    return this.src.charCol(this.lineno, this.pos);
  }

  private indentError(): never {
    this.deferred('TabError', 'inconsistent use of tabs and spaces in indentation', 1, 0);
  }

  private eofError(): never {
    if (this.level > 0) {
      const open = this.parenStack[this.level - 1]!;
      const lineText = this.src.line(open.line);
      const offset = byteColumnToCharColumn(lineText, open.col + 1);
      throw new Failure({
        raised: false,
        unclosedParenLine: open.line,
        info: {
          type: 'SyntaxError', msg: `'${open.ch}' was never closed`, filename: this.filename, lineno: open.line, offset, end_lineno: open.line, end_offset: 0,
          text: open.line >= this.lineno ? this.bufferText() : lineText,
        },
      });
    }
    this.pos = this.src.lineEnd(this.lineno);
    this.deferred('SyntaxError', 'unexpected EOF while parsing', this.charOffsetOfCur(), -1);
  }

  /** tok_continuation_line: a backslash must end its line, and the file must go on. */
  private continuationLine(): number {
    let c = this.nextc();
    if (c !== 10) {
      this.deferred('SyntaxError', 'unexpected character after line continuation character', this.charOffsetOfCur(), 0);
    }
    c = this.nextc();
    if (c === -1) this.eofError();
    this.backup(c);
    return c;
  }

  // ------------------------------------------------------------ tok_get

  private next(): Token {
    let c: number;
    for (;;) {
      this.blankline = false;
      this.inToken = false;
      if (this.atBol) this.readIndentation();
      if (this.pendin !== 0) {
        if (this.pendin < 0) {
          this.pendin++;
          return this.make(TokenType.DEDENT, -1, -1);
        }
        this.pendin--;
        return this.make(TokenType.INDENT, -1, -1);
      }
      // again:
      for (;;) {
        this.inToken = false;
        do c = this.nextc(); while (c === 32 || c === 9 || c === 12);
        this.inToken = true;
        const start = this.pos - (c === -1 ? 0 : 1);
        if (c === 35) {
          while (c !== -1 && c !== 10) c = this.nextc();
        }
        if (c === -1) {
          if (this.level > 0) this.eofError();
          if (this.single && this.tokens.length > 0 && !this.lastWasEndNewline) {
            this.pendin = -(this.indstack.length - 1);
            this.indstack.length = 1;
            this.altindstack.length = 1;
            return this.make(TokenType.NEWLINE, -1, -1);
          }
          return this.make(TokenType.ENDMARKER, -1, -1);
        }
        if (isIdentifierStart(c)) return this.nameOrString(start, c);
        if (c === 10) {
          this.atBol = true;
          if (this.blankline || this.level > 0) break; // nextline
          return this.make(TokenType.NEWLINE, start, this.pos - 1);
        }
        if (c === 46) {
          const c2 = this.nextc();
          if (isDigit(c2)) return this.number(start, c2, 'fraction');
          if (c2 === 46) {
            const c3 = this.nextc();
            if (c3 === 46) return this.make(TokenType.OP, start, this.pos);
            this.backup(c3);
          }
          this.backup(c2);
          return this.make(TokenType.OP, start, this.pos);
        }
        if (isDigit(c)) return this.number(start, c, 'start');
        if (c === 39 || c === 34) return this.string(start, c);
        if (c === 92) {
          this.continuationLine();
          continue; // again
        }
        return this.operator(start, c);
      }
    }
  }

  private readIndentation(): void {
    let col = 0;
    let altcol = 0;
    let contLineCol = 0;
    this.atBol = false;
    let c: number;
    for (;;) {
      c = this.nextc();
      if (c === 32) { col++; altcol++; }
      else if (c === 9) {
        col = (Math.floor(col / TAB_SIZE) + 1) * TAB_SIZE;
        altcol = (Math.floor(altcol / ALT_TAB_SIZE) + 1) * ALT_TAB_SIZE;
      } else if (c === 12) { col = altcol = 0; }
      else if (c === 92) {
        contLineCol = contLineCol || col;
        this.continuationLine();
      } else break;
    }
    this.backup(c);
    if (c === 35 || c === 10) this.blankline = true;
    if (this.blankline || this.level !== 0) return;
    if (contLineCol) { col = contLineCol; altcol = contLineCol; }
    const top = this.indstack.length - 1;
    if (col === this.indstack[top]) {
      if (altcol !== this.altindstack[top]) this.indentError();
    } else if (col > this.indstack[top]!) {
      if (this.indstack.length >= MAX_INDENT) {
        this.pos = this.src.lineEnd(this.lineno);
        this.deferred('IndentationError', 'too many levels of indentation', 1, 0);
      }
      if (altcol <= this.altindstack[top]!) this.indentError();
      this.pendin++;
      this.indstack.push(col);
      this.altindstack.push(altcol);
    } else {
      while (this.indstack.length > 1 && col < this.indstack[this.indstack.length - 1]!) {
        this.pendin--;
        this.indstack.pop();
        this.altindstack.pop();
      }
      if (col !== this.indstack[this.indstack.length - 1]) {
        this.pos = this.src.lineEnd(this.lineno);
        this.deferred('IndentationError', 'unindent does not match any outer indentation level', this.charOffsetOfCur(), -1);
      }
      if (altcol !== this.altindstack[this.altindstack.length - 1]) this.indentError();
    }
  }

  private nameOrString(start: number, c: number): Token {
    let sawB = false, sawR = false, sawU = false, sawF = false;
    for (;;) {
      if (!(sawB || sawU || sawF) && (c === 98 || c === 66)) sawB = true;
      else if (!(sawB || sawU || sawR || sawF) && (c === 117 || c === 85)) sawU = true;
      else if (!(sawR || sawU) && (c === 114 || c === 82)) sawR = true;
      else if (!(sawF || sawB || sawU) && (c === 102 || c === 70)) sawF = true;
      else break;
      c = this.nextc();
      if (c === 34 || c === 39) return this.string(start, c);
    }
    let nonAscii = false;
    while (c !== -1 && isIdentifierChar(c)) {
      if (c >= 128) nonAscii = true;
      c = this.nextc();
    }
    this.backup(c);
    if (nonAscii) this.verifyIdentifier(start);
    return this.make(TokenType.NAME, start, this.pos);
  }

  /** verify_identifier: the first code point that cannot be part of an identifier is reported. */
  private verifyIdentifier(start: number): void {
    const word = this.text.slice(start, this.pos);
    let i = 0;
    let first = true;
    for (const ch of word) {
      const ok = first ? XID_START.test(ch) : XID_CONTINUE.test(ch);
      if (!ok) {
        const cp = ch.codePointAt(0)!;
        this.pos = start + i + ch.length;
        const hex = cp.toString(16).toUpperCase().padStart(4, '0');
        if (PRINTABLE.test(ch)) this.syntaxError(`invalid character '${ch}' (U+${hex})`);
        this.syntaxError(`invalid non-printable character U+${hex}`);
      }
      first = false;
      i += ch.length;
    }
  }

  /** verify_end_of_number: a number directly followed by a keyword or name letter. */
  private verifyEndOfNumber(c: number, kind: string): void {
    // A following keyword only warns in 3.11 (`1if x else y`); an ASCII letter, digit or '_'
    // otherwise fails. lookahead(): the keyword must end there, except after "i".
    const keywordFollows = (kw: string): boolean => {
      for (let i = 1; i < kw.length; i++) if (this.text.charCodeAt(this.pos - 1 + i) !== kw.charCodeAt(i)) return false;
      const after = this.pos - 1 + kw.length < this.text.length ? this.text.charCodeAt(this.pos - 1 + kw.length) : -1;
      return !(after !== -1 && isIdentifierChar(after));
    };
    const next = this.pos < this.text.length ? this.text.charCodeAt(this.pos) : -1;
    const keyword = (c === 97 && keywordFollows('and')) || (c === 101 && keywordFollows('else'))
      || (c === 102 && keywordFollows('for')) || (c === 105 && (next === 102 || next === 110 || next === 115))
      || (c === 110 && keywordFollows('not')) || (c === 111 && keywordFollows('or'));
    if (keyword) {
      this.warnings.push({ tokenIndex: this.tokens.length, message: `invalid ${kind} literal`, lineno: this.lineno });
      return;
    }
    if (c !== -1 && c < 128 && isIdentifierChar(c)) {
      this.backup(c);
      this.syntaxError(`invalid ${kind} literal`);
    }
  }

  private decimalTail(): number {
    let c: number;
    for (;;) {
      do c = this.nextc(); while (isDigit(c));
      if (c !== 95) break;
      c = this.nextc();
      if (!isDigit(c)) {
        this.backup(c);
        this.syntaxError('invalid decimal literal');
      }
    }
    return c;
  }

  private number(start: number, c: number, entry: 'start' | 'fraction'): Token {
    if (entry === 'fraction') return this.fraction(start, c);
    if (c === 48) {
      c = this.nextc();
      if (c === 120 || c === 88) return this.radix(start, isHexDigit, 'hexadecimal', null);
      if (c === 111 || c === 79) return this.radix(start, (d) => d >= 48 && d <= 55, 'octal', 'octal');
      if (c === 98 || c === 66) return this.radix(start, (d) => d === 48 || d === 49, 'binary', 'binary');
      let nonzero = false;
      for (;;) {
        if (c === 95) {
          c = this.nextc();
          if (!isDigit(c)) {
            this.backup(c);
            this.syntaxError('invalid decimal literal');
          }
        }
        if (c !== 48) break;
        c = this.nextc();
      }
      const zerosEnd = this.pos;
      if (isDigit(c)) {
        nonzero = true;
        c = this.decimalTail();
      }
      if (c === 46) return this.fraction(start, this.nextc());
      if (c === 101 || c === 69) return this.exponent(start, c);
      if (c === 106 || c === 74) return this.imaginary(start);
      if (nonzero) {
        this.backup(c);
        // syntaxerror_known_range takes byte columns as they are
        const startCol = this.src.byteCol(this.lineno, start) + 1;
        const endCol = this.src.byteCol(this.lineno, zerosEnd);
        this.syntaxError('leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers', startCol, endCol);
      }
      this.verifyEndOfNumber(c, 'decimal');
      this.backup(c);
      return this.make(TokenType.NUMBER, start, this.pos);
    }
    c = this.decimalTail();
    if (c === 46) return this.fraction(start, this.nextc());
    if (c === 101 || c === 69) return this.exponent(start, c);
    if (c === 106 || c === 74) return this.imaginary(start);
    this.verifyEndOfNumber(c, 'decimal');
    this.backup(c);
    return this.make(TokenType.NUMBER, start, this.pos);
  }

  private radix(start: number, isRadixDigit: (c: number) => boolean, kind: string, digitCheck: string | null): Token {
    let c = this.nextc();
    do {
      if (c === 95) c = this.nextc();
      if (!isRadixDigit(c)) {
        if (digitCheck && isDigit(c)) this.syntaxError(`invalid digit '${String.fromCharCode(c)}' in ${digitCheck} literal`);
        this.backup(c);
        this.syntaxError(`invalid ${kind} literal`);
      }
      do c = this.nextc(); while (isRadixDigit(c));
    } while (c === 95);
    if (digitCheck && isDigit(c)) this.syntaxError(`invalid digit '${String.fromCharCode(c)}' in ${digitCheck} literal`);
    this.verifyEndOfNumber(c, kind);
    this.backup(c);
    return this.make(TokenType.NUMBER, start, this.pos);
  }

  private fraction(start: number, c: number): Token {
    if (isDigit(c)) c = this.decimalTail();
    if (c === 101 || c === 69) return this.exponent(start, c);
    if (c === 106 || c === 74) return this.imaginary(start);
    this.verifyEndOfNumber(c, 'decimal');
    this.backup(c);
    return this.make(TokenType.NUMBER, start, this.pos);
  }

  private exponent(start: number, e: number): Token {
    let c = this.nextc();
    if (c === 43 || c === 45) {
      c = this.nextc();
      if (!isDigit(c)) {
        this.backup(c);
        this.syntaxError('invalid decimal literal');
      }
    } else if (!isDigit(c)) {
      this.backup(c);
      this.verifyEndOfNumber(e, 'decimal');
      this.backup(e);
      return this.make(TokenType.NUMBER, start, this.pos);
    }
    c = this.decimalTail();
    if (c === 106 || c === 74) return this.imaginary(start);
    this.verifyEndOfNumber(c, 'decimal');
    this.backup(c);
    return this.make(TokenType.NUMBER, start, this.pos);
  }

  private imaginary(start: number): Token {
    const c = this.nextc();
    this.verifyEndOfNumber(c, 'imaginary');
    this.backup(c);
    return this.make(TokenType.NUMBER, start, this.pos);
  }

  private string(start: number, quote: number): Token {
    const firstLine = this.lineno;
    const firstNextLineStart = this.nextLineStart;
    let quoteSize = 1;
    let endQuoteSize = 0;
    let c = this.nextc();
    if (c === quote) {
      c = this.nextc();
      if (c === quote) quoteSize = 3;
      else endQuoteSize = 1;
    }
    if (c !== quote) this.backup(c);
    while (endQuoteSize !== quoteSize) {
      c = this.nextc();
      if (c === -1 || (quoteSize === 1 && c === 10)) {
        const detectedAt = this.lineno;
        this.lineno = firstLine;
        this.nextLineStart = firstNextLineStart;
        this.pos = start + 1;
        const what = quoteSize === 3 ? 'unterminated triple-quoted string literal' : 'unterminated string literal';
        this.syntaxError(`${what} (detected at line ${detectedAt})`);
      }
      if (c === quote) endQuoteSize++;
      else {
        endQuoteSize = 0;
        if (c === 92) this.nextc();
      }
    }
    return this.make(TokenType.STRING, start, this.pos, this.lineno, firstLine);
  }

  private operator(start: number, c: number): Token {
    const c2 = this.nextc();
    const two = String.fromCharCode(c) + (c2 === -1 ? '' : String.fromCharCode(c2));
    if (TWO_CHAR_OPS.has(two)) {
      const c3 = this.nextc();
      if (c3 !== -1 && THREE_CHAR_OPS.has(two + String.fromCharCode(c3))) return this.make(TokenType.OP, start, this.pos);
      this.backup(c3);
      return this.make(TokenType.OP, start, this.pos);
    }
    this.backup(c2);
    const ch = String.fromCharCode(c);
    switch (ch) {
      case '(': case '[': case '{':
        if (this.level >= MAX_LEVEL) this.syntaxError('too many nested parentheses');
        this.parenStack.push({ ch, line: this.lineno, col: this.src.byteCol(this.lineno, start) });
        break;
      case ')': case ']': case '}': {
        if (this.level === 0) this.syntaxError(`unmatched '${ch}'`);
        const open = this.parenStack.pop()!;
        const match = (open.ch === '(' && ch === ')') || (open.ch === '[' && ch === ']') || (open.ch === '{' && ch === '}');
        if (!match) {
          if (open.line !== this.lineno) {
            this.syntaxError(`closing parenthesis '${ch}' does not match opening parenthesis '${open.ch}' on line ${open.line}`);
          }
          this.syntaxError(`closing parenthesis '${ch}' does not match opening parenthesis '${open.ch}'`);
        }
        break;
      }
    }
    if (c < 32 || c === 127) {
      this.syntaxError(`invalid non-printable character U+${c.toString(16).toUpperCase().padStart(4, '0')}`);
    }
    return this.make(TokenType.OP, start, this.pos);
  }
}
