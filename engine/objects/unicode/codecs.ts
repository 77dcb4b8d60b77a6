// The built-in codecs of str.encode and bytes.decode (Objects/unicodeobject.c and
// Objects/stringlib/codecs.h): UTF-8, ASCII, latin-1, UTF-16 and UTF-32, with the standard error
// handlers of Python/codecs.c, the ones registered from Python, and CPython's UnicodeError reasons.
import { pyErr, LookupError, type PyBaseException } from '../exceptions.js';
import { unicodeDecodeError, unicodeEncodeError } from './codecerrors.js';
import { latin1 } from './latin1.js';
import { callErrorHandler } from './errorhandlers.js';

type Codec = 'utf-8' | 'utf-8-sig' | 'ascii' | 'latin-1' | 'utf-16' | 'utf-16-le' | 'utf-16-be' | 'utf-32' | 'utf-32-le' | 'utf-32-be';

const ALIASES: Record<string, Codec> = {
  utf_8: 'utf-8', utf8: 'utf-8', u8: 'utf-8', utf: 'utf-8', utf8_ucs2: 'utf-8', utf8_ucs4: 'utf-8', cp65001: 'utf-8',
  utf_8_sig: 'utf-8-sig',
  ascii: 'ascii', us_ascii: 'ascii', '646': 'ascii', ansi_x3_4_1968: 'ascii', ansi_x3_4_1986: 'ascii', cp367: 'ascii',
  csascii: 'ascii', ibm367: 'ascii', iso646_us: 'ascii', iso_646_irv_1991: 'ascii', iso_ir_6: 'ascii', us: 'ascii',
  latin_1: 'latin-1', latin1: 'latin-1', latin: 'latin-1', l1: 'latin-1', iso_8859_1: 'latin-1', iso8859_1: 'latin-1',
  '8859': 'latin-1', cp819: 'latin-1', ibm819: 'latin-1', iso_ir_100: 'latin-1', csisolatin1: 'latin-1',
  utf_16: 'utf-16', utf16: 'utf-16', u16: 'utf-16', utf_16le: 'utf-16-le', utf_16_le: 'utf-16-le',
  utf_16be: 'utf-16-be', utf_16_be: 'utf-16-be',
  utf_32: 'utf-32', utf32: 'utf-32', u32: 'utf-32', utf_32le: 'utf-32-le', utf_32_le: 'utf-32-le',
  utf_32be: 'utf-32-be', utf_32_be: 'utf-32-be',
};

// Lib/encodings/__init__.py normalize_encoding + the alias table
export function builtinCodecName(encoding: string): Codec | null {
  const key = encoding.trim().toLowerCase().replace(/[^a-z0-9.]+/g, '_').replace(/^_+|_+$/g, '');
  return ALIASES[key] ?? null;
}

function lookupCodec(encoding: string): Codec {
  const c = builtinCodecName(encoding);
  if (!c) throw pyErr(LookupError, `unknown encoding: ${encoding}`);
  return c;
}

const HANDLERS = new Set(['strict', 'ignore', 'replace', 'backslashreplace', 'surrogateescape', 'xmlcharrefreplace', 'surrogatepass', 'namereplace']);

function unknownHandler(errors: string): PyBaseException {
  return pyErr(LookupError, `unknown error handler name '${errors}'`);
}

const hex = (n: number, w: number): string => n.toString(16).padStart(w, '0');

// ------------------------------------------------------------------ encoding

/** Bytes being built, growing as needed. */
class ByteWriter {
  buf = new Uint8Array(64);
  len = 0;
  push(b: number): void {
    if (this.len === this.buf.length) {
      const n = new Uint8Array(this.buf.length * 2);
      n.set(this.buf);
      this.buf = n;
    }
    this.buf[this.len++] = b;
  }
  result(): Uint8Array {
    return this.buf.slice(0, this.len);
  }
}

interface Encoder {
  name: string;
  /** Appends one code point; false when the codec cannot encode it. */
  put(w: ByteWriter, cp: number): boolean;
  reason: string;
  /** How far an error run extends from an unencodable character. */
  alsoBad(cp: number): boolean;
}

const isSurrogate = (cp: number): boolean => cp >= 0xd800 && cp <= 0xdfff;

function utf8Put(w: ByteWriter, cp: number): boolean {
  if (cp < 0x80) w.push(cp);
  else if (cp < 0x800) {
    w.push(0xc0 | (cp >> 6));
    w.push(0x80 | (cp & 0x3f));
  } else if (cp < 0x10000) {
    if (isSurrogate(cp)) return false;
    w.push(0xe0 | (cp >> 12));
    w.push(0x80 | ((cp >> 6) & 0x3f));
    w.push(0x80 | (cp & 0x3f));
  } else {
    w.push(0xf0 | (cp >> 18));
    w.push(0x80 | ((cp >> 12) & 0x3f));
    w.push(0x80 | ((cp >> 6) & 0x3f));
    w.push(0x80 | (cp & 0x3f));
  }
  return true;
}

function unitsPut(size: 2 | 4, big: boolean) {
  const putUnit = (w: ByteWriter, u: number): void => {
    for (let k = 0; k < size; k++) w.push((u >>> (8 * (big ? size - 1 - k : k))) & 0xff);
  };
  return (w: ByteWriter, cp: number): boolean => {
    if (isSurrogate(cp)) return false;
    if (size === 2 && cp > 0xffff) {
      putUnit(w, 0xd800 + ((cp - 0x10000) >> 10));
      putUnit(w, 0xdc00 + ((cp - 0x10000) & 0x3ff));
    } else putUnit(w, cp);
    return true;
  };
}

function limitEncoder(name: string, limit: number): Encoder {
  return {
    name,
    put: (w, cp) => {
      if (cp >= limit) return false;
      w.push(cp);
      return true;
    },
    reason: `ordinal not in range(${limit})`,
    alsoBad: (cp) => cp >= limit,
  };
}

function encoderFor(codec: Codec): Encoder {
  switch (codec) {
    case 'ascii': return limitEncoder('ascii', 128);
    case 'latin-1': return limitEncoder('latin-1', 256);
    case 'utf-8': case 'utf-8-sig': return { name: 'utf-8', put: utf8Put, reason: 'surrogates not allowed', alsoBad: isSurrogate };
    default: {
      const size = codec.startsWith('utf-16') ? 2 : 4;
      return { name: codec, put: unitsPut(size, codec.endsWith('-be')), reason: 'surrogates not allowed', alsoBad: isSurrogate };
    }
  }
}

// Python/codecs.c: what an error handler puts in place of code points [start, end).
function encodeReplacement(errors: string, cps: number[], start: number, end: number, fail: () => PyBaseException): number[] | string {
  const run = cps.slice(start, end);
  switch (errors) {
    case 'strict': throw fail();
    case 'ignore': return '';
    case 'replace': return '?'.repeat(run.length);
    case 'backslashreplace':
      return run.map((c) => (c <= 0xff ? `\\x${hex(c, 2)}` : c <= 0xffff ? `\\u${hex(c, 4)}` : `\\U${hex(c, 8)}`)).join('');
    case 'xmlcharrefreplace': return run.map((c) => `&#${c};`).join('');
    case 'surrogateescape':
      if (run.some((c) => c < 0xdc80 || c > 0xdcff)) throw fail();
      return run.map((c) => c - 0xdc00);
    default:
      if (HANDLERS.has(errors)) throw fail();
      throw unknownHandler(errors);
  }
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const utf8Encoder = new TextEncoder();
const utf8Decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

// Objects/unicodeobject.c PyUnicode_AsEncodedString for the built-in codecs
export function encodeText(text: string, encoding: string, errors: string): Uint8Array {
  const codec = lookupCodec(encoding);
  // Text without lone surrogates is exactly what the host's UTF-8 encoder handles.
  if (codec === 'utf-8' && !LONE_SURROGATE.test(text)) return utf8Encoder.encode(text);
  const enc = encoderFor(codec);
  const w = new ByteWriter();
  if (codec === 'utf-8-sig') [0xef, 0xbb, 0xbf].forEach((b) => w.push(b));
  if (codec === 'utf-16') [0xff, 0xfe].forEach((b) => w.push(b));
  if (codec === 'utf-32') [0xff, 0xfe, 0, 0].forEach((b) => w.push(b));
  const cps = Array.from(text, (c) => c.codePointAt(0)!);
  for (let i = 0; i < cps.length; i++) {
    if (enc.put(w, cps[i]!)) continue;
    let end = i + 1;
    while (end < cps.length && enc.alsoBad(cps[end]!)) end++;
    const start = i;
    const fail = (): PyBaseException => unicodeEncodeError(enc.name, text, start, end, enc.reason);
    if (!HANDLERS.has(errors)) {
      const custom = callErrorHandler(errors, fail(), cps.length, true);
      if (!custom) throw unknownHandler(errors);
      if (typeof custom.replacement !== 'string') custom.replacement.forEach((b) => w.push(b));
      else for (const c of custom.replacement) if (!enc.put(w, c.codePointAt(0)!)) throw fail();
      i = custom.pos - 1;
      continue;
    }
    const r = encodeReplacement(errors, cps, start, end, fail);
    if (typeof r === 'string') {
      for (const c of r) enc.put(w, c.codePointAt(0)!);
    } else r.forEach((b) => w.push(b));
    i = end - 1;
  }
  return w.result();
}

// ------------------------------------------------------------------ decoding

interface DecodeError {
  start: number;
  end: number;
  reason: string;
}

/** A codec's decoding step at data[i]: the code point and the bytes used, or an error. */
type DecodeStep = (data: Uint8Array, i: number) => { cp: number; n: number } | DecodeError;

// Objects/stringlib/codecs.h utf8_decode: the error span is the start byte and the continuation
// bytes that were valid before the sequence broke.
const utf8Step: DecodeStep = (d, i) => {
  const b = d[i]!;
  if (b < 0x80) return { cp: b, n: 1 };
  let need: number;
  let lo = 0x80;
  let hi = 0xbf;
  if (b >= 0xc2 && b <= 0xdf) need = 1;
  else if (b >= 0xe0 && b <= 0xef) {
    need = 2;
    if (b === 0xe0) lo = 0xa0;
    if (b === 0xed) hi = 0x9f;
  } else if (b >= 0xf0 && b <= 0xf4) {
    need = 3;
    if (b === 0xf0) lo = 0x90;
    if (b === 0xf4) hi = 0x8f;
  } else return { start: i, end: i + 1, reason: 'invalid start byte' };
  let cp = b & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07);
  for (let k = 1; k <= need; k++) {
    if (i + k >= d.length) return { start: i, end: d.length, reason: 'unexpected end of data' };
    const c = d[i + k]!;
    if (c < (k === 1 ? lo : 0x80) || c > (k === 1 ? hi : 0xbf)) return { start: i, end: i + k, reason: 'invalid continuation byte' };
    cp = (cp << 6) | (c & 0x3f);
  }
  return { cp, n: need + 1 };
};

function limitStep(limit: number): DecodeStep {
  return (d, i) => (d[i]! < limit ? { cp: d[i]!, n: 1 } : { start: i, end: i + 1, reason: `ordinal not in range(${limit})` });
}

// Objects/stringlib/codecs.h ucs2lib_utf16_decode
function utf16Step(big: boolean): DecodeStep {
  const unit = (d: Uint8Array, i: number): number => (big ? (d[i]! << 8) | d[i + 1]! : d[i]! | (d[i + 1]! << 8));
  return (d, i) => {
    if (d.length - i < 2) return { start: i, end: d.length, reason: 'truncated data' };
    const u = unit(d, i);
    if (u < 0xd800 || u > 0xdfff) return { cp: u, n: 2 };
    if (u >= 0xdc00) return { start: i, end: i + 2, reason: 'illegal encoding' };
    if (d.length - i < 4) return { start: i, end: d.length, reason: 'unexpected end of data' };
    const v = unit(d, i + 2);
    if (v < 0xdc00 || v > 0xdfff) return { start: i, end: i + 2, reason: 'illegal UTF-16 surrogate' };
    return { cp: 0x10000 + ((u - 0xd800) << 10) + (v - 0xdc00), n: 4 };
  };
}

function utf32Step(big: boolean): DecodeStep {
  return (d, i) => {
    if (d.length - i < 4) return { start: i, end: d.length, reason: 'truncated data' };
    const cp = big ? ((d[i]! << 24) | (d[i + 1]! << 16) | (d[i + 2]! << 8) | d[i + 3]!) >>> 0
      : (d[i]! | (d[i + 1]! << 8) | (d[i + 2]! << 16) | (d[i + 3]! << 24)) >>> 0;
    if (cp > 0x10ffff || isSurrogate(cp)) {
      return { start: i, end: i + 4, reason: cp > 0x10ffff ? 'code point not in range(0x110000)' : 'code point in surrogate code point range(0xd800, 0xe000)' };
    }
    return { cp, n: 4 };
  };
}

// Python/codecs.c: the text an error handler puts in place of bytes [start, end).
function decodeReplacement(errors: string, data: Uint8Array, e: DecodeError, fail: () => PyBaseException): string {
  const run = Array.from(data.subarray(e.start, e.end));
  switch (errors) {
    case 'strict': throw fail();
    case 'ignore': return '';
    case 'replace': return '\ufffd';
    case 'backslashreplace': return run.map((b) => `\\x${hex(b, 2)}`).join('');
    case 'surrogateescape':
      if (run.some((b) => b < 128)) throw fail();
      return run.map((b) => String.fromCharCode(0xdc00 + b)).join('');
    default:
      if (HANDLERS.has(errors)) throw fail();
      throw unknownHandler(errors);
  }
}

/** The codec actually used after a byte order mark decides UTF-16/32's endianness. */
function withBom(codec: Codec, data: Uint8Array): [Codec, number] {
  if (codec === 'utf-8-sig') return ['utf-8', data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf ? 3 : 0];
  if (codec === 'utf-16') {
    if (data[0] === 0xff && data[1] === 0xfe) return ['utf-16-le', 2];
    if (data[0] === 0xfe && data[1] === 0xff) return ['utf-16-be', 2];
    return ['utf-16-le', 0];
  }
  if (codec === 'utf-32') {
    if (data[0] === 0xff && data[1] === 0xfe && data[2] === 0 && data[3] === 0) return ['utf-32-le', 4];
    if (data[0] === 0 && data[1] === 0 && data[2] === 0xfe && data[3] === 0xff) return ['utf-32-be', 4];
    return ['utf-32-le', 0];
  }
  return [codec, 0];
}

function stepFor(codec: Codec): DecodeStep {
  switch (codec) {
    case 'ascii': return limitStep(128);
    case 'latin-1': return limitStep(256);
    case 'utf-16-le': case 'utf-16-be': return utf16Step(codec.endsWith('be'));
    case 'utf-32-le': case 'utf-32-be': return utf32Step(codec.endsWith('be'));
    default: return utf8Step;
  }
}

// Objects/unicodeobject.c PyUnicode_Decode for the built-in codecs
export function decodeBytes(data: Uint8Array, encoding: string, errors: string): string {
  const [codec, skip] = withBom(lookupCodec(encoding), data);
  if (codec === 'latin-1' || (codec === 'ascii' && data.every((b) => b < 0x80))) return latin1(data);
  if (codec === 'utf-8') {
    // Valid UTF-8 decodes the same on the host; anything else takes the path that reports errors.
    try {
      return utf8Decoder.decode(data.subarray(skip));
    } catch {
      // fall through to the step-by-step decoder
    }
  }
  const step = stepFor(codec);
  const parts: string[] = [];
  let run = '';
  for (let i = skip; i < data.length;) {
    const r = step(data, i);
    if ('cp' in r) {
      run += String.fromCodePoint(r.cp);
      i += r.n;
      if (run.length > 4096) {
        parts.push(run);
        run = '';
      }
      continue;
    }
    const fail = (): PyBaseException => unicodeDecodeError(codec, data, r.start, r.end, r.reason);
    if (!HANDLERS.has(errors)) {
      const custom = callErrorHandler(errors, fail(), data.length, false);
      if (!custom) throw unknownHandler(errors);
      run += custom.replacement as string;
      i = custom.pos;
      continue;
    }
    run += decodeReplacement(errors, data, r, fail);
    i = r.end;
  }
  parts.push(run);
  return parts.join('');
}
