// SyntaxError and its subclasses as CPython 3.11's compile() reports them.

/** The Python exception to raise. 'MemoryError' (with an empty message and no position) is what
 *  CPython's parser raises when the source nests too deeply for its stack. */
export type SyntaxErrorType = 'SyntaxError' | 'IndentationError' | 'TabError' | 'MemoryError';

/** The attributes of the SyntaxError object CPython builds (offsets 1-based, in characters). */
export interface SyntaxErrorInfo {
  type: SyntaxErrorType;
  msg: string;
  filename: string;
  lineno: number | null;
  offset: number | null;
  end_lineno: number | null;
  end_offset: number | null;
  text: string | null;
}

/** A warning compile() would issue through the warnings module (filename, lineno). */
export interface ParseWarning {
  category: 'SyntaxWarning' | 'DeprecationWarning';
  message: string;
  filename: string;
  lineno: number;
}

/** The one exception the front end throws: a Python SyntaxError (or subclass) as plain data. */
export class PythonSyntaxError extends Error {
  constructor(readonly info: SyntaxErrorInfo) {
    super(`${info.type}: ${info.msg} (${info.filename}, line ${info.lineno})`);
    this.name = 'PythonSyntaxError';
  }
}
