// How posix functions take their arguments and report failures (Modules/posixmodule.c
// path_converter, PyErr_SetFromErrnoWithFilenameObjects): a path is str, bytes or os.PathLike
// (some functions also take a descriptor), and a failed call raises OSError carrying the path
// object exactly as the caller passed it.
import { PyObject, decref, newref } from '../../objects/object.js';
import { PyStr, newStr } from '../../objects/str.js';
import { PyBytes } from '../../objects/bytes.js';
import { PyInt, newInt } from '../../objects/int.js';
import { None } from '../../objects/singletons.js';
import { OSError, PyBaseException, newException, typeError, valueError } from '../../objects/exceptions.js';
import { asIndex, call, lookupSpecial } from '../../objects/abstract.js';
import { VfsError, strerror } from '../../os/vfsErrors.js';

/** A path argument: the text the file system resolves, and the caller's object for errors. */
export interface PathArg {
  text: string;
  /** The path as str or bytes (a PathLike's __fspath__ result): what OSError reports. A new
   *  reference, given back with releasePath. */
  object: PyObject;
  /** Whether names derived from it come back as bytes (listdir(b'.')). */
  bytes: boolean;
  /** The descriptor, when the function was given one instead of a path. */
  fd: number | null;
}

const utf8 = new TextDecoder('utf-8');

/** os.fspath: str and bytes as they are, else __fspath__'s str or bytes (a new reference). */
export function fspath(o: PyObject): PyObject {
  if (o instanceof PyStr || o instanceof PyBytes) {
    o.refcnt++;
    return o;
  }
  const m = lookupSpecial(o, '__fspath__');
  if (!m) throw typeError(`expected str, bytes or os.PathLike object, not ${o.type.name}`);
  let r: PyObject;
  try {
    r = call(m, []);
  } finally {
    decref(m);
  }
  if (!(r instanceof PyStr || r instanceof PyBytes)) {
    const name = r.type.name;
    decref(r);
    throw typeError(`expected ${o.type.name}.__fspath__() to return str or bytes, not ${name}`);
  }
  return r;
}

/** path_converter: `fname` words the errors; `allowFd` lets an int name an open descriptor. */
export function pathArg(fname: string, argname: string, o: PyObject, allowFd = false): PathArg {
  if (allowFd && o instanceof PyInt) return { text: '', object: newref(o), bytes: false, fd: asIndex(o) };
  const kinds = allowFd ? 'string, bytes, os.PathLike or integer' : 'string, bytes or os.PathLike';
  if (!(o instanceof PyStr || o instanceof PyBytes) && !lookupSpecial(o, '__fspath__')) {
    throw typeError(`${fname}: ${argname} should be ${kinds}, not ${o.type.name}`);
  }
  const p = fspath(o);
  const text = p instanceof PyStr ? p.value : utf8.decode((p as PyBytes).data);
  if (text.includes('\0')) {
    decref(p);
    throw valueError(p instanceof PyStr ? 'embedded null byte' : `${fname}: embedded null character in ${argname}`);
  }
  return { text, object: p, bytes: p instanceof PyBytes, fd: null };
}

export function releasePath(p: PathArg): void {
  decref(p.object);
}

/** Runs a file-system call, turning the simulated kernel's error into OSError with the paths. */
export function syscall<T>(fn: () => T, filename?: PyObject, filename2?: PyObject): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof VfsError) throw osError(e.errno, filename, filename2);
    throw e;
  }
}

/** OSError(errno, strerror[, filename, None, filename2]): the subclass the errno maps to. */
export function osError(errno: number, filename?: PyObject, filename2?: PyObject): PyBaseException {
  const args: PyObject[] = [newInt(errno), newStr(strerror(errno))];
  if (filename) args.push(filename, None);
  if (filename && filename2) args.push(filename2);
  const e = newException(OSError, args);
  decref(args[0]!);
  decref(args[1]!);
  return e;
}
