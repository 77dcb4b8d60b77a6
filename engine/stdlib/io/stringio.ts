// io.StringIO (Modules/_io/stringio.c): text kept as a buffer of code points (Py_UCS4) that
// grows with resize_buffer's rule, newline translation on write as the `newline` argument asks
// (None: \r\n and \r become \n; '\r' or '\r\n': \n becomes that), and readline's line endings
// for each mode. StringIO has no __sizeof__ of its own: getsizeof is the object alone.
import { PyObject, decref, newref } from '../../objects/object.js';
import { TypeFlags } from '../../objects/type.js';
import { defineType } from '../../objects/define.js';
import { allocBuffer, allocObject, freeBuffer, freeObject, reallocBuffer } from '../../objects/heap.js';
import { gcTrack, gcUntrack } from '../../gc/track.js';
import { False, True, newInt } from '../../objects/int.js';
import { None } from '../../objects/singletons.js';
import { PyStr, newStr } from '../../objects/str.js';
import { newTuple } from '../../objects/tuple.js';
import { asIndex, newNone, reprString } from '../../objects/abstract.js';
import { OSError, pyErr, typeError, valueError } from '../../objects/exceptions.js';
import { unpackArgs } from '../../objects/args.js';
import { PyIOBase, textIOBaseType } from './iobase.js';

const SEEN_CR = 1;
const SEEN_LF = 2;
const SEEN_CRLF = 4;

export class PyStringIO extends PyIOBase {
  buf = new Uint32Array(0);
  /** Simulated address of the Py_UCS4 buffer (PyMem). */
  bufAddr = 0;
  pos = 0;
  stringSize = 0;
  closed = false;
  /** The newline argument: null for None. */
  readnl: string | null = '\n';
  writenl: string | null = null;
  readuniversal = false;
  readtranslate = false;
  /** Which line endings the universal decoder has seen (None when there is no decoder). */
  seen = 0;
}

function checked(self: PyObject): PyStringIO {
  const s = self as PyStringIO;
  if (s.closed) throw valueError('I/O operation on closed file');
  return s;
}

// stringio.c resize_buffer: one extra code point is kept for line-ending detection.
function resizeBuffer(s: PyStringIO, size: number): void {
  let alloc = s.buf.length;
  size += 1;
  if (size < alloc / 2) alloc = size + 1;
  else if (size < alloc) return;
  else if (size <= alloc * 1.125) alloc = size + (size >> 3) + (size < 9 ? 3 : 6);
  else alloc = size + 1;
  const grown = new Uint32Array(alloc);
  grown.set(s.buf.subarray(0, Math.min(s.buf.length, alloc)));
  s.buf = grown;
  s.bufAddr = reallocBuffer(s.bufAddr, alloc * 4);
}

function codePoints(text: string): number[] {
  const out: number[] = [];
  for (const ch of text) out.push(ch.codePointAt(0)!);
  return out;
}

function textOf(cps: Uint32Array): string {
  let out = '';
  for (let i = 0; i < cps.length; i += 8192) out += String.fromCodePoint(...cps.subarray(i, i + 8192));
  return out;
}

/** The universal newline decoder of a StringIO: records the endings, translates when asked. */
function decodeNewlines(s: PyStringIO, text: string): string {
  const crlf = text.split('\r\n').length - 1;
  const cr = text.split('\r').length - 1 - crlf;
  const lf = text.split('\n').length - 1 - crlf;
  if (crlf) s.seen |= SEEN_CRLF;
  if (cr) s.seen |= SEEN_CR;
  if (lf) s.seen |= SEEN_LF;
  return s.readtranslate ? text.replace(/\r\n?/g, '\n') : text;
}

// stringio.c write_str
function writeStr(s: PyStringIO, text: string): void {
  if (s.readuniversal) text = decodeNewlines(s, text);
  if (s.writenl !== null) text = text.replace(/\n/g, s.writenl);
  const cps = codePoints(text);
  if (!cps.length) return;
  if (s.pos + cps.length > s.buf.length) resizeBuffer(s, s.pos + cps.length);
  if (s.pos > s.stringSize) s.buf.fill(0, s.stringSize, s.pos);
  s.buf.set(cps, s.pos);
  s.pos += cps.length;
  if (s.pos > s.stringSize) s.stringSize = s.pos;
}

function slice(s: PyStringIO, start: number, end: number): PyObject {
  return newStr(textOf(s.buf.subarray(start, end)));
}

/** _PyIO_find_line_ending over the buffer from pos: the length of the next line. */
function lineLength(s: PyStringIO, limit: number): number {
  const end = limit < 0 ? s.stringSize : Math.min(s.stringSize, s.pos + limit);
  const buf = s.buf;
  for (let i = s.pos; i < end; i++) {
    const c = buf[i];
    if (s.readtranslate || (!s.readuniversal && s.readnl === '\n')) {
      if (c === 10) return i + 1 - s.pos;
    } else if (s.readuniversal) {
      if (c === 10) return i + 1 - s.pos;
      if (c === 13) return (i + 1 < end && buf[i + 1] === 10 ? i + 2 : i + 1) - s.pos;
    } else if (s.readnl === '\r') {
      if (c === 13) return i + 1 - s.pos;
    } else if (c === 13 && i + 1 < end && buf[i + 1] === 10) {
      return i + 2 - s.pos;
    }
  }
  return end - s.pos;
}

function readline(s: PyStringIO, limit: number): PyObject {
  if (s.pos >= s.stringSize) return newStr('');
  const n = lineLength(s, limit);
  const line = slice(s, s.pos, s.pos + n);
  s.pos += n;
  return line;
}

function sizeArg(o: PyObject | undefined): number {
  return o === undefined || o === None ? -1 : asIndex(o);
}

function init(self: PyObject, args: PyObject[], kwnames: readonly string[] | null): void {
  const [value, newline] = unpackArgs({ fname: 'StringIO', names: ['initial_value', 'newline'] }, args, kwnames);
  const s = self as PyStringIO;
  let nl: string | null = '\n';
  if (newline !== undefined) {
    if (newline === None) nl = null;
    else if (newline instanceof PyStr) nl = newline.value;
    else throw typeError(`newline must be str or None, not ${newline.type.name}`);
  }
  if (nl !== null && !['', '\n', '\r', '\r\n'].includes(nl)) throw valueError(`illegal newline value: ${reprString(newline!)}`);
  if (value !== undefined && value !== None && !(value instanceof PyStr)) {
    throw typeError(`initial_value must be str or None, not ${value.type.name}`);
  }
  s.readnl = nl;
  s.readuniversal = nl === null || nl === '';
  s.readtranslate = nl === null;
  s.writenl = nl !== null && nl.startsWith('\r') ? nl : null;
  s.seen = 0;
  s.closed = false;
  s.stringSize = 0;
  s.pos = 0;
  resizeBuffer(s, 0);
  if (value instanceof PyStr && value.value.length) {
    writeStr(s, value.value);
    s.pos = 0;
  }
}

function seek(self: PyObject, args: PyObject[]): PyObject {
  if (args.length < 1 || args.length > 2) throw typeError(`seek expected at most 2 arguments, got ${args.length}`);
  const pos = asIndex(args[0]!);
  const whence = args.length > 1 ? asIndex(args[1]!) : 0;
  const s = checked(self);
  if (whence !== 0 && whence !== 1 && whence !== 2) throw valueError(`Invalid whence (${whence}, should be 0, 1 or 2)`);
  if (pos < 0 && whence === 0) throw valueError(`Negative seek position ${pos}`);
  if (whence !== 0 && pos !== 0) throw pyErr(OSError, "Can't do nonzero cur-relative seeks");
  s.pos = whence === 1 ? s.pos : whence === 2 ? s.stringSize : pos;
  return newInt(s.pos);
}

function newlines(s: PyStringIO): PyObject {
  if (!s.readuniversal) return newNone();
  const names: [number, string][] = [[SEEN_CR, '\r'], [SEEN_LF, '\n'], [SEEN_CRLF, '\r\n']];
  const seen = names.filter(([bit]) => s.seen & bit).map(([, t]) => t);
  if (!seen.length) return newNone();
  if (seen.length === 1) return newStr(seen[0]!);
  return newTuple(seen.map((t) => newStr(t)));
}

const whenOpen = (answer: PyObject) => ({ kind: 'noargs' as const, fn: (self: PyObject) => {
  checked(self);
  return newref(answer);
} });

export const stringIOType = defineType({
  name: '_io.StringIO',
  base: textIOBaseType,
  flags: TypeFlags.BASETYPE | TypeFlags.HAVE_GC,
  layout: { basicsize: 120 },
  slots: {
    tp_new: (type) => {
      const s = new PyStringIO(type);
      allocObject(s, type.basicsize);
      s.bufAddr = allocBuffer(0);
      gcTrack(s);
      return s;
    },
    tp_init: init,
    tp_dealloc: (o) => {
      const s = o as PyStringIO;
      gcUntrack(s);
      freeBuffer(s.bufAddr);
      freeObject(s);
    },
    tp_iternext: (self) => {
      const s = checked(self);
      const line = readline(s, -1);
      if ((line as PyStr).value === '') {
        decref(line);
        return null;
      }
      return line;
    },
  },
  methods: {
    readable: whenOpen(True),
    writable: whenOpen(True),
    seekable: whenOpen(True),
    close: { kind: 'noargs', fn: (self) => {
      (self as PyStringIO).closed = true;
      return newNone();
    } },
    getvalue: { kind: 'noargs', fn: (self) => {
      const s = checked(self);
      return slice(s, 0, s.stringSize);
    } },
    tell: { kind: 'noargs', fn: (self) => newInt(checked(self).pos) },
    read: { kind: 'fast', fn: (self, args) => {
      const s = checked(self);
      const size = sizeArg(args[0]);
      const end = size < 0 ? s.stringSize : Math.min(s.stringSize, s.pos + size);
      if (s.pos >= end) return newStr('');
      const out = slice(s, s.pos, end);
      s.pos = end;
      return out;
    } },
    readline: { kind: 'fast', fn: (self, args) => readline(checked(self), sizeArg(args[0])) },
    write: { kind: 'o', fn: (self, obj) => {
      const s = checked(self);
      if (!(obj instanceof PyStr)) throw typeError(`string argument expected, got '${obj.type.name}'`);
      const n = codePoints(obj.value).length;
      if (n) writeStr(s, obj.value);
      return newInt(n);
    } },
    seek: { kind: 'fast', fn: seek },
    truncate: { kind: 'fast', fn: (self, args) => {
      const s = checked(self);
      const size = args.length && args[0] !== None ? asIndex(args[0]!) : s.pos;
      if (size < 0) throw valueError(`Negative size value ${size}`);
      if (size < s.stringSize) {
        s.stringSize = size;
        resizeBuffer(s, size);
      }
      return newInt(size);
    } },
  },
  getsets: {
    closed: { get: (o) => newref((o as PyStringIO).closed ? True : False) },
    line_buffering: { get: (o) => {
      checked(o);
      return newref(False);
    } },
    newlines: { get: (o) => newlines(checked(o)) },
  },
});

