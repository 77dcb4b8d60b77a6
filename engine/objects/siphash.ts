// Hashing of str and bytes (Python/pyhash.c): SipHash-1-3 over the object's raw buffer, keyed
// by the hash secret that PYTHONHASHSEED decides. The 64-bit lanes are kept as pairs of 32-bit
// halves so that hashing stays in plain numbers.

/** The key halves: k0 = (k0hi, k0lo), k1 = (k1hi, k1lo). All zero for PYTHONHASHSEED=0. */
const key = new Uint32Array(4);

// Python/bootstrap_hash.c lcg_urandom + _Py_HashRandomization_Init: a non-zero seed fills the
// secret with a linear congruential generator; 0 leaves it all zeros. Only the first 16 bytes
// (the SipHash key) matter for str and bytes.
export function setHashSeed(seed: number): void {
  if (seed === currentSeed) return;
  currentSeed = seed;
  const bytes = new Uint8Array(16);
  if (seed !== 0) {
    let x = seed >>> 0;
    for (let i = 0; i < 16; i++) {
      x = (Math.imul(x, 214013) + 2531011) >>> 0;
      bytes[i] = (x >>> 16) & 0xff;
    }
  }
  const dv = new DataView(bytes.buffer);
  key[0] = dv.getUint32(4, true);
  key[1] = dv.getUint32(0, true);
  key[2] = dv.getUint32(12, true);
  key[3] = dv.getUint32(8, true);
  for (const listener of seedListeners) listener();
}

let currentSeed = -1;

/** Called after the key changes: objects that outlive a session (static and interned strings)
 *  drop the hashes they cached under the old key. */
export const seedListeners: (() => void)[] = [];

// The four lanes as hi/lo 32-bit halves, module state so that a round runs on locals of the
// engine rather than on objects.
let v0h = 0, v0l = 0, v1h = 0, v1l = 0, v2h = 0, v2l = 0, v3h = 0, v3l = 0;

// SINGLE_ROUND of pyhash.c: HALF_ROUND(v0,v1,v2,v3,13,16) then HALF_ROUND(v2,v1,v0,v3,17,21).
function singleRound(): void {
  let lo: number, hi: number, t: number;
  // v0 += v1; v2 += v3
  lo = (v0l + v1l) >>> 0; v0h = (v0h + v1h + (lo < v0l ? 1 : 0)) >>> 0; v0l = lo;
  lo = (v2l + v3l) >>> 0; v2h = (v2h + v3h + (lo < v2l ? 1 : 0)) >>> 0; v2l = lo;
  // v1 = rotl(v1, 13) ^ v0; v3 = rotl(v3, 16) ^ v2
  hi = ((v1h << 13) | (v1l >>> 19)) >>> 0; lo = ((v1l << 13) | (v1h >>> 19)) >>> 0;
  v1h = (hi ^ v0h) >>> 0; v1l = (lo ^ v0l) >>> 0;
  hi = ((v3h << 16) | (v3l >>> 16)) >>> 0; lo = ((v3l << 16) | (v3h >>> 16)) >>> 0;
  v3h = (hi ^ v2h) >>> 0; v3l = (lo ^ v2l) >>> 0;
  // v0 = rotl(v0, 32)
  t = v0h; v0h = v0l; v0l = t;
  // v2 += v1; v0 += v3
  lo = (v2l + v1l) >>> 0; v2h = (v2h + v1h + (lo < v2l ? 1 : 0)) >>> 0; v2l = lo;
  lo = (v0l + v3l) >>> 0; v0h = (v0h + v3h + (lo < v0l ? 1 : 0)) >>> 0; v0l = lo;
  // v1 = rotl(v1, 17) ^ v2; v3 = rotl(v3, 21) ^ v0
  hi = ((v1h << 17) | (v1l >>> 15)) >>> 0; lo = ((v1l << 17) | (v1h >>> 15)) >>> 0;
  v1h = (hi ^ v2h) >>> 0; v1l = (lo ^ v2l) >>> 0;
  hi = ((v3h << 21) | (v3l >>> 11)) >>> 0; lo = ((v3l << 21) | (v3h >>> 11)) >>> 0;
  v3h = (hi ^ v0h) >>> 0; v3l = (lo ^ v0l) >>> 0;
  // v2 = rotl(v2, 32)
  t = v2h; v2h = v2l; v2l = t;
}

// Python/pyhash.c siphash13: the message word m = (mh, ml) mixed into the state.
function compress(mh: number, ml: number): void {
  v3h = (v3h ^ mh) >>> 0;
  v3l = (v3l ^ ml) >>> 0;
  singleRound();
  v0h = (v0h ^ mh) >>> 0;
  v0l = (v0l ^ ml) >>> 0;
}

/** Reads byte i of the message. */
type ByteSource = (i: number) => number;

// Python/pyhash.c siphash13
function siphash13(byteAt: ByteSource, len: number): bigint {
  v0h = (key[0]! ^ 0x736f6d65) >>> 0; v0l = (key[1]! ^ 0x70736575) >>> 0;
  v1h = (key[2]! ^ 0x646f7261) >>> 0; v1l = (key[3]! ^ 0x6e646f6d) >>> 0;
  v2h = (key[0]! ^ 0x6c796765) >>> 0; v2l = (key[1]! ^ 0x6e657261) >>> 0;
  v3h = (key[2]! ^ 0x74656462) >>> 0; v3l = (key[3]! ^ 0x79746573) >>> 0;
  let p = 0;
  for (; len - p >= 8; p += 8) {
    const ml = (byteAt(p) | (byteAt(p + 1) << 8) | (byteAt(p + 2) << 16) | (byteAt(p + 3) << 24)) >>> 0;
    const mh = (byteAt(p + 4) | (byteAt(p + 5) << 8) | (byteAt(p + 6) << 16) | (byteAt(p + 7) << 24)) >>> 0;
    compress(mh, ml);
  }
  let tl = 0;
  let th = 0;
  for (let i = 0; p + i < len; i++) {
    const byte = byteAt(p + i);
    if (i < 4) tl |= byte << (8 * i);
    else th |= byte << (8 * (i - 4));
  }
  th = (th | ((len & 0xff) << 24)) >>> 0;
  compress(th, tl >>> 0);
  v2l = (v2l ^ 0xff) >>> 0;
  singleRound();
  singleRound();
  singleRound();
  const hi = (v0h ^ v1h ^ v2h ^ v3h) >>> 0;
  const lo = (v0l ^ v1l ^ v2l ^ v3l) >>> 0;
  return BigInt.asIntN(64, (BigInt(hi) << 32n) | BigInt(lo));
}

function finish(h: bigint): bigint {
  return h === -1n ? -2n : h;
}

/** _Py_HashBytes of a latin-1 buffer held as a JS string (a 1-byte-kind str): no copy. */
export function hashLatin1(text: string): bigint {
  if (text.length === 0) return 0n;
  return finish(siphash13((i) => text.charCodeAt(i), text.length));
}

// Python/pyhash.c _Py_HashBytes: 0 for an empty buffer, and -1 (the error marker) becomes -2.
export function hashBytes(data: Uint8Array, start = 0, len = data.length - start): bigint {
  if (len === 0) return 0n;
  return finish(siphash13((i) => data[start + i]!, len));
}

setHashSeed(0);
