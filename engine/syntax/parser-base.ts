// The machinery under the grammar rules: token access, backtracking, memoization, node positions
// and error raising, after Parser/pegen.c and Parser/pegen_errors.c.

import { byteColumnToCharColumn, type Located } from './ast.js';
import { PythonSyntaxError, type SyntaxErrorType } from './errors.js';
import type { SourceText } from './source.js';
import { KEYWORDS, TokenType, type Token, type TokenizerFailure } from './tokens.js';

export type ParseMode = 'exec' | 'eval' | 'single' | 'fstring';

/** A tokenizer failure reached by the parser: it ends parsing as it is. */
export class TokenizerFailureReached {
  constructor(readonly failure: TokenizerFailure) {}
}

/** Where a parser runs: the whole source, or an f-string expression inside it. */
export interface ParserContext {
  filename: string;
  mode: ParseMode;
  source: SourceText;
  tokens: Token[];
  failure: TokenizerFailure | null;
  /** For f-string expressions: real line of the sub-source's first line minus one. */
  lineBase: number;
  /** For f-string expressions: byte column the first line's tokens were shifted by. */
  startingColOffset: number;
}

type Memo = Map<number, { node: unknown; end: number }>;

export class ParserBase {
  mark = 0;
  /** Number of tokens fetched so far, over both passes (pegen's `p->fill`). */
  fill = 0;
  /** Second pass: the invalid_* rules are tried, to raise precise errors. */
  callInvalidRules = false;
  protected readonly tokens: Token[];
  private memos = new Map<string, Memo>();

  constructor(readonly ctx: ParserContext) {
    this.tokens = ctx.tokens;
  }

  resetForErrorPass(): void {
    this.mark = 0;
    this.callInvalidRules = true;
    this.memos = new Map();
  }

  // ------------------------------------------------------------ tokens

  /** The token at the mark, fetched (and counted) as pegen does. */
  peek(): Token {
    const i = this.mark;
    if (i >= this.fill) {
      // past the end the tokenizer keeps answering ENDMARKER
      if (i >= this.tokens.length) this.tokens.push({ ...this.tokens[this.tokens.length - 1]! });
      this.fill = i + 1;
      const t = this.tokens[i]!;
      if (t.type === TokenType.ERRORTOKEN) throw new TokenizerFailureReached(this.ctx.failure!);
    }
    return this.tokens[i]!;
  }

  /** The token after the one at the mark (a second lookahead). */
  peek2(): Token {
    this.mark++;
    try {
      return this.peek();
    } finally {
      this.mark--;
    }
  }

  lastToken(): Token {
    return this.tokens[this.fill - 1]!;
  }

  /** Consumes an operator or keyword spelled `s`. */
  expect(s: string): Token | null {
    const t = this.peek();
    if (t.string === s && (t.type === TokenType.OP || t.type === TokenType.NAME)) {
      this.mark++;
      return t;
    }
    return null;
  }

  check(s: string): boolean {
    const t = this.peek();
    return t.string === s && (t.type === TokenType.OP || t.type === TokenType.NAME);
  }

  /** Consumes a NAME that is not a keyword (soft keywords are names). */
  name(): Token | null {
    const t = this.peek();
    if (t.type === TokenType.NAME && !KEYWORDS.has(t.string)) {
      this.mark++;
      return t;
    }
    return null;
  }

  isName(t: Token): boolean {
    return t.type === TokenType.NAME && !KEYWORDS.has(t.string);
  }

  expectType(type: TokenType): Token | null {
    const t = this.peek();
    if (t.type === type) {
      this.mark++;
      return t;
    }
    return null;
  }

  /** `&&'x'`: a token that must be there, else "expected 'x'" at the current token. */
  expectForced(s: string): Token {
    const t = this.expect(s);
    if (t) return t;
    const cur = this.peek();
    this.raiseKnownLocation('SyntaxError', `expected '${s}'`, cur.lineno, cur.col_offset, cur.end_lineno, cur.end_col_offset);
  }

  /** Runs `rule` and rewinds when it fails. */
  attempt<T>(rule: () => T | null): T | null {
    const m = this.mark;
    const r = rule();
    if (r === null) this.mark = m;
    return r;
  }

  /** Positive lookahead of a rule: runs it and rewinds either way. */
  lookahead(rule: () => unknown): boolean {
    const m = this.mark;
    const r = rule();
    this.mark = m;
    return r !== null && r !== false;
  }

  memo<T>(key: string, rule: () => T | null): T | null {
    let table = this.memos.get(key);
    if (!table) {
      table = new Map();
      this.memos.set(key, table);
    }
    const hit = table.get(this.mark);
    if (hit) {
      this.mark = hit.end;
      return hit.node as T | null;
    }
    const start = this.mark;
    const node = rule();
    if (node === null) this.mark = start;
    table.set(start, { node, end: this.mark });
    return node;
  }

  /** Repeats `rule` while it succeeds. */
  loop<T>(rule: () => T | null): T[] {
    const out: T[] = [];
    for (;;) {
      const r = this.attempt(rule);
      if (r === null) return out;
      out.push(r);
    }
  }

  /** `sep.rule+` */
  gather<T>(sep: string, rule: () => T | null): T[] | null {
    const first = this.attempt(rule);
    if (first === null) return null;
    const out = [first];
    for (;;) {
      const m = this.mark;
      if (!this.expect(sep)) break;
      const r = rule();
      if (r === null) {
        this.mark = m;
        break;
      }
      out.push(r);
    }
    return out;
  }

  // ------------------------------------------------------------ positions

  /** EXTRA: from the token at `start` to the last non-whitespace token consumed. */
  loc(start: number): Located {
    const a = this.tokens[start]!;
    const b = this.lastNonWhitespaceToken();
    return { lineno: a.lineno, col_offset: a.col_offset, end_lineno: b.end_lineno, end_col_offset: b.end_col_offset };
  }

  private lastNonWhitespaceToken(): Token {
    let t = this.tokens[0]!;
    for (let m = this.mark - 1; m >= 0; m--) {
      t = this.tokens[m]!;
      if (t.type !== TokenType.ENDMARKER && (t.type < TokenType.NEWLINE || t.type > TokenType.DEDENT)) break;
    }
    return t;
  }

  // ------------------------------------------------------------ errors

  /** _PyPegen_raise_error_known_location: byte columns (0-based) of the error's range. A column
   *  of CURRENT_POS (null) means the current token's position is not known. */
  raiseKnownLocation(type: SyntaxErrorType, msg: string, lineno: number, col: number, endLineno: number, endCol: number): never {
    throw new PythonSyntaxError(this.errorInfo(type, msg, lineno, col + 1, endLineno, endCol + 1));
  }

  /** The error's attributes from 1-based byte columns, with CPython's choice of error line. */
  errorInfo(type: SyntaxErrorType, msg: string, lineno: number, col1: number, endLineno: number, endCol1: number) {
    const ctx = this.ctx;
    const tokLine = this.fill > 0 ? this.tokens[this.fill - 1]!.tokLine : 1;
    const src = ctx.source;
    const text = tokLine <= lineno ? src.lineWithNewline(tokLine - ctx.lineBase) : src.line(lineno - ctx.lineBase);
    let offset = col1;
    let endOffset = endCol1;
    if (ctx.mode === 'fstring') {
      // the f-string sub-tokenizer has no encoding set, so its columns stay in bytes
      msg = `f-string: ${msg}`;
      offset -= ctx.startingColOffset;
      endOffset -= ctx.startingColOffset;
    } else {
      offset = byteColumnToCharColumn(text, offset);
      if (endOffset > 0) endOffset = byteColumnToCharColumn(text, endOffset);
    }
    return { type, msg, filename: ctx.filename, lineno, offset, end_lineno: endLineno, end_offset: endOffset, text };
  }

  /** RAISE_SYNTAX_ERROR / RAISE_INDENTATION_ERROR: at the last token fetched. */
  raiseAtLastToken(type: SyntaxErrorType, msg: string): never {
    const t = this.lastToken();
    const col1 = t.col_offset === -1 ? t.tokCol : t.col_offset + 1;
    const end1 = t.end_col_offset === -1 ? -1 : t.end_col_offset + 1;
    throw new PythonSyntaxError(this.errorInfo(type, msg, t.lineno, col1, t.end_lineno, end1));
  }

  raiseAtNode(msg: string, a: Located, b: Located = a): never {
    this.raiseKnownLocation('SyntaxError', msg, a.lineno, a.col_offset, b.end_lineno, b.end_col_offset);
  }

  /** RAISE_SYNTAX_ERROR_STARTING_FROM: the range ends where the tokenizer is. */
  raiseStartingFrom(msg: string, a: Located): never {
    const t = this.lastToken();
    throw new PythonSyntaxError(this.errorInfo('SyntaxError', msg, a.lineno, a.col_offset + 1, t.tokLine, t.tokCol));
  }
}
