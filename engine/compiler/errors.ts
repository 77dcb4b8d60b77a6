// SyntaxErrors raised after parsing, by the symbol table and the compiler (compiler_error in
// Python/compile.c): located at a node, with a 1-based character offset as CPython reports.
import { byteColumnToCharColumn, type Located } from '../syntax/ast.js';
import { PythonSyntaxError } from '../syntax/errors.js';

function sourceLine(source: string, lineno: number): string | null {
  const lines = source.split('\n');
  const l = lines[lineno - 1];
  return l === undefined ? null : l + '\n';
}

export function compileError(msg: string, node: Located, filename: string, source: string): PythonSyntaxError {
  const text = sourceLine(source, node.lineno);
  const endText = sourceLine(source, node.end_lineno) ?? '';
  const offset = text === null ? node.col_offset + 1 : byteColumnToCharColumn(text, node.col_offset) + 1;
  const endOffset = byteColumnToCharColumn(endText, node.end_col_offset) + 1;
  return new PythonSyntaxError({
    type: 'SyntaxError', msg, filename, lineno: node.lineno, offset,
    end_lineno: node.end_lineno, end_offset: endOffset, text,
  });
}
