// Whether a cell is ready to run, as IPython's TransformerManager.check_complete answers the
// kernel's is_complete_request, but decided by this front end's own tokenizer and parser.

import type { IsCompleteStatus } from '../api.js';
import { PythonSyntaxError } from './errors.js';
import { parse } from './parser.js';
import { SourceText, translateNewlines } from './source.js';
import { tokenize } from './tokenizer.js';
import { TokenType } from './tokens.js';
import { byteColumnToCharColumn } from './ast.js';

export function isComplete(cell: string): IsCompleteStatus {
  const source = translateNewlines(cell);
  const endsWithNewline = /\n[^\S\n]*$/.test(source);
  const lines = stripLeadingIndent(splitLines(endsWithNewline ? source : source + '\n'));
  if (lines.length === 0) return { status: 'complete' };
  const text = lines.join('');
  const lastIndent = indentOf(lines[lines.length - 1]!);

  const { tokens, failure } = tokenize(new SourceText(text), '<input>');
  if (failure) {
    const msg = failure.info.msg;
    if (failure.unclosedParenLine !== undefined || msg === 'unexpected EOF while parsing' || msg.startsWith('unterminated triple-quoted')) {
      return incomplete(lastIndent);
    }
    return { status: 'invalid' };
  }
  const significant = tokens.filter((t) => t.type !== TokenType.NEWLINE && t.type !== TokenType.INDENT
    && t.type !== TokenType.DEDENT && t.type !== TokenType.ENDMARKER);
  if (significant.length === 0) return { status: 'complete' };
  const last = significant[significant.length - 1]!;
  if (last.type === TokenType.OP && last.string === ':') {
    // a block header: the body goes 4 columns right of the header's first token
    const first = significant.find((t) => t.lineno === last.lineno)!;
    return incomplete(byteColumnToCharColumn(lines[first.lineno - 1]!, first.col_offset) + 4);
  }

  if (!compiles(text)) {
    // codeop._maybe_compile: one more newline may complete it, or the parser may run out of input
    return compilesOrIncomplete(text + '\n') ? incomplete(lastIndent) : { status: 'invalid' };
  }
  // a finished block is run only after an empty line
  const beforeEnd = tokens[tokens.length - 2];
  if (beforeEnd && beforeEnd.type === TokenType.DEDENT && !endsWithNewline) return incomplete(lastIndent);
  return { status: 'complete' };
}

function incomplete(columns: number): IsCompleteStatus {
  return { status: 'incomplete', indent: ' '.repeat(columns) };
}

function compiles(text: string): boolean {
  try {
    parse(text, '<input>', 'exec');
    return true;
  } catch (e) {
    if (e instanceof PythonSyntaxError) return false;
    throw e;
  }
}

function compilesOrIncomplete(text: string): boolean {
  try {
    parse(text, '<input>', 'exec', { allowIncompleteInput: true });
    return true;
  } catch (e) {
    if (e instanceof PythonSyntaxError) return e.info.msg === 'incomplete input';
    throw e;
  }
}

/** str.splitlines(keepends=True) for text whose newlines are already \n. */
function splitLines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

/** IPython's leading_indent: an indented first line moves the whole cell left. */
function stripLeadingIndent(lines: string[]): string[] {
  const prefix = /^[ \t]+/.exec(lines[0] ?? '')?.[0];
  if (!prefix) return lines;
  return lines.map((l) => (l.startsWith(prefix) ? l.slice(prefix.length) : l));
}

/** find_last_indent: a tab counts as 4 columns. */
function indentOf(line: string): number {
  const m = /^[ \t]+/.exec(line);
  return m ? m[0].replace(/\t/g, '    ').length : 0;
}

