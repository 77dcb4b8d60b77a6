import { beforeAll, describe, expect, it } from 'vitest';
import { bindFreshProcess, raised } from './session.js';
import { PyStr, newStr, strResult, emptyStr, strAllocSize, strSizeof } from '../../engine/objects/str.js';
import { callMethod, hash, reprString, richCompareBool, getItem, contains, binaryOp, BinaryOp, length, strString, collect } from '../../engine/objects/abstract.js';
import { CompareOp } from '../../engine/objects/type.js';
import { newInt, type PyInt } from '../../engine/objects/int.js';
import { None } from '../../engine/objects/singletons.js';
import type { PyObject } from '../../engine/objects/object.js';
import { applyLayouts } from '../../engine/objects/define.js';
import { setHashSeed } from '../../engine/objects/siphash.js';
import { profileFor } from '../../engine/profiles/index.js';
import { bindProcess, heap } from '../../engine/objects/heap.js';

// [text, repr, hash with PYTHONHASHSEED=0] as CPython 3.11 prints them.
const CASES: [string, string, string][] = JSON.parse(String.raw`[["a", "'a'", "4644417185603328019"], ["\u00e9", "'\u00e9'", "6047309291227476195"], ["\u20acuro", "'\u20acuro'", "7542247858446192590"], ["\ud83d\ude00x", "'\ud83d\ude00x'", "-8926728262118538918"], ["it's", "\"it's\"", "-8730089285106596815"], ["say \"hi\"", "'say \"hi\"'", "-2473473007779045240"], ["both ' and \"", "'both \\' and \"'", "-8315370148390134742"], ["tab\there\n", "'tab\\there\\n'", "-8308926854039254379"], ["\u0000\u007f\u0080\u00a0\u00ad", "'\\x00\\x7f\\x80\\xa0\\xad'", "3532274009465384794"], ["\u2028\u0378\ud800", "'\\u2028\\u0378\\ud800'", "-4291675071597119370"], ["\u2115", "'\u2115'", "3444163791174201861"], ["", "''", "0"]]`);

beforeAll(() => {
  bindFreshProcess();
});

describe('str repr and hash', () => {
  it.each(CASES)('%j', (text, rep, h) => {
    const s = newStr(text);
    expect(reprString(s)).toBe(rep);
    expect(hash(s)).toBe(BigInt(h));
  });
});

describe('str layout', () => {
  it('sizes compact ASCII, latin-1, UCS-2 and UCS-4 strings as 3.11 does', () => {
    const sizes = ['', 'a', 'ab', 'é', 'éa', '€', '😀'].map((t) => strAllocSize(new PyStr(newStr('').type, t)));
    expect(sizes).toEqual([49, 50, 51, 74, 75, 76, 80]);
  });

  it('uses 3.12\'s smaller headers under the 3.12 profile', () => {
    const saved = heap.profile;
    const p = profileFor('3.12');
    bindProcess(heap.allocator, p);
    applyLayouts(p);
    try {
      const sizes = ['', 'a', 'éa', '€', '😀'].map((t) => strAllocSize(new PyStr(emptyStr.type, t)));
      expect(sizes).toEqual([41, 42, 59, 60, 64]);
      expect(strSizeof(strResult('é'))).toBe(61);
    } finally {
      bindProcess(heap.allocator, saved);
      applyLayouts(saved);
    }
  });

  it('keeps the empty string and one-character latin-1 strings as singletons', () => {
    expect(strResult('')).toBe(emptyStr);
    expect(strResult('é')).toBe(strResult('é'));
    expect(strResult('ab')).not.toBe(strResult('ab'));
    expect(emptyStr.refcnt).toBeGreaterThanOrEqual(999999999);
  });
});

describe('str protocols', () => {
  it('compares by code point, including astral characters', () => {
    const astral = newStr('\u{1F600}');
    const bmp = newStr('\uffff');
    expect(richCompareBool(astral, bmp, CompareOp.GT)).toBe(true);
    expect(richCompareBool(newStr('abc'), newStr('abd'), CompareOp.LT)).toBe(true);
    expect(richCompareBool(newStr('abc'), newStr('abc'), CompareOp.EQ)).toBe(true);
  });

  it('indexes, concatenates, repeats and iterates by code point', () => {
    const s = newStr('a😀b');
    expect(length(s)).toBe(3);
    expect(strString(getItem(s, newInt(1)))).toBe('😀');
    expect(strString(getItem(s, newInt(-1)))).toBe('b');
    expect(raised(() => getItem(s, newInt(3)))).toBe('IndexError: string index out of range');
    expect(strString(binaryOp(s, newStr('!'), BinaryOp.ADD))).toBe('a😀b!');
    expect(strString(s.type.sq_repeat!(newStr('ab'), 3))).toBe('ababab');
    expect(raised(() => binaryOp(newStr('ab'), newInt(3), BinaryOp.ADD))).toBe('TypeError: can only concatenate str (not "int") to str');
    expect(collect(s).map((c) => strString(c))).toEqual(['a', '😀', 'b']);
    expect(contains(s, newStr('😀b'))).toBe(true);
    expect(raised(() => contains(s, newInt(1)))).toBe("TypeError: 'in <string>' requires string as left operand, not int");
  });
});

describe('split results', () => {
  it('preallocate their list as stringlib does (sizes from CPython 3.11)', () => {
    const size = (text: string, ...args: PyObject[]) => Number((callMethod(callMethod(newStr(text), 'split', args), '__sizeof__', []) as PyInt).value) + 16;
    expect(size('a b c')).toBe(152);
    expect(size('a b c', None, newInt(1))).toBe(72);
    expect(size('abcdefghijklmnop'.split('').join(','), newStr(','))).toBe(216);
  });
});

describe('hash seed', () => {
  it('rehashes long-lived strings when the seed changes', () => {
    const e = strResult('é');
    const h0 = hash(e);
    setHashSeed(1);
    try {
      expect(hash(e)).not.toBe(h0);
      expect(hash(newStr('a'))).toBe(-3012895188637184397n);
    } finally {
      setHashSeed(0);
    }
    expect(hash(e)).toBe(h0);
  });
});
