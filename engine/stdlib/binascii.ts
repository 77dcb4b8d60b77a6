// binascii (Modules/binascii.c): hex and base64 codecs over bytes-like data, and the CRC-32 and
// CRC-CCITT checksums, with binascii.Error for malformed input.
import { PyObject, decref, newref } from '../objects/object.js';
import type { PyType } from '../objects/type.js';
import { newInt } from '../objects/int.js';
import { PyStr } from '../objects/str.js';
import { bytesResult } from '../objects/bytes.js';
import { asIndex, isTrue } from '../objects/abstract.js';
import { pyErr, typeError, valueError, ValueError } from '../objects/exceptions.js';
import { withBytes } from '../objects/buffer.js';
import { hexText } from '../objects/bytesmethods.js';
import { fromLatin1 } from '../objects/unicode/latin1.js';
import { checkPositional, unpackKeywords } from '../objects/unicode/args.js';
import type { NativeFunctionDef } from '../objects/native.js';
import type { NativeModuleDef } from './moduledef.js';
import { newExceptionClass } from './errorclass.js';

const state = { error: null as PyType | null, incomplete: null as PyType | null };

function binasciiError(msg: string): PyObject {
  return pyErr(state.error!, msg);
}

/** The bytes of a bytes-like object (a copy). */
function binaryArg(o: PyObject): Uint8Array {
  return withBytes(o, (d) => d.slice());
}

// ascii_buffer_converter: the a2b_* functions also take ASCII-only str.
function asciiArg(o: PyObject): Uint8Array {
  if (o instanceof PyStr) {
    if (!/^[\x00-\x7f]*$/.test(o.value)) throw valueError('string argument should contain only ASCII characters');
    return fromLatin1(o.value);
  }
  return withBytes(o, (d) => d.slice(), (x) => `argument should be bytes, buffer or ASCII string, not '${x.type.name}'`);
}

// ------------------------------------------------------------------ hex

function hexDigit(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}

// binascii_a2b_hex_impl
function a2bHex(data: Uint8Array): Uint8Array {
  if (data.length % 2) throw binasciiError('Odd-length string');
  const out = new Uint8Array(data.length / 2);
  for (let i = 0; i < out.length; i++) {
    const hi = hexDigit(data[2 * i]!);
    const lo = hexDigit(data[2 * i + 1]!);
    if (hi < 0 || lo < 0) throw binasciiError('Non-hexadecimal digit found');
    out[i] = (hi << 4) | lo;
  }
  return out;
}

function hexlify(name: string) {
  return (_m: PyObject, args: PyObject[], kw: readonly string[] | null): PyObject => {
    const [data, sep, per] = unpackKeywords(name, ['data', 'sep', 'bytes_per_sep'], args, kw);
    if (data === undefined) throw typeError(`${name}() missing required argument 'data' (pos 1)`);
    return bytesResult(fromLatin1(hexText(binaryArg(data), sep, per)));
  };
}

// ------------------------------------------------------------------ base64

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_VALUE = new Int8Array(256).fill(-1);
for (let i = 0; i < 64; i++) B64_VALUE[B64.charCodeAt(i)] = i;
const PAD = 61;

function b2aBase64(data: Uint8Array, newline: boolean): Uint8Array {
  const out: number[] = [];
  let i = 0;
  for (; i + 3 <= data.length; i += 3) {
    const n = (data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!;
    out.push(B64.charCodeAt(n >> 18), B64.charCodeAt((n >> 12) & 63), B64.charCodeAt((n >> 6) & 63), B64.charCodeAt(n & 63));
  }
  const rest = data.length - i;
  if (rest === 1) {
    const n = data[i]! << 16;
    out.push(B64.charCodeAt(n >> 18), B64.charCodeAt((n >> 12) & 63), PAD, PAD);
  } else if (rest === 2) {
    const n = (data[i]! << 16) | (data[i + 1]! << 8);
    out.push(B64.charCodeAt(n >> 18), B64.charCodeAt((n >> 12) & 63), B64.charCodeAt((n >> 6) & 63), PAD);
  }
  if (newline) out.push(10);
  return Uint8Array.from(out);
}

// binascii_a2b_base64_impl: non-alphabet characters are skipped unless strict_mode.
function a2bBase64(data: Uint8Array, strict: boolean): Uint8Array {
  const out: number[] = [];
  let quadPos = 0;
  let leftchar = 0;
  let pads = 0;
  let paddingStarted = false;
  if (strict && data.length > 0 && data[0] === PAD) throw binasciiError('Leading padding not allowed');
  for (let i = 0; i < data.length; i++) {
    const c = data[i]!;
    if (c === PAD) {
      paddingStarted = true;
      if (quadPos >= 2 && quadPos + ++pads >= 4) {
        if (strict && i + 1 < data.length) throw binasciiError('Excess data after padding');
        return Uint8Array.from(out);
      }
      continue;
    }
    const v = B64_VALUE[c]!;
    if (v < 0) {
      if (strict) throw binasciiError('Only base64 data is allowed');
      continue;
    }
    if (strict && paddingStarted) throw binasciiError('Discontinuous padding not allowed');
    pads = 0;
    switch (quadPos) {
      case 0: quadPos = 1; leftchar = v; break;
      case 1: quadPos = 2; out.push(((leftchar << 2) | (v >> 4)) & 0xff); leftchar = v & 0x0f; break;
      case 2: quadPos = 3; out.push(((leftchar << 4) | (v >> 2)) & 0xff); leftchar = v & 0x03; break;
      default: quadPos = 0; out.push(((leftchar << 6) | v) & 0xff); leftchar = 0;
    }
  }
  if (quadPos === 1) {
    const chars = Math.floor(out.length / 3) * 4 + 1;
    throw binasciiError(`Invalid base64-encoded string: number of data characters (${chars}) cannot be 1 more than a multiple of 4`);
  }
  if (quadPos !== 0) throw binasciiError('Incorrect padding');
  return Uint8Array.from(out);
}

// ------------------------------------------------------------------ checksums

const CRC32_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(data: Uint8Array, start: number): number {
  let c = ~start >>> 0;
  for (let i = 0; i < data.length; i++) c = CRC32_TABLE[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}

/** binascii_crc_hqx_impl: CRC-CCITT, polynomial 0x1021, most significant bit first. */
function crcHqx(data: Uint8Array, start: number): number {
  let crc = start & 0xffff;
  for (const b of data) {
    crc ^= b << 8;
    for (let k = 0; k < 8; k++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc;
}

/** The unsigned 32-bit value of a start argument (any int, taken modulo 2**32). */
function u32Arg(o: PyObject | undefined): number {
  if (o === undefined) return 0;
  const v = (o as { value?: number | bigint }).value;
  if (typeof v === 'bigint') return Number(BigInt.asUintN(32, v));
  return Number(BigInt.asUintN(32, BigInt(asIndex(o))));
}

const functions: NativeFunctionDef[] = [
  { name: 'hexlify', code: { kind: 'fastkw', fn: hexlify('hexlify') } },
  { name: 'b2a_hex', code: { kind: 'fastkw', fn: hexlify('b2a_hex') } },
  { name: 'unhexlify', code: { kind: 'o', fn: (_m, d) => bytesResult(a2bHex(asciiArg(d))) } },
  { name: 'a2b_hex', code: { kind: 'o', fn: (_m, d) => bytesResult(a2bHex(asciiArg(d))) } },
  {
    name: 'b2a_base64',
    code: {
      kind: 'fastkw',
      fn: (_m, args, kw) => {
        const [data, newline] = unpackKeywords('b2a_base64', ['data', 'newline'], args, kw);
        if (data === undefined) throw typeError("b2a_base64() missing required argument 'data' (pos 1)");
        return bytesResult(b2aBase64(binaryArg(data), newline === undefined || isTrue(newline)));
      },
    },
  },
  {
    name: 'a2b_base64',
    code: {
      kind: 'fastkw',
      fn: (_m, args, kw) => {
        const [data, strict] = unpackKeywords('a2b_base64', ['data', 'strict_mode'], args, kw);
        if (data === undefined) throw typeError("a2b_base64() missing required argument 'data' (pos 1)");
        return bytesResult(a2bBase64(asciiArg(data), strict !== undefined && isTrue(strict)));
      },
    },
  },
  {
    name: 'crc32',
    code: {
      kind: 'fast',
      fn: (_m, args) => {
        checkPositional('crc32', args, 1, 2);
        return newInt(crc32(binaryArg(args[0]!), u32Arg(args[1])));
      },
    },
  },
  {
    name: 'crc_hqx',
    code: {
      kind: 'fast',
      fn: (_m, args) => {
        checkPositional('crc_hqx', args, 2, 2);
        return newInt(crcHqx(binaryArg(args[0]!), asIndex(args[1]!)));
      },
    },
  },
];

export const binasciiModule: NativeModuleDef = {
  name: 'binascii',
  functions,
  attributes: () => {
    for (const t of [state.error, state.incomplete]) if (t) decref(t);
    state.error = newExceptionClass('binascii.Error', ValueError);
    state.incomplete = newExceptionClass('binascii.Incomplete');
    return { Error: newref(state.error), Incomplete: newref(state.incomplete) };
  },
};
