// The methods bytes and bytearray share (Objects/bytes_methods.c and the stringlib routines of
// Objects/bytesobject.c / bytearrayobject.c). They run the text algorithms of str on the bytes
// viewed as latin-1, with ASCII-only character classes. `Seq` tells how to read a receiver and
// how to build a result of its type.
import { PyObject, decref, newref } from './object.js';
import type { NativeCode } from './native.js';
import { newBool, newInt } from './int.js';
import { None } from './singletons.js';
import { PyTuple, newTuple } from './tuple.js';
import { TypeError, PyBaseException, exceptionMatches, typeError, valueError } from './exceptions.js';
import { asIndex, collect, getIter } from './abstract.js';
import { PyStr, strResult } from './str.js';
import { newBytes } from './bytes.js';
import { checkBuffer, withBytes } from './buffer.js';
import { checkPositional, checkTupleRange, unpackKeywords } from './unicode/args.js';
import { isIndexable } from './unicode/sliceargs.js';
import { fromLatin1, latin1 } from './unicode/latin1.js';
import { decodeBytes } from './unicode/codecs.js';
import {
  adjust, expandTabsText, keepEnds, listOf, splitList, padText, rangeIndex, replaceCount, replaceText, rsplitText,
  splitLinesText, splitText, tabSize, zfillText, type PadSide, type SpaceTest,
} from './unicode/methods.js';

export interface Seq {
  name: string;
  /** The receiver's current bytes (not copied). */
  bytes(o: PyObject): Uint8Array;
  /** A new result of the receiver's kind from bytes it takes over. */
  make(data: Uint8Array): PyObject;
  /** The receiver itself when a result equals it and its type allows sharing (exact bytes). */
  same(o: PyObject): PyObject | null;
  /** The receiver as latin-1 text, when the type can keep it (immutable bytes cache it). */
  text?(o: PyObject): string;
}

type Args = PyObject[];

/** Py_ISSPACE: the ASCII whitespace of bytes. */
const isAsciiSpace = (c: number): boolean => c === 32 || (c >= 9 && c <= 13);
const spaceAt: SpaceTest = (t, i) => isAsciiSpace(t.charCodeAt(i));
const isAsciiLower = (c: number): boolean => c >= 97 && c <= 122;
const isAsciiUpper = (c: number): boolean => c >= 65 && c <= 90;
const isAsciiAlpha = (c: number): boolean => isAsciiLower(c) || isAsciiUpper(c);
const isAsciiDigit = (c: number): boolean => c >= 48 && c <= 57;

/** The bytes of a bytes-like argument (a copy, safe against later mutation). */
export function bytesArg(o: PyObject): Uint8Array {
  return withBytes(o, (d) => d.slice());
}

function textOf(seq: Seq, o: PyObject): string {
  return seq.text ? seq.text(o) : latin1(seq.bytes(o));
}

function result(seq: Seq, o: PyObject, t: string, original: string): PyObject {
  if (t === original) {
    const same = seq.same(o);
    if (same) return same;
  }
  return seq.make(fromLatin1(t));
}

// Objects/bytes_methods.c parse_args_finds_byte: the needle is a byte value or bytes-like.
function needle(o: PyObject): string {
  if (isIndexable(o) && !checkBuffer(o)) {
    const v = asIndex(o);
    if (v < 0 || v > 255) throw valueError('byte must be in range(0, 256)');
    return String.fromCharCode(v);
  }
  if (!checkBuffer(o)) throw typeError(`argument should be integer or bytes-like object, not '${o.type.name}'`);
  return latin1(bytesArg(o));
}

/** [text, needle, start, end] of find-like calls, or null when the range cannot hold it. */
function findRange(seq: Seq, name: string, o: PyObject, args: Args): [string, string, number, number] | null {
  checkTupleRange(name, args, 1, 3);
  const t = textOf(seq, o);
  const sub = needle(args[0]!);
  const [start, end] = adjust(rangeIndex(args[1], 0), rangeIndex(args[2], 9223372036854775807), t.length);
  if (start > t.length || end - start < sub.length) return null;
  return [t, sub, start, end];
}

function find(seq: Seq, name: string, reverse: boolean, raise: boolean) {
  return (o: PyObject, args: Args): PyObject => {
    const r = findRange(seq, name, o, args);
    let i = -1;
    if (r) {
      const [t, sub, start, end] = r;
      i = reverse ? t.lastIndexOf(sub, end - sub.length) : t.indexOf(sub, start);
      if (i < start || i + sub.length > end) i = -1;
    }
    if (i < 0 && raise) throw valueError('subsection not found');
    return newInt(i);
  };
}

function count(seq: Seq) {
  return (o: PyObject, args: Args): PyObject => {
    const r = findRange(seq, 'count', o, args);
    if (!r) return newInt(0);
    const [t, sub, start, end] = r;
    if (sub.length === 0) return newInt(end - start + 1);
    let n = 0;
    for (let i = t.indexOf(sub, start); i >= 0 && i + sub.length <= end; i = t.indexOf(sub, i + sub.length)) n++;
    return newInt(n);
  };
}

// Objects/bytes_methods.c _Py_bytes_tailmatch
function tailmatch(seq: Seq, name: string, atEnd: boolean) {
  return (o: PyObject, args: Args): PyObject => {
    checkTupleRange(name, args, 1, 3);
    const t = textOf(seq, o);
    const start = rangeIndex(args[1], 0);
    const end = rangeIndex(args[2], 9223372036854775807);
    const match = (sub: string): boolean => {
      let [a, b] = adjust(start, end, t.length);
      b -= sub.length;
      if (b < a || a > t.length) return false;
      const at = atEnd ? b : a;
      return t.slice(at, at + sub.length) === sub;
    };
    const prefix = args[0]!;
    if (prefix instanceof PyTuple) return newBool(prefix.items.some((p) => match(latin1(bytesArg(p)))));
    if (!checkBuffer(prefix)) throw typeError(`${name} first arg must be bytes or a tuple of bytes, not ${prefix.type.name}`);
    return newBool(match(latin1(bytesArg(prefix))));
  };
}

function split(seq: Seq, reverse: boolean) {
  return (o: PyObject, args: Args, kwnames: readonly string[] | null): PyObject => {
    const [sepArg, maxArg] = unpackKeywords(reverse ? 'rsplit' : 'split', ['sep', 'maxsplit'], args, kwnames);
    let sep: string | null = null;
    if (sepArg !== undefined && sepArg !== None) {
      sep = latin1(bytesArg(sepArg));
      if (sep.length === 0) throw valueError('empty separator');
    }
    let maxsplit = maxArg === undefined ? -1 : asIndex(maxArg);
    if (maxsplit < 0) maxsplit = 9223372036854775807;
    const t = textOf(seq, o);
    const parts = reverse ? rsplitText(t, sep, maxsplit, spaceAt) : splitText(t, sep, maxsplit, spaceAt);
    return splitList(parts.map((p) => result(seq, o, p, t)), maxsplit);
  };
}

function splitlines(seq: Seq) {
  return (o: PyObject, args: Args, kwnames: readonly string[] | null): PyObject => {
    const t = textOf(seq, o);
    const parts = splitLinesText(t, keepEnds(args, kwnames), (c) => c === 10 || c === 13);
    return listOf(parts.map((p) => result(seq, o, p, t)));
  };
}

// Objects/stringlib/join.h
function join(seq: Seq) {
  return (o: PyObject, iterable: PyObject): PyObject => {
    let items: PyObject[];
    if (iterable instanceof PyTuple) items = iterable.items.map((x) => newref(x));
    else {
      try {
        decref(getIter(iterable));
      } catch (e) {
        if (e instanceof PyBaseException && exceptionMatches(e, TypeError)) {
          decref(e);
          throw typeError('can only join an iterable');
        }
        throw e;
      }
      items = collect(iterable);
    }
    try {
      const sep = textOf(seq, o);
      const parts = items.map((item, i) => {
        if (!checkBuffer(item)) throw typeError(`sequence item ${i}: expected a bytes-like object, ${item.type.name} found`);
        return latin1(bytesArg(item));
      });
      return seq.make(fromLatin1(parts.join(sep)));
    } finally {
      for (const x of items) decref(x);
    }
  };
}

function partition(seq: Seq, reverse: boolean) {
  return (o: PyObject, sepObj: PyObject): PyObject => {
    const sep = latin1(bytesArg(sepObj));
    if (sep.length === 0) throw valueError('empty separator');
    const t = textOf(seq, o);
    const k = reverse ? t.lastIndexOf(sep) : t.indexOf(sep);
    const empty = (): PyObject => seq.make(new Uint8Array(0));
    if (k < 0) {
      const whole = result(seq, o, t, t);
      return reverse ? newTuple([empty(), empty(), whole]) : newTuple([whole, empty(), empty()]);
    }
    return newTuple([seq.make(fromLatin1(t.slice(0, k))), seq.make(fromLatin1(sep)), seq.make(fromLatin1(t.slice(k + sep.length)))]);
  };
}

// Objects/bytes_methods.c do_xstrip / do_strip
function strip(seq: Seq, name: string, left: boolean, right: boolean) {
  return (o: PyObject, args: Args): PyObject => {
    checkPositional(name, args, 0, 1);
    const t = textOf(seq, o);
    const arg = args[0];
    const set = arg === undefined || arg === None ? null : new Set(latin1(bytesArg(arg)));
    const drop = (c: string): boolean => (set ? set.has(c) : isAsciiSpace(c.charCodeAt(0)));
    let i = 0;
    let j = t.length;
    if (left) while (i < j && drop(t[i]!)) i++;
    if (right) while (j > i && drop(t[j - 1]!)) j--;
    return result(seq, o, t.slice(i, j), t);
  };
}

function padding(seq: Seq, name: string, where: PadSide) {
  return (o: PyObject, args: Args): PyObject => {
    checkPositional(name, args, 1, 2);
    const width = asIndex(args[0]!);
    let fill = ' ';
    const f = args[1];
    if (f !== undefined) {
      const fb = checkBuffer(f) && !(f instanceof PyStr) ? bytesArg(f) : null;
      if (fb === null || fb.length !== 1 || !isByteString(f)) {
        throw typeError(`${name}() argument 2 must be a byte string of length 1, not ${f.type.name}`);
      }
      fill = String.fromCharCode(fb[0]!);
    }
    const t = textOf(seq, o);
    return result(seq, o, padText(t, t.length, width, fill, where), t);
  };
}

/** Fill bytes must be bytes or bytearray (the "c" converter), not any buffer. */
const byteStringTypes = new Set<string>(['bytes', 'bytearray']);
function isByteString(o: PyObject): boolean {
  return o.type.mro.some((t) => byteStringTypes.has(t.name));
}

function caseMap(seq: Seq, map: (t: string) => string) {
  return (o: PyObject): PyObject => seq.make(fromLatin1(map(textOf(seq, o))));
}

const asciiLower = (t: string): string => t.replace(/[A-Z]+/g, (m) => m.toLowerCase());
const asciiUpper = (t: string): string => t.replace(/[a-z]+/g, (m) => m.toUpperCase());
const asciiSwap = (t: string): string => t.replace(/[A-Za-z]/g, (c) => (c <= 'Z' ? c.toLowerCase() : c.toUpperCase()));
const asciiCapitalize = (t: string): string => asciiUpper(t.slice(0, 1)) + asciiLower(t.slice(1));
// Objects/bytes_methods.c _Py_bytes_title
function asciiTitle(t: string): string {
  let prevCased = false;
  let out = '';
  for (const ch of t) {
    const c = ch.charCodeAt(0);
    out += prevCased ? asciiLower(ch) : asciiUpper(ch);
    prevCased = isAsciiAlpha(c);
  }
  return out;
}

function every(seq: Seq, test: (c: number) => boolean) {
  return (o: PyObject): PyObject => {
    const d = seq.bytes(o);
    return newBool(d.length > 0 && d.every(test));
  };
}

function caseTest(seq: Seq, want: (c: number) => boolean, reject: (c: number) => boolean) {
  return (o: PyObject): PyObject => {
    const d = seq.bytes(o);
    if (d.some(reject)) return newBool(false);
    return newBool(d.some(want));
  };
}

// Objects/bytes_methods.c _Py_bytes_istitle
function istitle(seq: Seq) {
  return (o: PyObject): PyObject => {
    let cased = false;
    let prev = false;
    for (const c of seq.bytes(o)) {
      if (isAsciiUpper(c)) {
        if (prev) return newBool(false);
        prev = cased = true;
      } else if (isAsciiLower(c)) {
        if (!prev) return newBool(false);
        prev = cased = true;
      } else prev = false;
    }
    return newBool(cased);
  };
}

// Objects/bytesobject.c bytes_translate_impl
function translate(seq: Seq) {
  return (o: PyObject, args: Args, kwnames: readonly string[] | null): PyObject => {
    const [tableArg, deleteArg] = unpackKeywords('translate', ['table', 'delete'], args, kwnames);
    if (tableArg === undefined) throw typeError("translate() missing required argument 'table' (pos 1)");
    let table: Uint8Array | null = null;
    if (tableArg !== None) {
      table = bytesArg(tableArg);
      if (table.length !== 256) throw valueError('translation table must be 256 characters long');
    }
    const del = deleteArg === undefined ? new Uint8Array(0) : bytesArg(deleteArg);
    const d = seq.bytes(o);
    const out: number[] = [];
    for (const c of d) if (!del.includes(c)) out.push(table ? table[c]! : c);
    const t = latin1(d);
    return result(seq, o, latin1(Uint8Array.from(out)), t);
  };
}

// Objects/bytes_methods.c _Py_bytes_maketrans
export function bytesMaketrans(_cls: PyObject, args: Args): PyObject {
  checkPositional('maketrans', args, 2, 2);
  const from = bytesArg(args[0]!);
  const to = bytesArg(args[1]!);
  if (from.length !== to.length) throw valueError('maketrans arguments must have same length');
  const table = new Uint8Array(256);
  for (let i = 0; i < 256; i++) table[i] = i;
  from.forEach((c, i) => (table[c] = to[i]!));
  return newBytes(table);
}

// Python/pystrhex.c _Py_strhex_impl
function hex(seq: Seq) {
  return (o: PyObject, args: Args, kwnames: readonly string[] | null): PyObject => {
    const [sepArg, perArg] = unpackKeywords('hex', ['sep', 'bytes_per_sep'], args, kwnames);
    return strResult(hexText(seq.bytes(o), sepArg, perArg));
  };
}

export function hexText(d: Uint8Array, sepArg: PyObject | undefined, perArg: PyObject | undefined): string {
  const digits = Array.from(d, (b) => b.toString(16).padStart(2, '0'));
  if (sepArg === undefined) return digits.join('');
  let sep: string;
  if (sepArg instanceof PyStr) sep = sepArg.value;
  else sep = latin1(bytesArg(sepArg));
  if (sep.length !== 1) throw valueError('sep must be length 1.');
  if (sep.charCodeAt(0) > 127) throw valueError('sep must be ASCII.');
  const per = perArg === undefined ? 1 : asIndex(perArg);
  if (per === 0 || digits.length === 0) return digits.join('');
  const n = Math.abs(per);
  const groups: string[] = [];
  if (per > 0) {
    // groups counted from the right
    let end = digits.length;
    while (end > 0) {
      groups.unshift(digits.slice(Math.max(0, end - n), end).join(''));
      end -= n;
    }
  } else {
    for (let i = 0; i < digits.length; i += n) groups.push(digits.slice(i, i + n).join(''));
  }
  return groups.join(sep);
}

// Objects/bytesobject.c _PyBytes_FromHex
export function fromHex(s: PyObject): Uint8Array {
  if (!(s instanceof PyStr)) throw typeError(`fromhex() argument must be str, not ${s.type.name}`);
  const t = s.value;
  const out: number[] = [];
  const val = (c: string | undefined): number => (c !== undefined && /^[0-9a-fA-F]$/.test(c) ? parseInt(c, 16) : -1);
  let i = 0;
  for (;;) {
    while (i < t.length && isAsciiSpace(t.charCodeAt(i))) i++;
    if (i >= t.length) break;
    const hi = val(t[i]);
    if (hi < 0) throw valueError(`non-hexadecimal number found in fromhex() arg at position ${i}`);
    const lo = val(t[i + 1]);
    if (lo < 0) throw valueError(`non-hexadecimal number found in fromhex() arg at position ${i + 1}`);
    out.push(hi * 16 + lo);
    i += 2;
  }
  return Uint8Array.from(out);
}

// Objects/bytesobject.c bytes_decode_impl
function decode(seq: Seq) {
  return (o: PyObject, args: Args, kwnames: readonly string[] | null): PyObject => {
    const [encoding, errors] = unpackKeywords('decode', ['encoding', 'errors'], args, kwnames);
    const textArg = (name: string, v: PyObject | undefined, dflt: string): string => {
      if (v === undefined) return dflt;
      if (!(v instanceof PyStr)) throw typeError(`decode() argument '${name}' must be str, not ${v.type.name}`);
      return v.value;
    };
    return strResult(decodeBytes(seq.bytes(o), textArg('encoding', encoding, 'utf-8'), textArg('errors', errors, 'strict')));
  };
}

function affix(seq: Seq, atEnd: boolean) {
  return (o: PyObject, a: PyObject): PyObject => {
    const t = textOf(seq, o);
    const x = latin1(bytesArg(a));
    if (x.length && (atEnd ? t.endsWith(x) : t.startsWith(x))) return seq.make(fromLatin1(atEnd ? t.slice(0, t.length - x.length) : t.slice(x.length)));
    return result(seq, o, t, t);
  };
}

function replace(seq: Seq) {
  return (o: PyObject, args: Args): PyObject => {
    checkPositional('replace', args, 2, 3);
    const t = textOf(seq, o);
    const oldT = latin1(bytesArg(args[0]!));
    const newT = latin1(bytesArg(args[1]!));
    const out = replaceText(t, oldT.length === 0 ? t.split('') : null, oldT, newT, replaceCount(args[2]));
    return result(seq, o, out ?? t, t);
  };
}

/** The method table of bytes or bytearray. */
export function sharedByteMethods(seq: Seq): Record<string, NativeCode> {
  const noargs = (fn: (o: PyObject) => PyObject): NativeCode => ({ kind: 'noargs', fn });
  const fast = (fn: (o: PyObject, a: Args) => PyObject): NativeCode => ({ kind: 'fast', fn });
  const one = (fn: (o: PyObject, a: PyObject) => PyObject): NativeCode => ({ kind: 'o', fn });
  const kw = (fn: (o: PyObject, a: Args, k: readonly string[] | null) => PyObject): NativeCode => ({ kind: 'fastkw', fn });
  return {
    find: fast(find(seq, 'find', false, false)),
    rfind: fast(find(seq, 'rfind', true, false)),
    index: fast(find(seq, 'index', false, true)),
    rindex: fast(find(seq, 'rindex', true, true)),
    count: fast(count(seq)),
    startswith: fast(tailmatch(seq, 'startswith', false)),
    endswith: fast(tailmatch(seq, 'endswith', true)),
    split: kw(split(seq, false)),
    rsplit: kw(split(seq, true)),
    splitlines: kw(splitlines(seq)),
    join: one(join(seq)),
    partition: one(partition(seq, false)),
    rpartition: one(partition(seq, true)),
    strip: fast(strip(seq, 'strip', true, true)),
    lstrip: fast(strip(seq, 'lstrip', true, false)),
    rstrip: fast(strip(seq, 'rstrip', false, true)),
    center: fast(padding(seq, 'center', 'c')),
    ljust: fast(padding(seq, 'ljust', 'l')),
    rjust: fast(padding(seq, 'rjust', 'r')),
    zfill: one((o, w) => {
      const t = textOf(seq, o);
      return result(seq, o, zfillText(t, t.length, asIndex(w)), t);
    }),
    expandtabs: kw((o, a, k) => {
      const t = textOf(seq, o);
      return result(seq, o, expandTabsText(t, tabSize(a, k)), t);
    }),
    replace: fast(replace(seq)),
    removeprefix: one(affix(seq, false)),
    removesuffix: one(affix(seq, true)),
    lower: noargs(caseMap(seq, asciiLower)),
    upper: noargs(caseMap(seq, asciiUpper)),
    swapcase: noargs(caseMap(seq, asciiSwap)),
    capitalize: noargs(caseMap(seq, asciiCapitalize)),
    title: noargs(caseMap(seq, asciiTitle)),
    isascii: noargs((o) => newBool(seq.bytes(o).every((c) => c < 128))),
    isalpha: noargs(every(seq, isAsciiAlpha)),
    isalnum: noargs(every(seq, (c) => isAsciiAlpha(c) || isAsciiDigit(c))),
    isdigit: noargs(every(seq, isAsciiDigit)),
    isspace: noargs(every(seq, isAsciiSpace)),
    islower: noargs(caseTest(seq, isAsciiLower, isAsciiUpper)),
    isupper: noargs(caseTest(seq, isAsciiUpper, isAsciiLower)),
    istitle: noargs(istitle(seq)),
    translate: kw(translate(seq)),
    hex: kw(hex(seq)),
    decode: kw(decode(seq)),
  };
}
