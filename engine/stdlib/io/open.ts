// io.open, the builtin open() (Modules/_io/_iomodule.c _io_open_impl, fileio.c _io_FileIO___init__):
// the mode is checked, the file is opened on the simulated file system, and the layers are
// stacked as CPython stacks them: FileIO, then BufferedReader/Writer/Random, then TextIOWrapper.
// The opening and the checks run here, natively, so a failing open() shows no frames of io.py.
import { PyObject, decref } from '../../objects/object.js';
import { PyStr, newStr } from '../../objects/str.js';
import { PyBytes } from '../../objects/bytes.js';
import { PyInt, False, True, newInt } from '../../objects/int.js';
import { None } from '../../objects/singletons.js';
import { asIndex, call, getAttr, isTrue, lookupSpecial, reprString, setAttr } from '../../objects/abstract.js';
import { typeError, valueError } from '../../objects/exceptions.js';
import { unpackArgs } from '../../objects/args.js';
import { importModuleLevel } from '../../vm/imports.js';
import { encodeText } from '../../objects/unicode/codecs.js';
import * as fd from '../../os/fdtable.js';
import { openPath, runningFiles } from '../../os/files.js';
import { DirNode } from '../../os/vfsNodes.js';
import { Errno, fail } from '../../os/vfsErrors.js';
import { NodeFile } from '../../os/files.js';
import { fspath, pathArg, releasePath, syscall } from '../posix/pathargs.js';
import { DEFAULT_BUFFER_SIZE } from './iobase.js';

/** What a FileIO mode asks for: the open(2) flags and FileIO's own mode string. */
export interface RawMode {
  flags: number;
  readable: boolean;
  writable: boolean;
  appending: boolean;
  created: boolean;
}

/** fileio.c's mode parsing: one of r/w/x/a, at most one '+', 'b' allowed. */
export function parseRawMode(mode: string): RawMode {
  let rwa = false;
  let plus = false;
  const m: RawMode = { flags: 0, readable: false, writable: false, appending: false, created: false };
  const bad = (): never => {
    throw valueError(`invalid mode: ${mode}`);
  };
  const once = (): void => {
    if (rwa) throw valueError('Must have exactly one of create/read/write/append mode and at most one plus');
    rwa = true;
  };
  for (const c of mode) {
    switch (c) {
      case 'x': once(); m.created = true; m.writable = true; m.flags |= fd.O_EXCL | fd.O_CREAT; break;
      case 'r': once(); m.readable = true; break;
      case 'w': once(); m.writable = true; m.flags |= fd.O_CREAT | fd.O_TRUNC; break;
      case 'a': once(); m.writable = true; m.appending = true; m.flags |= fd.O_APPEND | fd.O_CREAT; break;
      case 'b': break;
      case '+':
        if (plus) bad();
        m.readable = m.writable = plus = true;
        break;
      default: bad();
    }
  }
  if (!rwa) throw valueError('Must have exactly one of create/read/write/append mode and at most one plus');
  m.flags |= m.readable && m.writable ? fd.O_RDWR : m.readable ? fd.O_RDONLY : fd.O_WRONLY;
  return m;
}

/** FileIO's mode attribute (mode_string in fileio.c). */
export function rawModeString(m: RawMode): string {
  if (m.created) return m.readable ? 'xb+' : 'xb';
  if (m.appending) return m.readable ? 'ab+' : 'ab';
  if (m.readable) return m.writable ? 'rb+' : 'rb';
  return 'wb';
}

/** fileio.c's opening: a descriptor for a path (or through an opener), never a directory;
 *  appending starts at the end. An int is taken as an open descriptor. */
export function openRaw(file: PyObject, mode: RawMode, closefd: boolean, opener: PyObject): number {
  if (file instanceof PyInt) {
    const n = asIndex(file);
    if (n < 0) throw valueError('negative file descriptor');
    return n;
  }
  if (!closefd) throw valueError('Cannot use closefd=False with file name');
  const flags = mode.flags | fd.O_CLOEXEC;
  let n: number;
  if (opener !== None) {
    const r = call(opener, [file, newInt(flags)]);
    n = asIndex(r);
    decref(r);
    if (n < 0) throw valueError(`opener returned ${n}`);
  } else {
    const p = pathArg('open', 'path', file);
    try {
      n = syscall(() => openPath(p.text, flags, 0o666), p.object);
    } finally {
      releasePath(p);
    }
  }
  const table = runningFiles().fds;
  syscall(() => {
    const f = table.get(n);
    if (f instanceof NodeFile && f.node instanceof DirNode) {
      table.close(n);
      fail(Errno.EISDIR);
    }
    if (mode.appending) {
      try {
        f.seek(0, fd.SEEK_END);
      } catch {
        // Appending to a stream that cannot seek (a pipe) is allowed.
      }
    }
  }, file);
  return n;
}

interface OpenMode {
  raw: string;
  text: boolean;
  binary: boolean;
  updating: boolean;
  reading: boolean;
  writing: boolean;
}

// _io_open_impl's mode checks.
function parseOpenMode(mode: string): OpenMode {
  const m = { creating: false, reading: false, writing: false, appending: false, updating: false, text: false, binary: false };
  const seen = new Set<string>();
  for (const c of mode) {
    if (!'xrwa+tb'.includes(c) || seen.has(c)) throw valueError(`invalid mode: ${reprString(newStr(mode))}`);
    seen.add(c);
    if (c === 'x') m.creating = true;
    else if (c === 'r') m.reading = true;
    else if (c === 'w') m.writing = true;
    else if (c === 'a') m.appending = true;
    else if (c === '+') m.updating = true;
    else if (c === 't') m.text = true;
    else m.binary = true;
  }
  const raw = [...mode].filter((c) => c !== 't' && c !== 'b').join('');
  if (m.text && m.binary) throw valueError("can't have text and binary mode at once");
  if (Number(m.creating) + Number(m.reading) + Number(m.writing) + Number(m.appending) > 1) {
    throw valueError('must have exactly one of create/read/write/append mode');
  }
  return {
    raw, text: m.text, binary: m.binary, updating: m.updating, reading: m.reading,
    writing: m.writing || m.creating || m.appending,
  };
}

function optionalStr(o: PyObject | undefined, what: string): string | null {
  if (o === undefined || o === None) return null;
  if (!(o instanceof PyStr)) throw typeError(`open() argument '${what}' must be str or None, not ${o.type.name}`);
  return o.value;
}

function ioClass(name: string): PyObject {
  const io = importModuleLevel('io', null, None, 0);
  try {
    return getAttr(io, name);
  } finally {
    decref(io);
  }
}

function construct(name: string, args: PyObject[], kwnames: string[] | null = null): PyObject {
  const cls = ioClass(name);
  try {
    return call(cls, args, kwnames);
  } finally {
    decref(cls);
  }
}

/** Closes a half-built file when a later layer fails, as _io_open_impl's error path does. */
function closing<T>(obj: PyObject, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    try {
      decref(call(getAttr(obj, 'close'), []));
    } catch {
      // The first error is the one reported.
    }
    throw e;
  }
}

export function ioOpen(_m: PyObject, args: PyObject[], kwnames: readonly string[] | null): PyObject {
  const [file, modeArg, bufferingArg, encodingArg, errorsArg, newlineArg, closefdArg, openerArg] = unpackArgs({
    fname: 'open', names: ['file', 'mode', 'buffering', 'encoding', 'errors', 'newline', 'closefd', 'opener'], required: 1,
  }, args, kwnames);
  const isNumber = file instanceof PyInt;
  if (!isNumber && !(file instanceof PyStr || file instanceof PyBytes)) {
    if (!lookupSpecial(file!, '__fspath__')) throw typeError(`expected str, bytes or os.PathLike object, not ${file!.type.name}`);
    decref(fspath(file!));
  }
  if (modeArg !== undefined && !(modeArg instanceof PyStr)) throw typeError(`open() argument 'mode' must be str, not ${modeArg.type.name}`);
  const mode = modeArg ? modeArg.value : 'r';
  let buffering = bufferingArg === undefined ? -1 : asIndex(bufferingArg);
  const encoding = optionalStr(encodingArg, 'encoding');
  const errors = optionalStr(errorsArg, 'errors');
  const newline = optionalStr(newlineArg, 'newline');
  const closefd = closefdArg === undefined ? true : isTrue(closefdArg);
  const m = parseOpenMode(mode);
  if (m.binary && encoding !== null) throw valueError("binary mode doesn't take an encoding argument");
  if (m.binary && errors !== null) throw valueError("binary mode doesn't take an errors argument");
  if (m.binary && newline !== null) throw valueError("binary mode doesn't take a newline argument");
  const rawMode = parseRawMode(m.raw);
  const n = openRaw(file!, rawMode, closefd, openerArg ?? None);
  const nObj = newInt(n);
  const modeObj = newStr(m.raw);
  const raw = construct('FileIO', [nObj, modeObj, closefd ? True : False], ['closefd']);
  decref(nObj);
  decref(modeObj);
  if (!isNumber) setAttr(raw, 'name', file!);
  return closing(raw, () => {
    let lineBuffering = false;
    if (buffering === 1) {
      buffering = -1;
      lineBuffering = true;
    }
    if (buffering < 0) buffering = DEFAULT_BUFFER_SIZE;
    if (buffering === 0) {
      if (!m.binary) throw valueError("can't have unbuffered text I/O");
      return raw;
    }
    const kind = m.updating ? 'BufferedRandom' : m.writing ? 'BufferedWriter' : 'BufferedReader';
    const size = newInt(buffering);
    const buffer = construct(kind, [raw, size]);
    decref(size);
    decref(raw);
    if (m.binary) return buffer;
    return closing(buffer, () => {
      if (newline !== null && !['', '\n', '\r', '\r\n'].includes(newline)) throw valueError(`illegal newline value: ${newline}`);
      if (encoding !== null) encodeText('', encoding, 'strict');
      const wrapper = construct('TextIOWrapper', [
        buffer, encodingArg ?? None, errorsArg ?? None, newlineArg ?? None, lineBuffering ? True : False,
      ]);
      decref(buffer);
      const modeStr = newStr(mode);
      setAttr(wrapper, 'mode', modeStr);
      decref(modeStr);
      return wrapper;
    });
  });
}

