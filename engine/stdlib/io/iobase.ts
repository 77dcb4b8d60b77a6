// The abstract bases of the io hierarchy (Modules/_io/iobase.c, bufferedio.c, textio.c):
// _IOBase's generic machinery (closed state, context manager, iteration and readline through
// the subclass's own read/peek, readlines, writelines) and the _RawIOBase, _BufferedIOBase and
// _TextIOBase defaults. Python subclasses (FileIO, the buffered classes, TextIOWrapper in io.py)
// and the native BytesIO and StringIO inherit them.
import { PyGCObject, PyObject, decref, newref } from '../../objects/object.js';
import { TypeFlags, type PyType } from '../../objects/type.js';
import { defineType } from '../../objects/define.js';
import { allocObject, freeObject } from '../../objects/heap.js';
import { gcTrack, gcUntrack } from '../../gc/track.js';
import { False, newBool, newInt } from '../../objects/int.js';
import { None } from '../../objects/singletons.js';
import { newStr } from '../../objects/str.js';
import { PyBytes, newBytes } from '../../objects/bytes.js';
import { newByteArray, byteArrayBytes, PyByteArray } from '../../objects/bytearray.js';
import { newTuple } from '../../objects/tuple.js';
import { newDict, dictSetItem } from '../../objects/dict.js';
import { newList } from '../../objects/list.js';
import {
  asIndex, call, callMethod, forEach, getAttr, getAttrOrNull, isTrue, length, newNone,
} from '../../objects/abstract.js';
import { OSError, PyBaseException, ValueError, newException, typeError, valueError } from '../../objects/exceptions.js';
import { typeType } from '../../objects/typeobject.js';
import { getBuffer, releaseBuffer, type BufferView } from '../../objects/buffer.js';

export const DEFAULT_BUFFER_SIZE = 8192;

/** An instance of the io hierarchy: the closed flag _IOBase keeps (__IOBase_closed). */
export class PyIOBase extends PyGCObject {
  ioClosed = false;
}

/** io.UnsupportedOperation, made as io.py makes it: a class deriving from OSError and ValueError. */
export const ioErrors = { unsupported: null as PyType | null };

export function makeUnsupportedOperation(): PyType {
  if (ioErrors.unsupported) return ioErrors.unsupported;
  const name = newStr('UnsupportedOperation');
  const bases = newTuple([newref(OSError), newref(ValueError)]);
  const ns = newDict();
  const key = newStr('__module__');
  const mod = newStr('io');
  dictSetItem(ns, key, mod);
  decref(key);
  decref(mod);
  const cls = call(typeType, [name, bases, ns]) as PyType;
  decref(name);
  decref(bases);
  decref(ns);
  cls.refcnt += 1 << 20;
  ioErrors.unsupported = cls;
  return cls;
}

export function unsupported(msg: string): PyBaseException {
  const m = newStr(msg);
  const e = newException(makeUnsupportedOperation(), [m]);
  decref(m);
  return e;
}

export function closedError(): PyBaseException {
  return valueError('I/O operation on closed file.');
}

/** _PyIOBase_check_closed: reads the `closed` attribute, so subclasses' own notion counts. */
export function checkClosed(self: PyObject): void {
  const c = getAttr(self, 'closed');
  const closed = isTrue(c);
  decref(c);
  if (closed) throw closedError();
}

function checkCapability(self: PyObject, method: string, what: string): void {
  const r = callMethod(self, method, []);
  const ok = isTrue(r);
  decref(r);
  if (!ok) throw unsupported(`File or stream is not ${what}.`);
}

function iobaseNew(type: PyType): PyObject {
  const o = new PyIOBase(type);
  allocObject(o, type.basicsize);
  gcTrack(o);
  return o;
}

function iobaseDealloc(o: PyObject): void {
  gcUntrack(o as PyGCObject);
  freeObject(o);
}

/** readline through peek (when the object has it) or one byte at a time, as iobase.c does. */
function iobaseReadline(self: PyObject, args: PyObject[]): PyObject {
  const limit = args.length && args[0] !== None ? asIndex(args[0]!) : -1;
  const peek = getAttrOrNull(self, 'peek');
  const out: number[] = [];
  try {
    while (limit < 0 || out.length < limit) {
      let want = 1;
      if (peek) {
        const ahead = call(peek, [newInt(1)]);
        if (ahead instanceof PyBytes && ahead.data.length) {
          const nl = ahead.data.indexOf(10);
          want = nl >= 0 ? nl + 1 : ahead.data.length;
          if (limit >= 0) want = Math.min(want, limit - out.length);
        }
        decref(ahead);
      }
      const chunk = callMethod(self, 'read', [newInt(want)]);
      if (!(chunk instanceof PyBytes)) {
        const name = chunk.type.name;
        decref(chunk);
        throw OSErrorBadRead(name);
      }
      const data = chunk.data;
      decref(chunk);
      if (!data.length) break;
      for (const b of data) out.push(b);
      if (out[out.length - 1] === 10) break;
    }
  } finally {
    if (peek) decref(peek);
  }
  return newBytes(Uint8Array.from(out));
}

function OSErrorBadRead(name: string): PyBaseException {
  return OSErrorMessage(`read() should have returned a bytes object, not '${name}'`);
}

function OSErrorMessage(msg: string): PyBaseException {
  const m = newStr(msg);
  const e = newException(OSError, [m]);
  decref(m);
  return e;
}

/** readlines(hint): lines until their total length reaches the hint. */
export function iobaseReadlines(self: PyObject, args: PyObject[]): PyObject {
  const hint = args.length && args[0] !== None ? asIndex(args[0]!) : -1;
  const lines: PyObject[] = [];
  let total = 0;
  try {
    forEach(self, (line) => {
      if (hint > 0 && total >= hint) return;
      lines.push(newref(line));
      total += length(line);
    });
  } catch (e) {
    for (const l of lines) decref(l);
    throw e;
  }
  return newList(lines);
}

function iobaseWritelines(self: PyObject, lines: PyObject): PyObject {
  checkClosed(self);
  forEach(lines, (line) => decref(callMethod(self, 'write', [line])));
  return newNone();
}

function iobaseClose(self: PyObject): PyObject {
  const io = self as PyIOBase;
  if (io.ioClosed) return newNone();
  try {
    decref(callMethod(self, 'flush', []));
  } finally {
    io.ioClosed = true;
  }
  return newNone();
}

const falseMethod = { kind: 'noargs' as const, fn: () => newref(False) };

export const iobaseType = defineType({
  name: '_io._IOBase',
  flags: TypeFlags.BASETYPE | TypeFlags.HAVE_GC,
  layout: { basicsize: 32 },
  weakrefable: true,
  slots: {
    tp_new: (type) => iobaseNew(type),
    tp_dealloc: iobaseDealloc,
    tp_iter: (self) => {
      checkClosed(self);
      return newref(self);
    },
    tp_iternext: (self) => {
      const line = callMethod(self, 'readline', []);
      if (length(line) === 0) {
        decref(line);
        return null;
      }
      return line;
    },
  },
  methods: {
    seek: { kind: 'fast', fn: () => { throw unsupported('seek'); } },
    tell: { kind: 'noargs', fn: (self) => callMethod(self, 'seek', [newInt(0), newInt(1)]) },
    truncate: { kind: 'fast', fn: () => { throw unsupported('truncate'); } },
    flush: { kind: 'noargs', fn: (self) => {
      if ((self as PyIOBase).ioClosed) throw closedError();
      return newNone();
    } },
    close: { kind: 'noargs', fn: iobaseClose },
    seekable: falseMethod,
    readable: falseMethod,
    writable: falseMethod,
    _checkClosed: { kind: 'fast', fn: (self) => { checkClosed(self); return newNone(); } },
    _checkSeekable: { kind: 'fast', fn: (self) => { checkCapability(self, 'seekable', 'seekable'); return newNone(); } },
    _checkReadable: { kind: 'fast', fn: (self) => { checkCapability(self, 'readable', 'readable'); return newNone(); } },
    _checkWritable: { kind: 'fast', fn: (self) => { checkCapability(self, 'writable', 'writable'); return newNone(); } },
    fileno: { kind: 'noargs', fn: () => { throw unsupported('fileno'); } },
    isatty: { kind: 'noargs', fn: (self) => { checkClosed(self); return newref(False); } },
    __enter__: { kind: 'noargs', fn: (self) => { checkClosed(self); return newref(self); } },
    __exit__: { kind: 'fast', fn: (self) => callMethod(self, 'close', []) },
    readline: { kind: 'fast', fn: iobaseReadline },
    readlines: { kind: 'fast', fn: iobaseReadlines },
    writelines: { kind: 'o', fn: iobaseWritelines },
  },
  getsets: {
    closed: { get: (o) => newBool((o as PyIOBase).ioClosed) },
  },
});

/** _RawIOBase.read: readinto a fresh bytearray, or readall for a negative size. */
function rawRead(self: PyObject, args: PyObject[]): PyObject {
  const n = args.length && args[0] !== None ? asIndex(args[0]!) : -1;
  if (n < 0) return callMethod(self, 'readall', []);
  const buf = newByteArray(new Uint8Array(n));
  try {
    const got = callMethod(self, 'readinto', [buf]);
    if (got === None) return got;
    const k = asIndex(got);
    decref(got);
    return newBytes(byteArrayBytes(buf as PyByteArray).slice(0, k));
  } finally {
    decref(buf);
  }
}

function rawReadall(self: PyObject): PyObject {
  const parts: Uint8Array[] = [];
  for (;;) {
    const chunk = callMethod(self, 'read', [newInt(DEFAULT_BUFFER_SIZE)]);
    if (chunk === None) {
      if (!parts.length) return chunk;
      decref(chunk);
      break;
    }
    const data = (chunk as PyBytes).data;
    decref(chunk);
    if (!data.length) break;
    parts.push(data);
  }
  const total = parts.reduce((n, p) => n + p.length, 0);
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return newBytes(out);
}

export const rawIOBaseType = defineType({
  name: '_io._RawIOBase',
  base: iobaseType,
  flags: TypeFlags.BASETYPE | TypeFlags.HAVE_GC,
  layout: { basicsize: 32 },
  methods: {
    read: { kind: 'fast', fn: rawRead },
    readall: { kind: 'noargs', fn: rawReadall },
  },
});

/** _BufferedIOBase.readinto: read(len(b)) copied into the caller's buffer. */
function bufferedReadinto(method: string) {
  return (self: PyObject, b: PyObject): PyObject => {
    const view = writableTarget(b);
    try {
      const data = callMethod(self, method, [newInt(view.len)]);
      if (!(data instanceof PyBytes)) {
        decref(data);
        throw typeError('read() should return bytes');
      }
      const bytes = data.data;
      decref(data);
      view.data.set(bytes, view.offset);
      return newInt(bytes.length);
    } finally {
      releaseBuffer(view);
    }
  };
}

export const bufferedIOBaseType = defineType({
  name: '_io._BufferedIOBase',
  base: iobaseType,
  flags: TypeFlags.BASETYPE | TypeFlags.HAVE_GC,
  layout: { basicsize: 32 },
  methods: {
    read: { kind: 'fast', fn: () => { throw unsupported('read'); } },
    read1: { kind: 'fast', fn: () => { throw unsupported('read1'); } },
    write: { kind: 'fast', fn: () => { throw unsupported('write'); } },
    detach: { kind: 'noargs', fn: () => { throw unsupported('detach'); } },
    readinto: { kind: 'o', fn: bufferedReadinto('read') },
    readinto1: { kind: 'o', fn: bufferedReadinto('read1') },
  },
});

export const textIOBaseType = defineType({
  name: '_io._TextIOBase',
  base: iobaseType,
  flags: TypeFlags.BASETYPE | TypeFlags.HAVE_GC,
  layout: { basicsize: 32 },
  methods: {
    read: { kind: 'fast', fn: () => { throw unsupported('read'); } },
    readline: { kind: 'fast', fn: () => { throw unsupported('readline'); } },
    write: { kind: 'fast', fn: () => { throw unsupported('write'); } },
    detach: { kind: 'noargs', fn: () => { throw unsupported('detach'); } },
  },
  getsets: {
    encoding: { get: () => newNone() },
    newlines: { get: () => newNone() },
    errors: { get: () => newNone() },
  },
});

/** A read-write buffer of readinto's argument, with the TypeError CPython gives for read-only ones. */
export function writableTarget(o: PyObject): BufferView {
  const what = (x: PyObject): string => `readinto() argument must be read-write bytes-like object, not ${x.type.name}`;
  const view = getBuffer(o, false, what);
  if (view.readonly) {
    releaseBuffer(view);
    throw typeError(what(o));
  }
  return view;
}
