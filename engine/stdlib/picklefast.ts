// The fast path of pickle.dumps for data made only of builtin values (None, bool, int, float,
// str, bytes, bytearray, tuple, list, dict, set, frozenset): the same bytes the Python Pickler
// writes (which are the C accelerator's), produced without running Python code. Any other
// object ends the attempt, and the Python Pickler does the whole job instead.
import type { PyObject } from '../objects/object.js';
import { PyInt, boolType, intType, intToDecimal, newBool, newInt } from '../objects/int.js';
import { PyFloat, floatType, newFloat } from '../objects/float.js';
import { PyStr, newStr, strType } from '../objects/str.js';
import { PyBytes, bytesType, bytesResult } from '../objects/bytes.js';
import { PyByteArray, byteArrayBytes, byteArrayType, newByteArray } from '../objects/bytearray.js';
import { PyTuple, newTuple, tupleType } from '../objects/tuple.js';
import { PyList, listAppend, listAssSlice, listType, newList } from '../objects/list.js';
import { PyDict, dictItems, dictSetItem, dictType, newDict } from '../objects/dict.js';
import { PySet, frozensetType, newFrozenSet, newSet, setItems, setType, setUpdate } from '../objects/set.js';
import { None } from '../objects/singletons.js';
import { floatRepr } from '../objects/dtoa.js';
import { decref, newref } from '../objects/object.js';
import { PyBaseException } from '../objects/exceptions.js';
import { latin1 } from '../objects/unicode/latin1.js';

const FRAME_SIZE_TARGET = 64 * 1024;
const FRAME_SIZE_MIN = 4;
const BATCHSIZE = 1000;
/** Deeper data goes to the Python Pickler, which raises RecursionError as CPython does. */
const MAX_DEPTH = 900;

/** Thrown when the data holds something the fast path does not write. */
class NotBuiltinData {}
const BAIL = new NotBuiltinData();

/** A growable byte buffer. */
class ByteSink {
  buf = new Uint8Array(256);
  len = 0;

  reserve(n: number): void {
    if (this.len + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.len + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.len));
    this.buf = next;
  }

  byte(b: number): void {
    this.reserve(1);
    this.buf[this.len++] = b;
  }

  bytes(d: Uint8Array): void {
    this.reserve(d.length);
    this.buf.set(d, this.len);
    this.len += d.length;
  }

  uint(x: number, size: number): void {
    this.reserve(size);
    for (let k = 0; k < size; k++) {
      this.buf[this.len++] = x % 256;
      x = Math.floor(x / 256);
    }
  }

  ascii(s: string): void {
    this.reserve(s.length);
    for (let i = 0; i < s.length; i++) this.buf[this.len++] = s.charCodeAt(i);
  }

  view(): Uint8Array {
    return this.buf.subarray(0, this.len);
  }
}

/** UTF-8 with 'surrogatepass': lone surrogates are written as their three-byte forms. */
function utf8(s: string): Uint8Array {
  const out = new Uint8Array(s.length * 3);
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d < 0xe000) {
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        i++;
      }
    }
    if (c < 0x80) out[n++] = c;
    else if (c < 0x800) {
      out[n++] = 0xc0 | (c >> 6);
      out[n++] = 0x80 | (c & 63);
    } else if (c < 0x10000) {
      out[n++] = 0xe0 | (c >> 12);
      out[n++] = 0x80 | ((c >> 6) & 63);
      out[n++] = 0x80 | (c & 63);
    } else {
      out[n++] = 0xf0 | (c >> 18);
      out[n++] = 0x80 | ((c >> 12) & 63);
      out[n++] = 0x80 | ((c >> 6) & 63);
      out[n++] = 0x80 | (c & 63);
    }
  }
  return out.subarray(0, n);
}

/** encode_long: two's complement little-endian, as short as it can be. */
function encodeLong(x: bigint): Uint8Array {
  if (x === 0n) return new Uint8Array(0);
  const bits = (x < 0n ? -x : x).toString(2).length;
  let nbytes = (bits >> 3) + 1;
  let u = BigInt.asUintN(nbytes * 8, x);
  const out = new Uint8Array(nbytes);
  for (let k = 0; k < nbytes; k++) {
    out[k] = Number(u & 0xffn);
    u >>= 8n;
  }
  if (x < 0n && nbytes > 1 && out[nbytes - 1] === 0xff && (out[nbytes - 2]! & 0x80) !== 0) nbytes--;
  return out.subarray(0, nbytes);
}

/** Protocol 0 text: raw-unicode-escape with the line-breaking characters escaped too. */
function rawUnicodeEscape(s: string, sink: ByteSink): void {
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c >= 0x10000) sink.ascii(`\\U${c.toString(16).padStart(8, '0')}`);
    else if (c >= 256 || c === 0x5c || c === 0 || c === 10 || c === 13 || c === 0x1a) sink.ascii(`\\u${c.toString(16).padStart(4, '0')}`);
    else sink.byte(c);
  }
}

class FastPickler {
  out = new ByteSink();
  frame: ByteSink | null = null;
  memo = new Map<PyObject, number>();
  depth = 0;

  constructor(readonly proto: number) {}

  get sink(): ByteSink {
    return this.frame ?? this.out;
  }

  commitFrame(force: boolean): void {
    const f = this.frame;
    if (f === null || (!force && f.len < FRAME_SIZE_TARGET)) return;
    if (f.len >= FRAME_SIZE_MIN) {
      this.out.byte(0x95);
      this.out.uint(f.len, 8);
    }
    this.out.bytes(f.view());
    this.frame = new ByteSink();
  }

  largeBytes(header: number[], sizeBytes: number, payload: Uint8Array): void {
    if (this.frame && this.frame.len) this.commitFrame(true);
    this.out.bytes(Uint8Array.from(header));
    this.out.uint(payload.length, sizeBytes);
    this.out.bytes(payload);
  }

  memoize(o: PyObject): void {
    const idx = this.memo.size;
    const s = this.sink;
    if (this.proto >= 4) s.byte(0x94);
    else if (this.proto >= 1) {
      if (idx < 256) {
        s.byte(0x71);
        s.byte(idx);
      } else {
        s.byte(0x72);
        s.uint(idx, 4);
      }
    } else {
      s.byte(0x70);
      s.ascii(`${idx}\n`);
    }
    this.memo.set(o, idx);
  }

  get(idx: number): void {
    const s = this.sink;
    if (this.proto >= 1) {
      if (idx < 256) {
        s.byte(0x68);
        s.byte(idx);
      } else {
        s.byte(0x6a);
        s.uint(idx, 4);
      }
    } else {
      s.byte(0x67);
      s.ascii(`${idx}\n`);
    }
  }

  save(o: PyObject): void {
    this.commitFrame(false);
    const t = o.type;
    const s = this.sink;
    if (o === None) {
      s.byte(0x4e);
      return;
    }
    if (t === boolType) {
      if (this.proto >= 2) s.byte((o as PyInt).value ? 0x88 : 0x89);
      else s.ascii((o as PyInt).value ? 'I01\n' : 'I00\n');
      return;
    }
    if (t === intType) {
      this.saveLong((o as PyInt).value);
      return;
    }
    if (t === floatType) {
      const x = (o as PyFloat).value;
      if (this.proto >= 1) {
        s.byte(0x47);
        s.reserve(8);
        new DataView(s.buf.buffer, s.buf.byteOffset + s.len, 8).setFloat64(0, x, false);
        s.len += 8;
      } else s.ascii(`F${floatRepr(x)}\n`);
      return;
    }
    const seen = this.memo.get(o);
    if (seen !== undefined) {
      this.get(seen);
      return;
    }
    if (++this.depth > MAX_DEPTH) throw BAIL;
    try {
      if (t === strType) this.saveStr(o as PyStr);
      else if (t === bytesType) this.saveBytes(o as PyBytes);
      else if (t === tupleType) this.saveTuple(o as PyTuple);
      else if (t === listType) this.saveList(o as PyList);
      else if (t === dictType) this.saveDict(o as PyDict);
      else if (t === setType && this.proto >= 4) this.saveSet(o as PySet);
      else if (t === frozensetType && this.proto >= 4) this.saveFrozenSet(o as PySet);
      else if (t === byteArrayType && this.proto >= 5) this.saveByteArray(o as PyByteArray);
      else throw BAIL;
    } finally {
      this.depth--;
    }
  }

  saveLong(v: number | bigint): void {
    const s = this.sink;
    if (v >= -0x80000000 && v <= 0x7fffffff) {
      const x = Number(v);
      if (this.proto >= 1) {
        if (x >= 0 && x <= 0xff) {
          s.byte(0x4b);
          s.byte(x);
        } else if (x >= 0 && x <= 0xffff) {
          s.byte(0x4d);
          s.uint(x, 2);
        } else {
          s.byte(0x4a);
          s.uint(x >>> 0, 4);
        }
      } else s.ascii(`I${x}\n`);
      return;
    }
    if (this.proto >= 2) {
      const enc = encodeLong(BigInt(v));
      if (enc.length < 256) {
        s.byte(0x8a);
        s.byte(enc.length);
      } else {
        s.byte(0x8b);
        s.uint(enc.length, 4);
      }
      s.bytes(enc);
      return;
    }
    s.ascii(`L${intToDecimal(v)}L\n`);
  }

  saveStr(o: PyStr): void {
    if (this.proto >= 1) {
      const enc = utf8(o.value);
      const n = enc.length;
      if (n <= 0xff && this.proto >= 4) {
        this.sink.byte(0x8c);
        this.sink.byte(n);
        this.sink.bytes(enc);
      } else if (n >= FRAME_SIZE_TARGET && this.proto >= 4) {
        this.largeBytes([0x58], 4, enc);
      } else {
        this.sink.byte(0x58);
        this.sink.uint(n, 4);
        this.sink.bytes(enc);
      }
    } else {
      this.sink.byte(0x56);
      rawUnicodeEscape(o.value, this.sink);
      this.sink.byte(10);
    }
    this.memoize(o);
  }

  saveBytes(o: PyBytes): void {
    if (this.proto < 3) throw BAIL;
    const d = o.data;
    const n = d.length;
    if (n <= 0xff) {
      this.sink.byte(0x43);
      this.sink.byte(n);
      this.sink.bytes(d);
    } else if (n >= FRAME_SIZE_TARGET && this.proto >= 4) {
      this.largeBytes([0x42], 4, d);
    } else {
      this.sink.byte(0x42);
      this.sink.uint(n, 4);
      this.sink.bytes(d);
    }
    this.memoize(o);
  }

  saveByteArray(o: PyByteArray): void {
    const d = byteArrayBytes(o);
    if (d.length >= FRAME_SIZE_TARGET) this.largeBytes([0x96], 8, d.slice());
    else {
      this.sink.byte(0x96);
      this.sink.uint(d.length, 8);
      this.sink.bytes(d);
    }
    this.memoize(o);
  }

  saveTuple(o: PyTuple): void {
    const items = o.items;
    const n = items.length;
    if (n === 0) {
      if (this.proto >= 1) this.sink.byte(0x29);
      else this.sink.ascii('(t');
      return;
    }
    if (n <= 3 && this.proto >= 2) {
      for (const x of items) this.save(x);
      const seen = this.memo.get(o);
      if (seen !== undefined) {
        for (let k = 0; k < n; k++) this.sink.byte(0x30);
        this.get(seen);
      } else {
        this.sink.byte(0x84 + n);
        this.memoize(o);
      }
      return;
    }
    this.sink.byte(0x28);
    for (const x of items) this.save(x);
    const seen = this.memo.get(o);
    if (seen !== undefined) {
      if (this.proto >= 1) this.sink.byte(0x31);
      else for (let k = 0; k <= n; k++) this.sink.byte(0x30);
      this.get(seen);
      return;
    }
    this.sink.byte(0x74);
    this.memoize(o);
  }

  saveList(o: PyList): void {
    if (this.proto >= 1) this.sink.byte(0x5d);
    else this.sink.ascii('(l');
    this.memoize(o);
    const items = o.items;
    if (items.length === 0) return;
    if (this.proto === 0) {
      for (let i = 0; i < items.length; i++) {
        this.save(items[i]!);
        this.sink.byte(0x61);
      }
      return;
    }
    if (items.length === 1) {
      this.save(items[0]!);
      this.sink.byte(0x61);
      return;
    }
    let total = 0;
    do {
      this.sink.byte(0x28);
      let batch = 0;
      while (total < items.length) {
        this.save(items[total++]!);
        if (++batch === BATCHSIZE) break;
      }
      this.sink.byte(0x65);
    } while (total < items.length);
  }

  saveDict(o: PyDict): void {
    if (this.proto >= 1) this.sink.byte(0x7d);
    else this.sink.ascii('(d');
    this.memoize(o);
    if (o.used === 0) return;
    const entries = [...dictItems(o)];
    if (this.proto === 0) {
      for (const [k, v] of entries) {
        this.save(k);
        this.save(v);
        this.sink.byte(0x73);
      }
      return;
    }
    if (entries.length === 1) {
      this.save(entries[0]![0]);
      this.save(entries[0]![1]);
      this.sink.byte(0x73);
      return;
    }
    let pos = 0;
    let i: number;
    do {
      this.sink.byte(0x28);
      i = 0;
      while (pos < entries.length) {
        const [k, v] = entries[pos++]!;
        this.save(k);
        this.save(v);
        if (++i === BATCHSIZE) break;
      }
      this.sink.byte(0x75);
    } while (i === BATCHSIZE);
  }

  saveSet(o: PySet): void {
    this.sink.byte(0x8f);
    this.memoize(o);
    const items = [...setItems(o)];
    if (items.length === 0) return;
    let pos = 0;
    let i: number;
    do {
      this.sink.byte(0x28);
      i = 0;
      while (pos < items.length) {
        this.save(items[pos++]!);
        if (++i === BATCHSIZE) break;
      }
      this.sink.byte(0x90);
    } while (i === BATCHSIZE);
  }

  saveFrozenSet(o: PySet): void {
    this.sink.byte(0x28);
    for (const x of [...setItems(o)]) this.save(x);
    const seen = this.memo.get(o);
    if (seen !== undefined) {
      this.sink.byte(0x31);
      this.get(seen);
      return;
    }
    this.sink.byte(0x91);
    this.memoize(o);
  }

  dump(o: PyObject): Uint8Array {
    if (this.proto >= 2) {
      this.out.byte(0x80);
      this.out.byte(this.proto);
    }
    if (this.proto >= 4) this.frame = new ByteSink();
    this.save(o);
    this.sink.byte(0x2e);
    if (this.frame) {
      if (this.frame.len) this.commitFrame(true);
      this.frame = null;
    }
    return this.out.view();
  }
}

/** The pickle of `o` with protocol `proto` (already checked), or None when `o` holds objects
 *  other than builtin values. */
export function fastDumps(o: PyObject, proto: number): PyObject {
  try {
    return bytesResult(new FastPickler(proto).dump(o).slice());
  } catch (e) {
    if (e === BAIL) return newref(None);
    throw e;
  }
}

// ------------------------------------------------------------------ loading

const utf8Decoder = new TextDecoder('utf-8', { fatal: true });

/** A reader of pickles made only of builtin values; anything else (or anything malformed)
 *  ends the attempt, and the Python Unpickler reads the data instead, with its errors. */
class FastUnpickler {
  pos = 0;
  stack: PyObject[] = [];
  marks: number[] = [];
  memo = new Map<number, PyObject>();
  readonly dv: DataView;

  constructor(readonly data: Uint8Array) {
    this.dv = new DataView(data.buffer, data.byteOffset, data.byteLength);
  }

  take(n: number): number {
    const at = this.pos;
    if (at + n > this.data.length) throw BAIL;
    this.pos += n;
    return at;
  }

  line(): string {
    const end = this.data.indexOf(10, this.pos);
    if (end < 0) throw BAIL;
    const s = latin1(this.data.subarray(this.pos, end));
    this.pos = end + 1;
    return s;
  }

  push(o: PyObject): void {
    this.stack.push(o);
  }

  pop(): PyObject {
    const floor = this.marks.length ? this.marks[this.marks.length - 1]! : 0;
    if (this.stack.length <= floor) throw BAIL;
    return this.stack.pop()!;
  }

  top(): PyObject {
    const floor = this.marks.length ? this.marks[this.marks.length - 1]! : 0;
    if (this.stack.length <= floor) throw BAIL;
    return this.stack[this.stack.length - 1]!;
  }

  popMark(): PyObject[] {
    if (!this.marks.length) throw BAIL;
    return this.stack.splice(this.marks.pop()!);
  }

  text(at: number, n: number): PyObject {
    return newStr(utf8Decoder.decode(this.data.subarray(at, at + n)));
  }

  size64(): number {
    const n = this.dv.getBigUint64(this.take(8), true);
    if (n > BigInt(this.data.length)) throw BAIL;
    return Number(n);
  }

  load(): PyObject {
    const d = this.data;
    for (;;) {
      const op = d[this.take(1)]!;
      switch (op) {
        case 0x80: if (d[this.take(1)]! > 5) throw BAIL; break;
        case 0x95: if (this.size64() > d.length - this.pos) throw BAIL; break;
        case 0x2e: {
          if (this.stack.length !== 1 || this.marks.length) throw BAIL;
          return this.stack.pop()!;
        }
        case 0x4e: this.push(newref(None)); break;
        case 0x88: this.push(newBool(true)); break;
        case 0x89: this.push(newBool(false)); break;
        case 0x4b: this.push(newInt(d[this.take(1)]!)); break;
        case 0x4d: this.push(newInt(this.dv.getUint16(this.take(2), true))); break;
        case 0x4a: this.push(newInt(this.dv.getInt32(this.take(4), true))); break;
        case 0x49: {
          const s = this.line();
          if (s === '01' || s === '00') this.push(newBool(s === '01'));
          else if (/^-?\d+$/.test(s)) this.push(newInt(BigInt(s)));
          else throw BAIL;
          break;
        }
        case 0x4c: {
          const s = this.line().replace(/L$/, '');
          if (!/^-?\d+$/.test(s)) throw BAIL;
          this.push(newInt(BigInt(s)));
          break;
        }
        case 0x8a: case 0x8b: {
          const n = op === 0x8a ? d[this.take(1)]! : this.dv.getInt32(this.take(4), true);
          if (n < 0) throw BAIL;
          this.push(newInt(decodeLong(d.subarray(this.take(n), this.pos))));
          break;
        }
        case 0x47: this.push(newFloat(this.dv.getFloat64(this.take(8), false))); break;
        case 0x46: {
          const s = this.line();
          if (!/^-?(\d+\.?\d*([eE][-+]?\d+)?|\.\d+([eE][-+]?\d+)?)$/.test(s)) throw BAIL;
          this.push(newFloat(Number(s)));
          break;
        }
        case 0x8c: { const n = d[this.take(1)]!; this.push(this.text(this.take(n), n)); break; }
        case 0x58: { const n = this.dv.getUint32(this.take(4), true); this.push(this.text(this.take(n), n)); break; }
        case 0x8d: { const n = this.size64(); this.push(this.text(this.take(n), n)); break; }
        case 0x43: { const n = d[this.take(1)]!; const at = this.take(n); this.push(bytesResult(d.slice(at, at + n))); break; }
        case 0x42: { const n = this.dv.getUint32(this.take(4), true); const at = this.take(n); this.push(bytesResult(d.slice(at, at + n))); break; }
        case 0x8e: { const n = this.size64(); const at = this.take(n); this.push(bytesResult(d.slice(at, at + n))); break; }
        case 0x96: { const n = this.size64(); const at = this.take(n); this.push(newByteArray(d.slice(at, at + n))); break; }
        case 0x29: this.push(newTuple([])); break;
        case 0x85: case 0x86: case 0x87: {
          const n = op - 0x84;
          const floor = this.marks.length ? this.marks[this.marks.length - 1]! : 0;
          if (this.stack.length - n < floor) throw BAIL;
          this.push(newTuple(this.stack.splice(this.stack.length - n)));
          break;
        }
        case 0x74: this.push(newTuple(this.popMark())); break;
        case 0x5d: this.push(newList([])); break;
        case 0x6c: this.push(newList(this.popMark())); break;
        case 0x7d: this.push(newDict()); break;
        case 0x64: {
          const items = this.popMark();
          const dict = newDict();
          this.push(dict);
          this.fillDict(dict, items);
          break;
        }
        case 0x8f: this.push(newSet()); break;
        case 0x28: this.marks.push(this.stack.length); break;
        case 0x61: {
          const v = this.pop();
          const l = this.top();
          if (l.type !== listType) {
            decref(v);
            throw BAIL;
          }
          listAppend(l as PyList, v);
          decref(v);
          break;
        }
        case 0x65: {
          const items = this.popMark();
          const l = this.top();
          const tmp = newList(items);
          try {
            if (l.type !== listType) throw BAIL;
            // load_appends: PyList_SetSlice at the end, so an empty list grows by list_resize.
            const n = (l as PyList).items.length;
            listAssSlice(l as PyList, n, n, tmp);
          } finally {
            decref(tmp);
          }
          break;
        }
        case 0x73: {
          const v = this.pop();
          const k = this.pop();
          this.fillDict(this.top(), [k, v]);
          break;
        }
        case 0x75: {
          const items = this.popMark();
          this.fillDict(this.top(), items);
          break;
        }
        case 0x90: {
          const items = this.popMark();
          const s = this.top();
          const tmp = newList(items);
          try {
            if (s.type !== setType) throw BAIL;
            setUpdate(s as PySet, tmp);
          } finally {
            decref(tmp);
          }
          break;
        }
        case 0x91: {
          const tmp = newTuple(this.popMark());
          try {
            this.push(newFrozenSet(tmp));
          } finally {
            decref(tmp);
          }
          break;
        }
        case 0x30: {
          if (this.marks.length && this.marks[this.marks.length - 1] === this.stack.length) this.marks.pop();
          else decref(this.pop());
          break;
        }
        case 0x31: for (const x of this.popMark()) decref(x); break;
        case 0x32: this.push(newref(this.top())); break;
        case 0x94: this.remember(this.memo.size); break;
        case 0x71: this.remember(d[this.take(1)]!); break;
        case 0x72: this.remember(this.dv.getUint32(this.take(4), true)); break;
        case 0x70: {
          const s = this.line();
          if (!/^\d+$/.test(s)) throw BAIL;
          this.remember(Number(s));
          break;
        }
        case 0x68: this.recall(d[this.take(1)]!); break;
        case 0x6a: this.recall(this.dv.getUint32(this.take(4), true)); break;
        case 0x67: {
          const s = this.line();
          if (!/^\d+$/.test(s)) throw BAIL;
          this.recall(Number(s));
          break;
        }
        default: throw BAIL;
      }
    }
  }

  /** SETITEM(S) on a dict made here; the pairs' references are consumed. */
  fillDict(target: PyObject, items: PyObject[]): void {
    try {
      if (target.type !== dictType || items.length % 2) throw BAIL;
      for (let i = 0; i < items.length; i += 2) dictSetItem(target as PyDict, items[i]!, items[i + 1]!);
    } finally {
      for (const x of items) decref(x);
    }
  }

  remember(i: number): void {
    const old = this.memo.get(i);
    this.memo.set(i, newref(this.top()));
    if (old) decref(old);
  }

  recall(i: number): void {
    const o = this.memo.get(i);
    if (!o) throw BAIL;
    this.push(newref(o));
  }

  /** Gives back every reference the reader still holds. */
  clear(): void {
    for (const x of this.stack) decref(x);
    for (const x of this.memo.values()) decref(x);
    this.stack = [];
    this.memo.clear();
  }
}

function decodeLong(d: Uint8Array): bigint {
  let x = 0n;
  for (let k = d.length - 1; k >= 0; k--) x = (x << 8n) | BigInt(d[k]!);
  return d.length ? BigInt.asIntN(d.length * 8, x) : 0n;
}

/** A 1-tuple holding the object a pickle of builtin values describes, or None to have the
 *  Python Unpickler read it. */
export function fastLoads(data: Uint8Array): PyObject {
  const u = new FastUnpickler(data);
  try {
    return newTuple([u.load()]);
  } catch (e) {
    if (e === BAIL || e instanceof PyBaseException) {
      if (e instanceof PyBaseException) decref(e);
      return newref(None);
    }
    throw e;
  } finally {
    u.clear();
  }
}
