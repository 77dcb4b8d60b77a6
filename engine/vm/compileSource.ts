// Source text to code object: parse, then compile (Python/pythonrun.c's path for compile()).
// A SyntaxError of the front end becomes a Python SyntaxError exception.
import { parse } from '../syntax/parser.js';
import { PythonSyntaxError, type SyntaxErrorInfo } from '../syntax/errors.js';
import { compileAst, type CompileMode } from '../compiler/compile.js';
import type { PyCode } from '../objects/code.js';
import { PyBaseException, IndentationError, MemoryError, SyntaxError, TabError, newException } from '../objects/exceptions.js';
import { decref, type PyObject } from '../objects/object.js';
import { newStr } from '../objects/str.js';
import { newInt } from '../objects/int.js';
import { None } from '../objects/singletons.js';
import { newTuple } from '../objects/tuple.js';
import { linecache } from './linecache.js';

export type SourceMode = 'exec' | 'eval' | 'single';

/** The SyntaxError object for the front end's error data (args = (msg, (file, line, offset, text, end_line, end_offset))). */
export function syntaxErrorObject(info: SyntaxErrorInfo): PyBaseException {
  // a source nested deeper than the parser's stack: CPython raises a bare MemoryError
  if (info.type === 'MemoryError') return newException(MemoryError, []);
  const type = info.type === 'IndentationError' ? IndentationError : info.type === 'TabError' ? TabError : SyntaxError;
  const num = (n: number | null): PyObject => (n === null ? (None.refcnt++, None) : newInt(n));
  const fields: [string, PyObject][] = [
    ['filename', newStr(info.filename)], ['lineno', num(info.lineno)], ['offset', num(info.offset)],
    ['text', info.text === null ? (None.refcnt++, None) : newStr(info.text)],
    ['end_lineno', num(info.end_lineno)], ['end_offset', num(info.end_offset)],
  ];
  const msg = newStr(info.msg);
  for (const [, v] of fields) v.refcnt++;
  const details = newTuple(fields.map(([, v]) => v));
  const e = newException(type, [msg, details]);
  e.setField('msg', msg);
  for (const [k, v] of fields) {
    e.setField(k, v);
    decref(v);
  }
  decref(msg);
  decref(details);
  return e;
}

/** compile(source, filename, mode) for the engine: a new code object, or a thrown SyntaxError. */
export function compileSource(source: string, filename: string, mode: SourceMode | 'cell'): PyCode {
  linecache.set(filename, source);
  try {
    const tree = parse(source, filename, mode === 'cell' ? 'exec' : mode);
    return compileAst(tree, filename, source, mode as CompileMode);
  } catch (e) {
    if (e instanceof PythonSyntaxError) throw syntaxErrorObject(e.info);
    throw e;
  }
}
