// Entry points of the front end: source text in, CPython 3.11 AST or SyntaxError out.
// The two passes and the choice of the reported error follow Parser/pegen.c _PyPegen_run_parser.

import type * as A from './ast.js';
import { PythonSyntaxError, type ParseWarning, type SyntaxErrorInfo } from './errors.js';
import { invalidEscapeMessage } from './strings.js';
import { concatenateStrings } from './fstring.js';
import { TokenizerFailureReached, type ParseMode, type ParserContext } from './parser-base.js';
import { SourceText, translateNewlines } from './source.js';
import { StatementParser } from './statements.js';
import { tokenize, type TokenizerWarning } from './tokenizer.js';
import { TokenType, type Token, type TokenizerFailure } from './tokens.js';
import { utf8Length } from './ast.js';

export type Mode = 'exec' | 'eval' | 'single';

export interface ParseFlags {
  /** PyCF_ALLOW_INCOMPLETE_INPUT: input that stops before it is finished raises a SyntaxError
   *  "incomplete input" (what `codeop` relies on). */
  allowIncompleteInput?: boolean;
  /** Receives the SyntaxWarnings and DeprecationWarnings compile() would issue, in order. */
  warnings?: ParseWarning[];
}

export function parse(source: string, filename: string, mode: 'exec', flags?: ParseFlags): A.Module;
export function parse(source: string, filename: string, mode: 'eval', flags?: ParseFlags): A.Expression;
export function parse(source: string, filename: string, mode: 'single', flags?: ParseFlags): A.Interactive;
export function parse(source: string, filename: string, mode: Mode, flags?: ParseFlags): A.mod;
/** Parses like `compile(source, filename, mode, PyCF_ONLY_AST)`; throws PythonSyntaxError. */
export function parse(source: string, filename: string, mode: Mode, flags: ParseFlags = {}): A.mod {
  if (source.indexOf('\0') >= 0) {
    throw new PythonSyntaxError(noPosition('SyntaxError', 'source code string cannot contain null bytes', filename));
  }
  let text = translateNewlines(source);
  if (mode === 'exec' && text.length > 0 && !text.endsWith('\n')) text += '\n';
  const src = new SourceText(text);
  const { tokens, failure, warnings } = tokenize(src, filename, mode === 'single');
  const ctx: ParserContext = {
    filename, mode, source: src, tokens, failure, lineBase: 0, startingColOffset: 0, warnings: flags.warnings ?? [],
  };
  try {
    return runParser(ctx, flags.allowIncompleteInput === true, warnings) as A.mod;
  } catch (e) {
    // the host stack ran out: CPython's parser stack (MAXSTACK) would have too
    if (e instanceof RangeError) throw new PythonSyntaxError(noPosition('MemoryError', '', filename));
    throw e;
  } finally {
    // CPython issues them as it reads the source, line by line
    ctx.warnings.sort((x, y) => x.lineno - y.lineno);
  }
}

function noPosition(type: SyntaxErrorInfo['type'], msg: string, filename: string): SyntaxErrorInfo {
  return { type, msg, filename, lineno: null, offset: null, end_lineno: null, end_offset: null, text: null };
}

class Parser extends StatementParser {
  startRule(): A.mod | A.expr | null {
    switch (this.ctx.mode) {
      case 'exec': return this.fileRule();
      case 'eval': return this.evalRule();
      case 'single': return this.interactiveRule();
      case 'fstring': return this.fstringRule();
    }
  }

  protected concatenateStrings(tokens: Token[]): A.expr {
    return concatenateStrings(this, tokens);
  }

  warnInvalidEscape(escape: string, t: Token): void {
    this.warn('DeprecationWarning', invalidEscapeMessage(escape), t.lineno);
  }

  /** fstring_compile_expr: the expression text, wrapped in parentheses, parsed on its own with
   *  positions shifted to where it sits in the f-string token. */
  compileExpression(t: Token, exprStart: number, exprEnd: number): A.expr {
    const text = t.string;
    const brace = exprStart - 1;
    let newlineAfterBrace = true;
    for (let i = exprStart; i < text.length && text[i] !== '}' && text[i] !== '\n'; i++) {
      const c = text[i];
      if (c !== ' ' && c !== '\t' && c !== '\f') {
        newlineAfterBrace = false;
        break;
      }
    }
    let cols = 0;
    if (!newlineAfterBrace) {
      let start = brace;
      while (start > 0 && text[start] !== '\n') start--;
      cols = byteLength(text.slice(start, brace));
      if (text[start] === '\n') cols -= 1;
    }
    let lines = 0;
    for (let i = 0; i < brace; i++) if (text[i] === '\n') lines++;
    const sub = new SourceText(`(${text.slice(exprStart, exprEnd)})\n`);
    const lineBase = t.lineno + lines - 1;
    // on a later line of the token, the shift counts from that line's start only
    const startingColOffset = lines > 0 ? cols : t.col_offset + cols;
    const { tokens, failure, warnings } = tokenize(sub, this.ctx.filename);
    for (const tok of tokens) {
      if (tok.tokLine === 1) {
        if (tok.col_offset >= 0) tok.col_offset += startingColOffset;
        if (tok.end_col_offset >= 0) tok.end_col_offset += startingColOffset;
      }
      tok.lineno += lineBase;
      tok.end_lineno += lineBase;
      tok.tokLine += lineBase;
      tok.bufLine += lineBase;
    }
    const shifted = failure && {
      ...failure,
      info: { ...failure.info, lineno: failure.info.lineno! + lineBase, end_lineno: failure.info.end_lineno! + lineBase },
      ...(failure.unclosedParenLine ? { unclosedParenLine: failure.unclosedParenLine + lineBase } : {}),
    };
    const ctx: ParserContext = {
      filename: this.ctx.filename, mode: 'fstring', source: sub, tokens, failure: shifted, lineBase, startingColOffset,
      warnings: this.ctx.warnings,
    };
    return runParser(ctx, false, warnings.map((w) => ({ ...w, lineno: w.lineno + lineBase }))) as A.expr;
  }
}

function byteLength(s: string): number {
  let n = 0;
  for (const ch of s) n += utf8Length(ch.codePointAt(0)!);
  return n;
}

/** Parses `ctx`; the tokenizer's warnings are issued for the tokens the parser reached. */
function runParser(ctx: ParserContext, allowIncompleteInput: boolean, tokenizerWarnings: TokenizerWarning[]): A.mod | A.expr {
  const p = new Parser(ctx);
  try {
    return runPasses(p, allowIncompleteInput);
  } finally {
    for (const w of tokenizerWarnings) if (w.tokenIndex < p.fill) p.warn('SyntaxWarning', w.message, w.lineno);
  }
}

function runPasses(p: Parser, allowIncompleteInput: boolean): A.mod | A.expr {
  const ctx = p.ctx;
  let firstPassError: PythonSyntaxError | null = null;
  let result: A.mod | A.expr | null = null;
  try {
    result = p.startRule();
  } catch (e) {
    if (e instanceof TokenizerFailureReached) {
      if (allowIncompleteInput && endsInsideStatement(e.failure)) p.raiseAtLastToken('SyntaxError', 'incomplete input');
      throw new PythonSyntaxError(e.failure.info);
    }
    if (!(e instanceof PythonSyntaxError)) throw e;
    firstPassError = e;
  }
  if (!result && allowIncompleteInput && p.lastToken().type === TokenType.ENDMARKER) {
    p.raiseAtLastToken('SyntaxError', 'incomplete input');
  }
  if (result) {
    if (ctx.mode === 'single' && badSingleStatement(ctx, p.lastToken())) {
      p.raiseAtLastToken('SyntaxError', 'multiple statements found while compiling a single statement');
    }
    return result;
  }
  if (firstPassError) throw checkFullSource(p, firstPassError.info);
  const lastToken = p.lastToken();
  p.resetForErrorPass();
  try {
    p.startRule();
  } catch (e) {
    if (e instanceof TokenizerFailureReached) throw new PythonSyntaxError(e.failure.info);
    if (!(e instanceof PythonSyntaxError)) throw e;
    throw checkFullSource(p, e.info);
  }
  // an unexpected INDENT or DEDENT is reported as it is, without looking further
  if (lastToken.type === TokenType.INDENT) p.raiseAtLastToken('IndentationError', 'unexpected indent');
  if (lastToken.type === TokenType.DEDENT) p.raiseAtLastToken('IndentationError', 'unexpected unindent');
  let generic: SyntaxErrorInfo;
  try {
    p.raiseKnownLocation('SyntaxError', 'invalid syntax', lastToken.lineno, lastToken.col_offset, lastToken.end_lineno, lastToken.end_col_offset);
  } catch (e) {
    if (!(e instanceof PythonSyntaxError)) throw e;
    generic = e.info;
  }
  throw checkFullSource(p, generic!);
}

/** _PyPegen_tokenize_full_source_to_check_for_errors: a tokenizer error further on wins, and so
 *  does a bracket left open on a line before the error. */
function checkFullSource(p: Parser, info: SyntaxErrorInfo): PythonSyntaxError {
  const failure: TokenizerFailure | null = p.ctx.failure;
  if (failure) {
    if (failure.raised) return new PythonSyntaxError(failure.info);
    const errLine = p.lastToken().lineno;
    if (failure.unclosedParenLine !== undefined && errLine > failure.unclosedParenLine) return new PythonSyntaxError(failure.info);
  }
  return new PythonSyntaxError(info);
}

/** _is_end_of_source: the tokenizer ran into the end of the input inside brackets, a string or
 *  a continuation line. */
function endsInsideStatement(failure: TokenizerFailure): boolean {
  const msg = failure.info.msg;
  return failure.unclosedParenLine !== undefined || msg === 'unexpected EOF while parsing'
    || msg.startsWith('unterminated triple-quoted string');
}

/** bad_single_statement: anything but blanks and comments after the statement. */
function badSingleStatement(ctx: ParserContext, last: Token): boolean {
  const text = ctx.source.text;
  let i = last.tokPos;
  for (;;) {
    while (i < text.length && ' \t\n\f'.includes(text[i]!)) i++;
    if (i >= text.length) return false;
    if (text[i] !== '#') return true;
    while (i < text.length && text[i] !== '\n') i++;
  }
}

export type { ParseMode };
