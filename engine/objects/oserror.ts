// OSError's constructor, str and reduce (Objects/exceptions.c OSError_new, oserror_parse_args,
// oserror_init, OSError_str, oserror_reduce): OSError(errno, strerror) picks the subclass for the errno, a
// filename argument is kept as .filename and dropped from args, and str() reads
// "[Errno 2] No such file or directory: 'x'".
import type { PyObject } from './object.js';
import type { PyType } from './type.js';
import { PyInt } from './int.js';
import { None } from './singletons.js';
import { newStr } from './str.js';
import { newTuple } from './tuple.js';
import { decref, newref } from './object.js';
import { repr, str } from './abstract.js';
import {
  BlockingIOError, BrokenPipeError, ChildProcessError, ConnectionAbortedError, ConnectionRefusedError,
  ConnectionResetError, FileExistsError, FileNotFoundError, InterruptedError, IsADirectoryError, NotADirectoryError,
  OSError, PermissionError, ProcessLookupError, PyBaseException, TimeoutError, exceptionNew, reduceValue, typeError,
} from './exceptions.js';

/** errnomap of exceptions.c, with Linux's numbers. */
function errnoSubclass(errno: number): PyType | undefined {
  const map: Record<number, PyType> = {
    11: BlockingIOError, 114: BlockingIOError, 115: BlockingIOError, 10: ChildProcessError, 32: BrokenPipeError,
    108: BrokenPipeError, 103: ConnectionAbortedError, 111: ConnectionRefusedError, 104: ConnectionResetError,
    17: FileExistsError, 2: FileNotFoundError, 21: IsADirectoryError, 20: NotADirectoryError, 4: InterruptedError,
    13: PermissionError, 1: PermissionError, 3: ProcessLookupError, 110: TimeoutError,
  };
  return map[errno];
}

/** oserror_use_init: a subclass with its own __init__ parses its arguments there, not in __new__. */
function usesInit(type: PyType): boolean {
  return type.tp_init !== osErrorInit && type.tp_new === osErrorNew;
}

/** oserror_init: errno, strerror and filenames become fields; with a filename, args keep two items. */
function initFields(e: PyBaseException, args: PyObject[]): void {
  const n = args.length;
  if (n >= 2 && n <= 5) {
    const [errno, strerror, filename, , filename2] = args;
    e.setField('errno', errno!);
    e.setField('strerror', strerror!);
    if (filename !== undefined && filename !== None) {
      e.setField('filename', filename);
      if (filename2 !== undefined && filename2 !== None) e.setField('filename2', filename2);
      args = args.slice(0, 2);
    }
  }
  const old = e.args;
  e.args = newTuple(args.map((a) => newref(a)));
  decref(old);
}

export function osErrorNew(type: PyType, args: PyObject[], kwnames: readonly string[] | null): PyObject {
  if (usesInit(type)) return exceptionNew(type, []);
  if (kwnames && kwnames.length) throw typeError(`${type.name}() takes no keyword arguments`);
  const errno = args.length >= 2 && args.length <= 5 ? args[0] : undefined;
  if (type === OSError && errno instanceof PyInt) type = errnoSubclass(Number(errno.value)) ?? type;
  const e = exceptionNew(type, []) as PyBaseException;
  initFields(e, args);
  return e;
}

export function osErrorInit(self: PyObject, args: PyObject[], kwnames: readonly string[] | null): void {
  if (!usesInit(self.type)) return;
  if (kwnames && kwnames.length) throw typeError(`${self.type.name}() takes no keyword arguments`);
  initFields(self as PyBaseException, args);
}

function text(o: PyObject, how: (o: PyObject) => PyObject): string {
  const s = how(o);
  const t = (s as unknown as { value: string }).value;
  decref(s);
  return t;
}

export function osErrorStr(o: PyObject): PyObject {
  const e = o as PyBaseException;
  const errno = e.field('errno');
  const strerror = e.field('strerror');
  const filename = e.field('filename');
  const filename2 = e.field('filename2');
  if (filename !== None) {
    const head = `[Errno ${text(errno, str)}] ${text(strerror, str)}: ${text(filename, repr)}`;
    return newStr(filename2 !== None ? `${head} -> ${text(filename2, repr)}` : head);
  }
  if (errno !== None && strerror !== None) return newStr(`[Errno ${text(errno, str)}] ${text(strerror, str)}`);
  const items = e.args.items;
  if (items.length === 0) return newStr('');
  return str(items.length === 1 ? items[0]! : e.args);
}

/** oserror_reduce: a filename dropped from args at construction goes back in (with None for
 *  winerror before a second filename), so the copy is built the same way. */
export function osErrorReduce(self: PyObject): PyObject {
  const e = self as PyBaseException;
  const filename = e.field('filename');
  let args: PyObject = newref(e.args);
  if (e.args.items.length === 2 && filename !== None) {
    const filename2 = e.field('filename2');
    const extra = filename2 !== None ? [filename, None, filename2] : [filename];
    decref(args);
    args = newTuple([...e.args.items, ...extra].map((a) => newref(a)));
  }
  return reduceValue(e, args, e.dict ? newref(e.dict) : null);
}
