// The methods of str (Objects/unicodeobject.c and the stringlib routines it instantiates):
// searching, splitting, stripping, padding, case mapping, predicates and translation.
import { PyObject, decref, newref } from '../object.js';
import { extendType } from '../define.js';
import { PyStr, emptyStr, strResult, strType } from '../str.js';
import { newBool, newInt } from '../int.js';
import { None } from '../singletons.js';
import { PyTuple, newTuple } from '../tuple.js';
import { listAppend, newList } from '../list.js';
import { allocBuffer } from '../heap.js';
import { LookupError, PyBaseException, TypeError, exceptionMatches, typeError, valueError } from '../exceptions.js';
import { asIndex, collect, getItem, getIter } from '../abstract.js';
import { PyDict, dictGetItem, dictItems, dictSetItem, dictType, newDict } from '../dict.js';
import { checkPositional, checkTupleRange, unpackKeywords } from './args.js';
import { strFormat, strFormatMap } from './format.js';
import { codePoints, cpIndex, substring, unitIndex } from './text.js';
import { isIndexable } from './sliceargs.js';
import {
  isAlpha, isCased, isCaseIgnorable, isDecimal, isDigit, isLinebreak, isLower, isNumeric, isPrintable,
  isSpace, isTitle, isUpper, isUpperOrTitle, isXidContinue, isXidStart,
} from './ctype.js';

type Args = PyObject[];

function self(o: PyObject): PyStr {
  return o as PyStr;
}

/** unicode_result_unchanged: an exact str whose text did not change is returned itself. */
function sameOrNew(s: PyStr, value: string): PyObject {
  return value === s.value && s.type === strType ? newref(s) : strResult(value);
}

/** PyList_New(0) filled by PyList_Append (splitlines): the list takes over the references. */
export function listOf(items: PyObject[]): PyObject {
  const l = newList([]);
  for (const x of items) {
    listAppend(l, x);
    decref(x);
  }
  return l;
}

const MAX_PREALLOC = 12;

// Objects/stringlib/split.h: the result list starts with PREALLOC_SIZE(maxcount) slots, the
// pieces beyond them are appended, and the size is then set without shrinking.
export function splitList(items: PyObject[], maxcount: number): PyObject {
  const prealloc = maxcount >= MAX_PREALLOC ? MAX_PREALLOC : maxcount + 1;
  const l = newList([]);
  l.bufAddr = allocBuffer(prealloc * 8);
  l.allocated = prealloc;
  items.forEach((x, i) => {
    if (i < prealloc) l.items.push(x);
    else {
      listAppend(l, x);
      decref(x);
    }
  });
  return l;
}

function strArg(o: PyObject, what: string): PyStr {
  if (!(o instanceof PyStr)) throw typeError(`${what}, not ${o.type.name}`);
  return o;
}

// ------------------------------------------------------------------ search with ranges

const SSIZE_MAX = 9223372036854775807;

// Python/ceval.c _PyEval_SliceIndex for the start/end of find, count, startswith...
export function rangeIndex(o: PyObject | undefined, dflt: number): number {
  if (o === undefined || o === None) return dflt;
  if (!isIndexable(o)) throw typeError('slice indices must be integers or None or have an __index__ method');
  return Math.max(-SSIZE_MAX, Math.min(SSIZE_MAX, asIndex(o)));
}

/** ADJUST_INDICES of stringlib: start and end clipped into [0, len]. */
export function adjust(start: number, end: number, len: number): [number, number] {
  if (end > len) end = len;
  else if (end < 0) {
    end += len;
    if (end < 0) end = 0;
  }
  if (start < 0) {
    start += len;
    if (start < 0) start = 0;
  }
  return [start, end];
}

interface Found {
  text: string;
  /** the JS bounds of the searched range */
  start: number;
  end: number;
  /** Python index of the range start, to convert results */
  s: PyStr;
}

// Objects/unicodeobject.c parse_args_finds_unicode + any_find_slice's range handling
function findArgs(name: string, o: PyObject, args: Args): [PyStr, Found | null] {
  checkTupleRange(name, args, 1, 3);
  const s = self(o);
  const sub = strArg(args[0]!, 'must be str');
  let [start, end] = adjust(rangeIndex(args[1], 0), rangeIndex(args[2], SSIZE_MAX), s.length);
  if (start > s.length || end - start < sub.length) return [sub, null];
  start = unitIndex(s, start);
  end = unitIndex(s, end);
  return [sub, { text: s.value, start, end, s }];
}

function findIn(sub: PyStr, r: Found | null, reverse: boolean): number {
  if (r === null) return -1;
  const t = r.text;
  const n = sub.value.length;
  let i: number;
  if (reverse) {
    i = r.end - n < r.start ? -1 : t.lastIndexOf(sub.value, r.end - n);
    if (i < r.start) i = -1;
  } else {
    i = t.indexOf(sub.value, r.start);
    if (i + n > r.end) i = -1;
  }
  return i < 0 ? -1 : cpIndex(r.s, i);
}

function find(name: string, reverse: boolean, raise: boolean) {
  return (o: PyObject, args: Args): PyObject => {
    const [sub, r] = findArgs(name, o, args);
    const i = findIn(sub, r, reverse);
    if (i < 0 && raise) throw valueError('substring not found');
    return newInt(i);
  };
}

function count(o: PyObject, args: Args): PyObject {
  const [sub, r] = findArgs('count', o, args);
  if (r === null) return newInt(0);
  if (sub.length === 0) return newInt(cpIndex(r.s, r.end) - cpIndex(r.s, r.start) + 1);
  let n = 0;
  for (let i = r.text.indexOf(sub.value, r.start); i >= 0 && i + sub.value.length <= r.end; i = r.text.indexOf(sub.value, i + sub.value.length)) n++;
  return newInt(n);
}

// Objects/unicodeobject.c unicode_startswith / tailmatch
function tailmatch(name: string, atEnd: boolean) {
  return (o: PyObject, args: Args): PyObject => {
    checkTupleRange(name, args, 1, 3);
    const s = self(o);
    const start = rangeIndex(args[1], 0);
    const end = rangeIndex(args[2], SSIZE_MAX);
    const match = (sub: PyStr): boolean => {
      let [a, b] = adjust(start, end, s.length);
      b -= sub.length;
      if (b < a || a > s.length) return false;
      if (sub.length === 0) return true;
      const text = substring(s, atEnd ? b : a, (atEnd ? b : a) + sub.length);
      return text === sub.value;
    };
    const prefix = args[0]!;
    if (prefix instanceof PyTuple) {
      for (const item of prefix.items) {
        if (!(item instanceof PyStr)) throw typeError(`tuple for ${name} must only contain str, not ${item.type.name}`);
        if (match(item)) return newBool(true);
      }
      return newBool(false);
    }
    if (!(prefix instanceof PyStr)) throw typeError(`${name} first arg must be str or a tuple of str, not ${prefix.type.name}`);
    return newBool(match(prefix));
  };
}

// ------------------------------------------------------------------ split and join

/** Separator argument of split/rsplit: null means runs of whitespace. */
function splitArgs(name: string, args: Args, kwnames: readonly string[] | null): [PyStr | null, number] {
  const [sepArg, maxArg] = unpackKeywords(name, ['sep', 'maxsplit'], args, kwnames);
  let sep: PyStr | null = null;
  if (sepArg !== undefined && sepArg !== None) {
    sep = strArg(sepArg, `must be str or None`);
    if (sep.length === 0) throw valueError('empty separator');
  }
  let maxsplit = maxArg === undefined ? -1 : asIndex(maxArg);
  if (maxsplit < 0) maxsplit = SSIZE_MAX;
  return [sep, maxsplit];
}

/** Whether the unit at t[i] is whitespace (str's Unicode test, or bytes' ASCII one). */
export type SpaceTest = (t: string, i: number) => boolean;

const isSpaceAt: SpaceTest = (t, i) => isSpace(t.charCodeAt(i));

// Objects/stringlib/split.h split_whitespace / split_char / split
export function splitText(t: string, sep: string | null, maxsplit: number, isSpaceAt: SpaceTest): string[] {
  const out: string[] = [];
  if (sep === null) {
    let i = 0;
    const n = t.length;
    while (maxsplit-- > 0) {
      while (i < n && isSpaceAt(t, i)) i++;
      if (i === n) break;
      const j = i;
      while (i < n && !isSpaceAt(t, i)) i++;
      out.push(t.slice(j, i));
    }
    if (i < n) {
      while (i < n && isSpaceAt(t, i)) i++;
      if (i !== n) out.push(t.slice(i));
    }
    return out;
  }
  let i = 0;
  while (maxsplit-- > 0) {
    const k = t.indexOf(sep, i);
    if (k < 0) break;
    out.push(t.slice(i, k));
    i = k + sep.length;
  }
  out.push(t.slice(i));
  return out;
}

// Objects/stringlib/split.h rsplit_whitespace / rsplit
export function rsplitText(t: string, sep: string | null, maxsplit: number, isSpaceAt: SpaceTest): string[] {
  const out: string[] = [];
  if (sep === null) {
    let i = t.length - 1;
    while (maxsplit-- > 0) {
      while (i >= 0 && isSpaceAt(t, i)) i--;
      if (i < 0) break;
      const j = i;
      while (i >= 0 && !isSpaceAt(t, i)) i--;
      out.push(t.slice(i + 1, j + 1));
    }
    if (i >= 0) {
      while (i >= 0 && isSpaceAt(t, i)) i--;
      if (i >= 0) out.push(t.slice(0, i + 1));
    }
    return out.reverse();
  }
  let end = t.length;
  while (maxsplit-- > 0) {
    const k = end - sep.length < 0 ? -1 : t.lastIndexOf(sep, end - sep.length);
    if (k < 0) break;
    out.push(t.slice(k + sep.length, end));
    end = k;
  }
  out.push(t.slice(0, end));
  return out.reverse();
}

/** The pieces of a split as str objects; a whole unsplit exact str is itself (as stringlib). */
function pieces(s: PyStr, parts: string[]): PyObject[] {
  return parts.map((p) => (p.length === s.value.length && s.type === strType ? newref(s) : strResult(p)));
}

function split(reverse: boolean) {
  return (o: PyObject, args: Args, kwnames: readonly string[] | null): PyObject => {
    const s = self(o);
    const [sep, maxsplit] = splitArgs(reverse ? 'rsplit' : 'split', args, kwnames);
    const sepText = sep ? sep.value : null;
    return splitList(pieces(s, reverse ? rsplitText(s.value, sepText, maxsplit, isSpaceAt) : splitText(s.value, sepText, maxsplit, isSpaceAt)), maxsplit);
  };
}

// Objects/stringlib/split.h splitlines
function splitlines(o: PyObject, args: Args, kwnames: readonly string[] | null): PyObject {
  const s = self(o);
  return listOf(pieces(s, splitLinesText(s.value, keepEnds(args, kwnames), isLinebreak)));
}

export function keepEnds(args: Args, kwnames: readonly string[] | null): boolean {
  const [keepArg] = unpackKeywords('splitlines', ['keepends'], args, kwnames);
  return keepArg !== undefined && asIndex(keepArg) !== 0;
}

export function splitLinesText(t: string, keep: boolean, isLinebreak: (c: number) => boolean): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < t.length) {
    const j = i;
    while (i < t.length && !isLinebreak(t.charCodeAt(i))) i++;
    let eol = i;
    if (i < t.length) {
      i += t.charCodeAt(i) === 13 && t.charCodeAt(i + 1) === 10 ? 2 : 1;
      if (keep) eol = i;
    }
    out.push(t.slice(j, eol));
  }
  return out;
}

// Objects/unicodeobject.c _PyUnicode_JoinArray
function join(o: PyObject, iterable: PyObject): PyObject {
  const s = self(o);
  const items = iterable instanceof PyTuple ? iterable.items.map((x) => newref(x)) : collectForJoin(iterable);
  try {
    if (items.length === 1 && items[0]!.type === strType) return newref(items[0]!);
    const texts: string[] = [];
    items.forEach((item, i) => {
      if (!(item instanceof PyStr)) throw typeError(`sequence item ${i}: expected str instance, ${item.type.name} found`);
      texts.push(item.value);
    });
    return strResult(texts.join(s.value));
  } finally {
    for (const x of items) decref(x);
  }
}

/** PySequence_Fast's items, with join's message for what is not iterable. */
function collectForJoin(iterable: PyObject): PyObject[] {
  let it: PyObject;
  try {
    it = getIter(iterable);
  } catch (e) {
    if (e instanceof PyBaseException && exceptionMatches(e, TypeError)) {
      decref(e);
      throw typeError('can only join an iterable');
    }
    throw e;
  }
  decref(it);
  return collect(iterable);
}

function partition(reverse: boolean) {
  return (o: PyObject, sepObj: PyObject): PyObject => {
    const s = self(o);
    const sep = strArg(sepObj, 'must be str');
    if (sep.length === 0) throw valueError('empty separator');
    const t = s.value;
    const k = reverse ? t.lastIndexOf(sep.value) : t.indexOf(sep.value);
    if (k < 0) {
      const whole = s.type === strType ? newref(s) : strResult(t);
      return reverse ? newTuple([newref(emptyStr), newref(emptyStr), whole]) : newTuple([whole, newref(emptyStr), newref(emptyStr)]);
    }
    return newTuple([strResult(t.slice(0, k)), newref(sep), strResult(t.slice(k + sep.value.length))]);
  };
}

// ------------------------------------------------------------------ strip and pad

// Objects/unicodeobject.c do_argstrip / do_strip / _PyUnicode_XStrip
function strip(name: string, left: boolean, right: boolean) {
  return (o: PyObject, args: Args): PyObject => {
    checkPositional(name, args, 0, 1);
    const s = self(o);
    const charsArg = args[0];
    let keep: (c: string) => boolean;
    if (charsArg === undefined || charsArg === None) keep = (c) => !isSpace(c.codePointAt(0)!);
    else {
      if (!(charsArg instanceof PyStr)) throw typeError(`${name} arg must be None or str`);
      const set = new Set(Array.from(charsArg.value));
      keep = (c) => !set.has(c);
    }
    const chars = s.kind === 4 ? codePoints(s) : s.value.split('');
    let i = 0;
    let j = chars.length;
    if (left) while (i < j && !keep(chars[i]!)) i++;
    if (right) while (j > i && !keep(chars[j - 1]!)) j--;
    return sameOrNew(s, chars.slice(i, j).join(''));
  };
}

function fillChar(name: string, o: PyObject | undefined): string {
  if (o === undefined) return ' ';
  if (!(o instanceof PyStr)) throw typeError(`${name}() argument 2 must be str, not ${o.type.name}`);
  if (o.length !== 1) throw typeError('The fill character must be exactly one character long');
  return o.value;
}

// Objects/unicodeobject.c pad via unicode_center / ljust / rjust
function padding(name: string, where: PadSide) {
  return (o: PyObject, args: Args): PyObject => {
    checkPositional(name, args, 1, 2);
    const width = asIndex(args[0]!);
    const fillArg = args[1];
    if (fillArg !== undefined && !(fillArg instanceof PyStr)) {
      throw typeError(`The fill character must be a unicode character, not ${fillArg.type.name}`);
    }
    const fill = fillChar(name, fillArg);
    const s = self(o);
    if (width <= s.length) return sameOrNew(s, s.value);
    return strResult(padText(s.value, s.length, width, fill, where));
  };
}

export type PadSide = 'l' | 'r' | 'c';

/** `t` (of `len` characters) padded to `width` with `fill`: left-justified, right or centred. */
export function padText(t: string, len: number, width: number, fill: string, where: PadSide): string {
  if (width <= len) return t;
  const marg = width - len;
  let left = 0;
  if (where === 'r') left = marg;
  else if (where === 'c') left = Math.floor(marg / 2) + (marg & width & 1);
  return fill.repeat(left) + t + fill.repeat(marg - left);
}

// Objects/unicodeobject.c unicode_zfill_impl
function zfill(o: PyObject, w: PyObject): PyObject {
  const width = asIndex(w);
  const s = self(o);
  if (width <= s.length) return sameOrNew(s, s.value);
  return strResult(zfillText(s.value, s.length, width));
}

/** Zeros on the left up to `width`, after a leading sign. */
export function zfillText(t: string, len: number, width: number): string {
  if (width <= len) return t;
  const fill = width - len;
  let out = '0'.repeat(fill) + t;
  if (out[fill] === '+' || out[fill] === '-') out = out[fill] + '0' + out.slice(1, fill) + out.slice(fill + 1);
  return out;
}

// Objects/unicodeobject.c unicode_expandtabs_impl
function expandtabs(o: PyObject, args: Args, kwnames: readonly string[] | null): PyObject {
  const s = self(o);
  return sameOrNew(s, expandTabsText(s.value, tabSize(args, kwnames)));
}

export function tabSize(args: Args, kwnames: readonly string[] | null): number {
  const [tabArg] = unpackKeywords('expandtabs', ['tabsize'], args, kwnames);
  return tabArg === undefined ? 8 : asIndex(tabArg);
}

export function expandTabsText(t: string, tabsize: number): string {
  let out = '';
  let col = 0;
  for (const c of t) {
    if (c === '\t') {
      if (tabsize > 0) {
        const incr = tabsize - (col % tabsize);
        out += ' '.repeat(incr);
        col += incr;
      }
    } else {
      out += c;
      col++;
      if (c === '\n' || c === '\r') col = 0;
    }
  }
  return out;
}

// Objects/unicodeobject.c replace
function replace(o: PyObject, args: Args): PyObject {
  checkPositional('replace', args, 2, 3);
  const s = self(o);
  const oldS = strArg(args[0]!, 'replace() argument 1 must be str');
  const newS = strArg(args[1]!, 'replace() argument 2 must be str');
  const chars = oldS.length === 0 ? (s.kind === 4 ? codePoints(s) : s.value.split('')) : null;
  const out = replaceText(s.value, chars, oldS.value, newS.value, replaceCount(args[2]));
  return out === null ? sameOrNew(s, s.value) : strResult(out);
}

export function replaceCount(o: PyObject | undefined): number {
  const n = o === undefined ? -1 : asIndex(o);
  return n < 0 ? SSIZE_MAX : n;
}

/** The text with `oldT` replaced (null when nothing changes); `chars` splits it by character
 *  for an empty `oldT`, which inserts `newT` between characters. */
export function replaceText(t: string, chars: string[] | null, oldT: string, newT: string, maxcount: number): string | null {
  if (maxcount === 0) return null;
  let out = '';
  if (chars !== null) {
    const n = Math.min(maxcount, chars.length + 1);
    for (let i = 0; i < chars.length; i++) out += (i < n ? newT : '') + chars[i];
    if (n > chars.length) out += newT;
    return out;
  }
  let i = 0;
  let done = 0;
  for (let k = t.indexOf(oldT); k >= 0 && done < maxcount; k = t.indexOf(oldT, i), done++) {
    out += t.slice(i, k) + newT;
    i = k + oldT.length;
  }
  return done === 0 ? null : out + t.slice(i);
}

function affix(name: string, atEnd: boolean) {
  return (o: PyObject, a: PyObject): PyObject => {
    const s = self(o);
    const x = strArg(a, `${name}() argument must be str`);
    const t = s.value;
    if (x.length && (atEnd ? t.endsWith(x.value) : t.startsWith(x.value))) {
      return strResult(atEnd ? t.slice(0, t.length - x.value.length) : t.slice(x.value.length));
    }
    return sameOrNew(s, t);
  };
}

// ------------------------------------------------------------------ case mapping

/** Titlecase mappings that differ from the uppercase one (UnicodeData's third case field). */
const TITLE_CASE: Record<string, string> = {
  'Ǆ': 'ǅ', 'ǅ': 'ǅ', 'ǆ': 'ǅ', 'Ǉ': 'ǈ', 'ǈ': 'ǈ', 'ǉ': 'ǈ', 'Ǌ': 'ǋ', 'ǋ': 'ǋ', 'ǌ': 'ǋ',
  'Ǳ': 'ǲ', 'ǲ': 'ǲ', 'ǳ': 'ǲ',
};

function toTitle(c: string): string {
  const t = TITLE_CASE[c];
  if (t) return t;
  const u = c.toUpperCase();
  return u.length > 1 && Array.from(u).length > 1 ? Array.from(u)[0]! + Array.from(u).slice(1).join('').toLowerCase() : u;
}

/** Lowercase of one character at index i of `chars`, with the final-sigma rule of lower(). */
function lowerAt(chars: string[], i: number): string {
  const c = chars[i]!;
  if (c !== 'Σ') return c.toLowerCase();
  return finalSigma(chars, i) ? 'ς' : 'σ';
}

// Objects/unicodeobject.c handle_capital_sigma
function finalSigma(chars: string[], i: number): boolean {
  let j = i - 1;
  while (j >= 0 && isCaseIgnorable(chars[j]!.codePointAt(0)!)) j--;
  const before = j >= 0 && isCased(chars[j]!.codePointAt(0)!);
  j = i + 1;
  while (j < chars.length && isCaseIgnorable(chars[j]!.codePointAt(0)!)) j++;
  const after = j < chars.length && isCased(chars[j]!.codePointAt(0)!);
  return before && !after;
}

/** Case folding for the characters where it is not lower(upper(c)). */
function foldChar(c: string): string {
  const cp = c.codePointAt(0)!;
  if (cp === 0x131) return c;
  if ((cp >= 0x13f8 && cp <= 0x13fd) || (cp >= 0xab70 && cp <= 0xabbf)) return c.toUpperCase();
  return c.toUpperCase().toLowerCase();
}

function caseMap(map: (chars: string[]) => string) {
  return (o: PyObject): PyObject => {
    const s = self(o);
    return strResult(map(Array.from(s.value)));
  };
}

const lower = caseMap((cs) => cs.map((_, i) => lowerAt(cs, i)).join(''));
const upper = caseMap((cs) => cs.map((c) => c.toUpperCase()).join(''));
const casefold = caseMap((cs) => cs.map(foldChar).join(''));
const swapcase = caseMap((cs) =>
  cs.map((c, i) => {
    const cp = c.codePointAt(0)!;
    if (isUpper(cp)) return lowerAt(cs, i);
    if (isLower(cp)) return c.toUpperCase();
    return c;
  }).join(''));
// Objects/unicodeobject.c do_capitalize: the first character titlecased, the rest lowercased
const capitalize = caseMap((cs) => cs.map((c, i) => (i === 0 ? toTitle(c) : lowerAt(cs, i))).join(''));
// Objects/unicodeobject.c do_title
const title = caseMap((cs) => {
  let prevCased = false;
  return cs.map((c, i) => {
    const cp = c.codePointAt(0)!;
    const r = prevCased ? lowerAt(cs, i) : toTitle(c);
    prevCased = isCased(cp);
    return r;
  }).join('');
});

// ------------------------------------------------------------------ predicates

function every(test: (cp: number) => boolean, emptyResult = false) {
  return (o: PyObject): PyObject => {
    const s = self(o);
    if (s.length === 0) return newBool(emptyResult);
    for (const c of s.value) if (!test(c.codePointAt(0)!)) return newBool(false);
    return newBool(true);
  };
}

// Objects/unicodeobject.c unicode_islower_impl / unicode_isupper_impl
function caseTest(want: (cp: number) => boolean, reject: (cp: number) => boolean) {
  return (o: PyObject): PyObject => {
    let cased = false;
    for (const c of self(o).value) {
      const cp = c.codePointAt(0)!;
      if (reject(cp)) return newBool(false);
      if (!cased && want(cp)) cased = true;
    }
    return newBool(cased);
  };
}

// Objects/unicodeobject.c unicode_istitle_impl
function istitle(o: PyObject): PyObject {
  let cased = false;
  let previousCased = false;
  for (const c of self(o).value) {
    const cp = c.codePointAt(0)!;
    if (isUpperOrTitle(cp)) {
      if (previousCased) return newBool(false);
      previousCased = cased = true;
    } else if (isLower(cp)) {
      if (!previousCased) return newBool(false);
      previousCased = cased = true;
    } else previousCased = false;
  }
  return newBool(cased);
}

// Objects/unicodeobject.c PyUnicode_IsIdentifier
function isidentifier(o: PyObject): PyObject {
  const chars = Array.from(self(o).value);
  if (chars.length === 0) return newBool(false);
  const first = chars[0]!.codePointAt(0)!;
  if (!isXidStart(first)) return newBool(false);
  return newBool(chars.every((c, i) => i === 0 || isXidContinue(c.codePointAt(0)!)));
}

// ------------------------------------------------------------------ translate

// Objects/unicodeobject.c unicode_maketrans_impl
function maketrans(_cls: PyObject, args: Args): PyObject {
  checkPositional('maketrans', args, 1, 3);
  const [x, y, z] = args;
  const d = newDict();
  try {
    if (y !== undefined) {
      const xs = strArg(x!, 'maketrans() argument 1 must be str');
      const ys = strArg(y, 'maketrans() argument 2 must be str');
      const xc = Array.from(xs.value);
      const yc = Array.from(ys.value);
      if (xc.length !== yc.length) throw valueError('the first two maketrans arguments must have equal length');
      xc.forEach((c, i) => setCode(d, c.codePointAt(0)!, newInt(yc[i]!.codePointAt(0)!)));
      if (z !== undefined) {
        const zs = strArg(z, 'maketrans() argument 3 must be str');
        for (const c of zs.value) setCode(d, c.codePointAt(0)!, newref(None));
      }
      return d;
    }
    if (!(x instanceof PyDict)) throw typeError('if you give only one argument to maketrans it must be a dict');
    for (const [k, v] of dictItems(x)) {
      if (k instanceof PyStr) {
        if (k.length !== 1) throw valueError('string keys in translate table must be of length 1');
        setCode(d, k.value.codePointAt(0)!, newref(v));
      } else if (isIndexable(k)) {
        dictSetItem(d, k, v);
      } else throw typeError('keys in translate table must be strings or integers');
    }
    return d;
  } catch (e) {
    decref(d);
    throw e;
  }
}

function setCode(d: PyDict, cp: number, value: PyObject): void {
  const k = newInt(cp);
  dictSetItem(d, k, value);
  decref(k);
  decref(value);
}

// Objects/unicodeobject.c _PyUnicode_TranslateCharmap
function translate(o: PyObject, table: PyObject): PyObject {
  const s = self(o);
  let out = '';
  const cache = new Map<number, string | null>();
  for (const c of s.value) {
    const cp = c.codePointAt(0)!;
    let r = cache.get(cp);
    if (r === undefined) {
      r = lookupCharmap(table, cp, c);
      cache.set(cp, r);
    }
    if (r !== null) out += r;
  }
  return sameOrNew(s, out);
}

/** The replacement of one character: itself when the table has no entry, null to delete it. */
function lookupCharmap(table: PyObject, cp: number, c: string): string | null {
  const key = newInt(cp);
  let v: PyObject;
  try {
    if (table.type === dictType) {
      const found = dictGetItem(table as PyDict, key);
      if (found === null) return c;
      v = newref(found);
    } else v = getItem(table, key);
  } catch (e) {
    if (e instanceof PyBaseException && exceptionMatches(e, LookupError)) {
      decref(e);
      return c;
    }
    throw e;
  } finally {
    decref(key);
  }
  try {
    if (v === None) return null;
    if (v instanceof PyStr) return v.value;
    if (isIndexable(v)) {
      const n = asIndex(v);
      if (n < 0 || n > 0x10ffff) throw valueError('character mapping must be in range(0x110000)');
      return String.fromCodePoint(n);
    }
    throw typeError('character mapping must return integer, None or str');
  } finally {
    decref(v);
  }
}

// ------------------------------------------------------------------ the method table

const noargs = (fn: (o: PyObject) => PyObject) => ({ kind: 'noargs' as const, fn });
const fast = (fn: (o: PyObject, args: Args) => PyObject) => ({ kind: 'fast' as const, fn });
const one = (fn: (o: PyObject, a: PyObject) => PyObject) => ({ kind: 'o' as const, fn });
const fastkw = (fn: (o: PyObject, args: Args, kw: readonly string[] | null) => PyObject) => ({ kind: 'fastkw' as const, fn });

extendType(strType, {
  methods: {
    find: fast(find('find', false, false)),
    rfind: fast(find('rfind', true, false)),
    index: fast(find('index', false, true)),
    rindex: fast(find('rindex', true, true)),
    count: fast(count),
    startswith: fast(tailmatch('startswith', false)),
    endswith: fast(tailmatch('endswith', true)),
    split: fastkw(split(false)),
    rsplit: fastkw(split(true)),
    splitlines: fastkw(splitlines),
    join: one(join),
    partition: one(partition(false)),
    rpartition: one(partition(true)),
    strip: fast(strip('strip', true, true)),
    lstrip: fast(strip('lstrip', true, false)),
    rstrip: fast(strip('rstrip', false, true)),
    center: fast(padding('center', 'c')),
    ljust: fast(padding('ljust', 'l')),
    rjust: fast(padding('rjust', 'r')),
    zfill: one(zfill),
    expandtabs: fastkw(expandtabs),
    replace: fast(replace),
    removeprefix: one(affix('removeprefix', false)),
    removesuffix: one(affix('removesuffix', true)),
    lower: noargs(lower),
    upper: noargs(upper),
    casefold: noargs(casefold),
    swapcase: noargs(swapcase),
    capitalize: noargs(capitalize),
    title: noargs(title),
    isascii: noargs((o) => newBool(self(o).ascii)),
    isalpha: noargs(every(isAlpha)),
    isalnum: noargs(every((c) => isAlpha(c) || isDecimal(c) || isDigit(c) || isNumeric(c))),
    isdecimal: noargs(every(isDecimal)),
    isdigit: noargs(every(isDigit)),
    isnumeric: noargs(every(isNumeric)),
    isspace: noargs(every(isSpace)),
    isprintable: noargs(every(isPrintable, true)),
    islower: noargs(caseTest(isLower, (c) => isUpper(c) || isTitle(c))),
    isupper: noargs(caseTest(isUpper, (c) => isLower(c) || isTitle(c))),
    istitle: noargs(istitle),
    isidentifier: noargs(isidentifier),
    translate: one(translate),
    format: fastkw(strFormat),
    format_map: one(strFormatMap),
  },
  classMethods: { maketrans: fast(maketrans) },
});
