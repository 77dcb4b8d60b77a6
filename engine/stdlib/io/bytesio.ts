// io.BytesIO (Modules/_io/bytesio.c): the stream keeps its bytes in a real bytes object, shared
// with the caller while nobody writes (BytesIO(b) and getvalue() hand the same object over), and
// copied or grown with resize_buffer's over-allocation when written. __sizeof__ counts that
// buffer only while the stream owns it alone, as CPython's does.
import { PyObject, decref, newref } from '../../objects/object.js';
import { TypeFlags, type PyType } from '../../objects/type.js';
import { defineType } from '../../objects/define.js';
import { allocObject, freeObject, heap } from '../../objects/heap.js';
import { gcTrack, gcUntrack } from '../../gc/track.js';
import { False, True, newInt } from '../../objects/int.js';
import { None } from '../../objects/singletons.js';
import { PyBytes, bytesAllocSize, bytesResult, bytesType, emptyBytes, newBytes } from '../../objects/bytes.js';
import { newList } from '../../objects/list.js';
import { asIndex, forEach, newNone } from '../../objects/abstract.js';
import { bufferError, typeError, valueError } from '../../objects/exceptions.js';
import { byteView, getBuffer, registerBufferProcs, releaseBuffer } from '../../objects/buffer.js';
import { memoryViewFromObject } from '../../objects/memoryview.js';
import { objectLayouts } from '../../profiles/objects.js';
import { unpackArgs } from '../../objects/args.js';
import { PyIOBase, bufferedIOBaseType, closedError, writableTarget } from './iobase.js';

export class PyBytesIO extends PyIOBase {
  /** The buffer: null once closed. Its length is the allocation; stringSize bytes are data. */
  buf: PyBytes | null = emptyBytes;
  pos = 0;
  stringSize = 0;
  exports = 0;
}

/** sizeof(bytesio): head, buf, pos, string_size, dict, weakreflist, exports. */
const BYTESIO_SIZE = 64;

const shared = (b: PyBytesIO): boolean => b.buf!.refcnt > 1;

function open(self: PyObject): PyBytesIO {
  const b = self as PyBytesIO;
  if (!b.buf) throw closedError();
  return b;
}

function checkExports(b: PyBytesIO): void {
  if (b.exports > 0) throw bufferError('Existing exports of data: object cannot be re-sized');
}

/** A fresh bytes object of `size` bytes starting with the first `keep` bytes of the buffer. */
function replaceBuffer(b: PyBytesIO, size: number, keep: number): void {
  const data = new Uint8Array(size);
  data.set(b.buf!.data.subarray(0, Math.min(keep, size)));
  const old = b.buf!;
  b.buf = newBytes(data);
  decref(old);
}

// bytesio.c unshare_buffer
function unshareBuffer(b: PyBytesIO, size: number): void {
  replaceBuffer(b, size, b.stringSize);
}

// bytesio.c resize_buffer
function resizeBuffer(b: PyBytesIO, size: number): void {
  let alloc = b.buf!.data.length;
  if (size < alloc / 2) alloc = size + 1;
  else if (size < alloc) return;
  else if (size <= alloc * 1.125) alloc = size + (size >> 3) + (size < 9 ? 3 : 6);
  else alloc = size + 1;
  if (shared(b)) unshareBuffer(b, alloc);
  else replaceBuffer(b, alloc, b.buf!.data.length);
}

// bytesio.c write_bytes
function writeBytes(b: PyBytesIO, data: Uint8Array): number {
  checkExports(b);
  const n = data.length;
  if (n === 0) return 0;
  const endpos = b.pos + n;
  if (endpos > b.buf!.data.length) resizeBuffer(b, endpos);
  else if (shared(b)) unshareBuffer(b, Math.max(endpos, b.stringSize));
  const dest = b.buf!.data;
  if (b.pos > b.stringSize) dest.fill(0, b.stringSize, b.pos);
  dest.set(data, b.pos);
  b.pos = endpos;
  if (b.stringSize < endpos) b.stringSize = endpos;
  return n;
}

function write(self: PyObject, o: PyObject): PyObject {
  const b = open(self);
  checkExports(b);
  const view = getBuffer(o);
  try {
    return newInt(writeBytes(b, view.data.slice(view.offset, view.offset + view.len)));
  } finally {
    releaseBuffer(view);
  }
}

// bytesio.c read_bytes: reading the whole buffer from the start hands it over.
function readBytes(b: PyBytesIO, size: number): PyObject {
  const buf = b.buf!;
  if (size > 1 && b.pos === 0 && size === buf.data.length && b.exports === 0) {
    b.pos += size;
    return newref(buf);
  }
  const out = buf.data.slice(b.pos, b.pos + size);
  b.pos += size;
  return bytesResult(out);
}

function sizeArg(o: PyObject | undefined): number {
  if (o === undefined || o === None) return -1;
  return asIndex(o);
}

function readSize(b: PyBytesIO, size: number): number {
  const left = Math.max(0, b.stringSize - b.pos);
  return size < 0 || size > left ? left : size;
}

function read(self: PyObject, args: PyObject[]): PyObject {
  const b = open(self);
  if (args.length > 1) throw typeError(`read expected at most 1 argument, got ${args.length}`);
  return readBytes(b, readSize(b, sizeArg(args[0])));
}

// bytesio.c scan_eol: bytes up to and including the next newline, at most `limit`.
function scanEol(b: PyBytesIO, limit: number): number {
  const left = Math.max(0, b.stringSize - b.pos);
  if (left === 0) return 0;
  const maxlen = limit < 0 || limit > left ? left : limit;
  const nl = b.buf!.data.subarray(b.pos, b.pos + maxlen).indexOf(10);
  return nl >= 0 ? nl + 1 : maxlen;
}

function readline(self: PyObject, args: PyObject[]): PyObject {
  const b = open(self);
  return readBytes(b, scanEol(b, sizeArg(args[0])));
}

function readlines(self: PyObject, args: PyObject[]): PyObject {
  const b = open(self);
  const hint = sizeArg(args[0]);
  const lines: PyObject[] = [];
  let total = 0;
  for (let n = scanEol(b, -1); n; n = scanEol(b, -1)) {
    lines.push(bytesResult(b.buf!.data.slice(b.pos, b.pos + n)));
    b.pos += n;
    total += n;
    if (hint > 0 && total >= hint) break;
  }
  return newList(lines);
}

function readinto(self: PyObject, target: PyObject): PyObject {
  const b = open(self);
  const view = writableTarget(target);
  try {
    const n = Math.min(view.len, Math.max(0, b.stringSize - b.pos));
    view.data.set(b.buf!.data.subarray(b.pos, b.pos + n), view.offset);
    b.pos += n;
    return newInt(n);
  } finally {
    releaseBuffer(view);
  }
}

function getvalue(self: PyObject): PyObject {
  const b = open(self);
  if (b.stringSize <= 1 || b.exports > 0) return bytesResult(b.buf!.data.slice(0, b.stringSize));
  if (b.stringSize !== b.buf!.data.length) {
    if (shared(b)) unshareBuffer(b, b.stringSize);
    else replaceBuffer(b, b.stringSize, b.stringSize);
  }
  return newref(b.buf!);
}

function seek(self: PyObject, args: PyObject[]): PyObject {
  const b = open(self);
  if (args.length < 1 || args.length > 2) throw typeError(`seek expected at most 2 arguments, got ${args.length}`);
  let pos = asIndex(args[0]!);
  const whence = args.length > 1 ? asIndex(args[1]!) : 0;
  if (pos < 0 && whence === 0) throw valueError(`negative seek value ${pos}`);
  if (whence === 1) pos += b.pos;
  else if (whence === 2) pos += b.stringSize;
  else if (whence !== 0) throw valueError(`invalid whence (${whence}, should be 0, 1 or 2)`);
  if (pos < 0) pos = 0;
  b.pos = pos;
  return newInt(pos);
}

function truncate(self: PyObject, args: PyObject[]): PyObject {
  const b = open(self);
  checkExports(b);
  const size = args.length && args[0] !== None ? asIndex(args[0]!) : b.pos;
  if (size < 0) throw valueError(`negative size value ${size}`);
  if (size < b.stringSize) {
    b.stringSize = size;
    resizeBuffer(b, size);
  }
  return newInt(size);
}

/** The exporter behind getbuffer()'s memoryview (bytesio.c's bytesiobuf). */
class PyBytesIOBuffer extends PyObject {
  constructor(type: PyType, readonly source: PyBytesIO) {
    super(type);
  }
}

const bytesIOBufferType = defineType({
  name: '_io._BytesIOBuffer',
  layout: { basicsize: 24 },
  slots: {
    tp_dealloc: (o) => {
      decref((o as PyBytesIOBuffer).source);
      freeObject(o);
    },
  },
});

registerBufferProcs(bytesIOBufferType, {
  getBuffer: (o) => {
    const b = (o as PyBytesIOBuffer).source;
    if (shared(b)) unshareBuffer(b, b.stringSize);
    b.exports++;
    const buf = b.buf!;
    return byteView(o, buf.data, 0, b.stringSize, false, buf.addr + objectLayouts(heap.profile).bytesHeader);
  },
  releaseBuffer: (o) => {
    (o as PyBytesIOBuffer).source.exports--;
  },
});

function getbuffer(self: PyObject): PyObject {
  const b = open(self);
  const exporter = new PyBytesIOBuffer(bytesIOBufferType, newref(b) as PyBytesIO);
  allocObject(exporter, 24);
  try {
    return memoryViewFromObject(exporter);
  } finally {
    decref(exporter);
  }
}

function init(self: PyObject, args: PyObject[], kwnames: readonly string[] | null): void {
  const [initial] = unpackArgs({ fname: 'BytesIO', names: ['initial_bytes'] }, args, kwnames);
  const b = self as PyBytesIO;
  checkExports(b);
  b.stringSize = 0;
  b.pos = 0;
  if (initial === undefined || initial === None) return;
  if (initial.type === bytesType) {
    const old = b.buf;
    b.buf = newref(initial) as PyBytes;
    if (old) decref(old);
    b.stringSize = (initial as PyBytes).data.length;
  } else {
    const view = getBuffer(initial);
    try {
      writeBytes(b, view.data.slice(view.offset, view.offset + view.len));
    } finally {
      releaseBuffer(view);
    }
    b.pos = 0;
  }
}

function close(self: PyObject): PyObject {
  const b = self as PyBytesIO;
  checkExports(b);
  const old = b.buf;
  b.buf = null;
  if (old) decref(old);
  return newNone();
}

const whenOpen = (answer: PyObject) => ({ kind: 'noargs' as const, fn: (self: PyObject) => {
  open(self);
  return newref(answer);
} });

export const bytesIOType = defineType({
  name: '_io.BytesIO',
  base: bufferedIOBaseType,
  flags: TypeFlags.BASETYPE | TypeFlags.HAVE_GC,
  layout: { basicsize: BYTESIO_SIZE },
  slots: {
    tp_new: (type) => {
      const b = new PyBytesIO(type);
      emptyBytes.refcnt++;
      allocObject(b, type.basicsize);
      gcTrack(b);
      return b;
    },
    tp_init: init,
    tp_dealloc: (o) => {
      const b = o as PyBytesIO;
      gcUntrack(b);
      if (b.buf) decref(b.buf);
      b.buf = null;
      freeObject(b);
    },
    // PyObject_SelfIter: a closed BytesIO still iterates (and fails on the first line).
    tp_iter: (self) => newref(self),
    tp_iternext: (self) => {
      const b = open(self);
      const n = scanEol(b, -1);
      return n ? readBytes(b, n) : null;
    },
  },
  methods: {
    readable: whenOpen(True),
    writable: whenOpen(True),
    seekable: whenOpen(True),
    isatty: whenOpen(False),
    flush: whenOpen(None),
    close: { kind: 'noargs', fn: close },
    tell: { kind: 'noargs', fn: (self) => newInt(open(self).pos) },
    write: { kind: 'o', fn: write },
    writelines: { kind: 'o', fn: (self, lines) => {
      open(self);
      forEach(lines, (line) => decref(write(self, line)));
      return newNone();
    } },
    read: { kind: 'fast', fn: read },
    read1: { kind: 'fast', fn: read },
    readline: { kind: 'fast', fn: readline },
    readlines: { kind: 'fast', fn: readlines },
    readinto: { kind: 'o', fn: readinto },
    getvalue: { kind: 'noargs', fn: getvalue },
    getbuffer: { kind: 'noargs', fn: getbuffer },
    seek: { kind: 'fast', fn: seek },
    truncate: { kind: 'fast', fn: truncate },
    __sizeof__: { kind: 'noargs', fn: (self) => {
      const b = self as PyBytesIO;
      const own = b.buf && !shared(b) ? bytesAllocSize(b.buf.data.length) : 0;
      return newInt(self.type.basicsize + own);
    } },
  },
  getsets: {
    closed: { get: (o) => newref((o as PyBytesIO).buf ? False : True) },
  },
});

