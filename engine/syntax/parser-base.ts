// The machinery under the grammar rules: token access, backtracking, memoization, node positions
// and error raising, after Parser/pegen.c and Parser/pegen_errors.c.

import { byteColumnToCharColumn, type Located } from './ast.js';
import type * as A from './ast.js';
import { PythonSyntaxError, type ParseWarning, type SyntaxErrorType } from './errors.js';
import type { SourceText } from './source.js';
import { KEYWORDS, TokenType, type Token, type TokenizerFailure } from './tokens.js';

/** The node classes with a source span, and the same without their span fields. */
type LocatedNode = A.stmt | A.expr | A.pattern | A.ExceptHandler | A.arg | A.keyword | A.alias;
type Unlocated<T> = T extends unknown ? Omit<T, keyof Located> : never;

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
  /** Warnings issued so far, shared with the f-string sub-parsers. */
  warnings: ParseWarning[];
}

/** The rules CPython memoizes (marked `(memo)` in Grammar/python.gram). */
export const enum Rule {
  // memoized in both passes: they are parsed again and again at the same token
  expression, strings, arguments, simple_stmt, t_primary,
  // memoized in the error pass only, where CPython's memo can change which invalid_* rule fires;
  // in the first pass they are almost never asked twice at one token
  star_expression, invalid_named_expression, disjunction, conjunction, inversion, factor,
  await_primary, star_target, target_with_star_atom, del_target, closed_pattern, star_pattern, block,
}

/** The rules before this one in Rule are memoized in the first pass too. */
const FIRST_PASS_MEMO_RULES = Rule.star_expression;

/** What memoHit answers when the rule has not run at the mark yet. */
export const MISS = Symbol('miss');

export class ParserBase {
  mark = 0;
  /** Number of tokens fetched so far, over both passes (pegen's `p->fill`). */
  fill = 0;
  /** Second pass: the invalid_* rules are tried, to raise precise errors. */
  callInvalidRules = false;
  private errorPass = false;
  protected readonly tokens: Token[];
  /** Error pass, per token: [result, end mark] pairs indexed by Rule. */
  private memos: (unknown[] | undefined)[];
  /** First pass: end mark (-1: not yet) and result per token and first-pass rule. */
  private firstPassEnds: Int32Array | null = null;
  private firstPassNodes: unknown[] = [];

  constructor(readonly ctx: ParserContext) {
    this.tokens = ctx.tokens;
    this.memos = new Array(this.tokens.length);
  }

  resetForErrorPass(): void {
    this.mark = 0;
    this.callInvalidRules = true;
    this.errorPass = true;
    this.memos = new Array(this.tokens.length);
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
    const t = this.peek();
    this.mark--;
    return t;
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

  /** A memoized result of `rule` at the mark (the mark moves past it), or MISS. */
  memoHit(rule: Rule): unknown {
    if (!this.errorPass) {
      const ends = this.firstPassEnds;
      if (rule >= FIRST_PASS_MEMO_RULES || ends === null) return MISS;
      const i = this.mark * FIRST_PASS_MEMO_RULES + rule;
      const end = i < ends.length ? ends[i]! : -1;
      if (end < 0) return MISS;
      this.mark = end;
      return this.firstPassNodes[i];
    }
    const memo = this.memos[this.mark];
    if (memo === undefined) return MISS;
    const end = memo[2 * rule + 1];
    if (end === undefined) return MISS;
    this.mark = end as number;
    return memo[2 * rule];
  }

  /** Records the result of `rule` started at `start`; a failure rewinds the mark. The first pass
   *  keeps its few memoized rules in flat tables; the error pass, like pegen, hangs the memo off
   *  the token where the rule started. */
  memoStore<T>(rule: Rule, start: number, node: T | null): T | null {
    if (node === null) this.mark = start;
    if (!this.errorPass) {
      if (rule >= FIRST_PASS_MEMO_RULES) return node;
      if (this.firstPassEnds === null) {
        const size = (this.tokens.length + 8) * FIRST_PASS_MEMO_RULES;
        this.firstPassEnds = new Int32Array(size).fill(-1);
        this.firstPassNodes = new Array<unknown>(size).fill(null);
      }
      const i = start * FIRST_PASS_MEMO_RULES + rule;
      if (i < this.firstPassEnds.length) {
        this.firstPassEnds[i] = this.mark;
        this.firstPassNodes[i] = node;
      }
      return node;
    }
    let memo = this.memos[start];
    if (memo === undefined) {
      memo = [];
      this.memos[start] = memo;
    }
    memo[2 * rule] = node;
    memo[2 * rule + 1] = this.mark;
    return node;
  }

  /** Repeats `rule` while it succeeds. */
  loop<T>(rule: () => T | null): T[] {
    const out: T[] = [];
    for (;;) {
      const before = this.mark;
      const r = this.attempt(rule);
      if (r === null) return out;
      out.push(r);
      // an item matching without consuming anything would repeat forever; the grammar has none
      if (this.mark === before) return out;
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

  /** EXTRA: gives `node` the span from the token at `start` to the last non-whitespace token
   *  consumed. */
  at<T extends Unlocated<LocatedNode>>(start: number, node: T): T & Located {
    const a = this.tokens[start]!;
    const b = this.lastNonWhitespaceToken();
    const n = node as T & Located;
    n.lineno = a.lineno;
    n.col_offset = a.col_offset;
    n.end_lineno = b.end_lineno;
    n.end_col_offset = b.end_col_offset;
    return n;
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
    const last = this.fill > 0 ? this.tokens[this.fill - 1]! : null;
    const tokLine = last ? last.tokLine : 1;
    const src = ctx.source;
    let text: string;
    if (tokLine <= lineno) {
      // the tokenizer's buffer: its current line, from where the current token began
      text = '';
      for (let l = last ? last.bufLine : tokLine; l <= tokLine; l++) text += src.lineWithNewline(l - ctx.lineBase);
    } else {
      text = src.line(lineno - ctx.lineBase);
    }
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

  /** PyErr_WarnExplicit, with repeats dropped as the warnings registry would. */
  warn(category: ParseWarning['category'], message: string, lineno: number): void {
    const ws = this.ctx.warnings;
    if (ws.some((w) => w.category === category && w.message === message && w.lineno === lineno)) return;
    ws.push({ category, message, filename: this.ctx.filename, lineno });
  }

  protected raiseAtToken(t: Token, msg: string): never {
    this.raiseKnownLocation('SyntaxError', msg, t.lineno, t.col_offset, t.end_lineno, t.end_col_offset);
  }
}

/** Thrown past a cut (`~`) to fail the rule that holds it. */
export class CutFailure {}

/** Identifiers are NFKC-normalized (Parser/pegen.c _PyPegen_new_identifier). */
export function identifier(s: string): string {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 127) return s.normalize('NFKC');
  return s;
}

