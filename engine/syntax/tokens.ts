// Tokens as CPython's tokenizer hands them to the parser (Include/token.h, Parser/pegen.c Token).

import type { SyntaxErrorInfo } from './errors.js';

export const enum TokenType {
  NAME,
  NUMBER,
  STRING,
  OP,
  NEWLINE,
  INDENT,
  DEDENT,
  ENDMARKER,
  ERRORTOKEN,
}

export interface Token {
  type: TokenType;
  /** The token's source text (for OP, the operator itself). */
  string: string;
  lineno: number;
  /** UTF-8 byte column, or -1 for INDENT/DEDENT/ENDMARKER, which have no text. */
  col_offset: number;
  end_lineno: number;
  end_col_offset: number;
  /** Bracket nesting depth once the token is read. */
  level: number;
  /** The tokenizer's line and byte column (`tok->cur - tok->line_start`) once the token is read:
   *  errors reported at a token without text, and the error line's text, come from them. */
  tokLine: number;
  tokCol: number;
  /** First line of the tokenizer's buffer: a token or continuation spanning lines keeps it on
   *  the line where it began. */
  bufLine: number;
  /** Index in the source text where the tokenizer stands once the token is read. */
  tokPos: number;
}

/** A tokenizer failure. `raised` errors are set by the tokenizer itself (Parser/tokenizer.c
 *  syntaxerror) and beat any parser error; the others only surface when the parser reaches them,
 *  except an unclosed bracket at end of file (`unclosedParen`). */
export interface TokenizerFailure {
  raised: boolean;
  info: SyntaxErrorInfo;
  /** Line of the innermost open bracket when the failure is end of file inside brackets. */
  unclosedParenLine?: number;
}

export const KEYWORDS: ReadonlySet<string> = new Set([
  'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue',
  'def', 'del', 'elif', 'else', 'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in',
  'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise', 'return', 'try', 'while', 'with', 'yield',
]);
