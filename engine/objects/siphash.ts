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

// State of the four lanes, hi/lo halves: v0h v0l v1h v1l v2h v2l v3h v3l.
const v = new Uint32Array(8);

function add(a: number, b: number): void {
  const lo = v[a + 1]! + v[b + 1]!;
  v[a] = v[a]! + v[b]! + (lo > 0xffffffff ? 1 : 0);
  v[a + 1] = lo;
}

function rotl(a: number, s: number): void {
  let hi = v[a]!;
  let lo = v[a + 1]!;
  if (s >= 32) {
    const t = hi;
    hi = lo;
    lo = t;
    s -= 32;
  }
  if (s === 0) {
    v[a] = hi;
    v[a + 1] = lo;
    return;
  }
  v[a] = (hi << s) | (lo >>> (32 - s));
  v[a + 1] = (lo << s) | (hi >>> (32 - s));
}

function xorInto(a: number, b: number): void {
  v[a] = v[a]! ^ v[b]!;
  v[a + 1] = v[a + 1]! ^ v[b + 1]!;
}

// HALF_ROUND(a, b, c, d, s, t) of pyhash.c, on lane offsets
function halfRound(a: number, b: number, c: number, d: number, s: number, t: number): void {
  add(a, b);
  add(c, d);
  rotl(b, s);
  xorInto(b, a);
  rotl(d, t);
  xorInto(d, c);
  rotl(a, 32);
}

function singleRound(): void {
  halfRound(0, 2, 4, 6, 13, 16);
  halfRound(4, 2, 0, 6, 17, 21);
}

// Python/pyhash.c siphash13: the message word m = (mh, ml) mixed into the state.
function compress(mh: number, ml: number): void {
  v[6] = v[6]! ^ mh;
  v[7] = v[7]! ^ ml;
  singleRound();
  v[0] = v[0]! ^ mh;
  v[1] = v[1]! ^ ml;
}

// Python/pyhash.c siphash13
function siphash13(data: Uint8Array, start: number, len: number): bigint {
  v[0] = key[0]! ^ 0x736f6d65; v[1] = key[1]! ^ 0x70736575;
  v[2] = key[2]! ^ 0x646f7261; v[3] = key[3]! ^ 0x6e646f6d;
  v[4] = key[0]! ^ 0x6c796765; v[5] = key[1]! ^ 0x6e657261;
  v[6] = key[2]! ^ 0x74656462; v[7] = key[3]! ^ 0x79746573;
  let p = start;
  const end = start + len;
  for (; end - p >= 8; p += 8) {
    const ml = (data[p]! | (data[p + 1]! << 8) | (data[p + 2]! << 16) | (data[p + 3]! << 24)) >>> 0;
    const mh = (data[p + 4]! | (data[p + 5]! << 8) | (data[p + 6]! << 16) | (data[p + 7]! << 24)) >>> 0;
    compress(mh, ml);
  }
  let tl = 0;
  let th = 0;
  for (let i = 0; p + i < end; i++) {
    const byte = data[p + i]!;
    if (i < 4) tl |= byte << (8 * i);
    else th |= byte << (8 * (i - 4));
  }
  th = (th | ((len & 0xff) << 24)) >>> 0;
  compress(th, tl >>> 0);
  v[5] = v[5]! ^ 0xff;
  singleRound();
  singleRound();
  singleRound();
  const hi = (v[0]! ^ v[2]! ^ v[4]! ^ v[6]!) >>> 0;
  const lo = (v[1]! ^ v[3]! ^ v[5]! ^ v[7]!) >>> 0;
  return BigInt.asIntN(64, (BigInt(hi) << 32n) | BigInt(lo));
}

// Python/pyhash.c _Py_HashBytes: 0 for an empty buffer, and -1 (the error marker) becomes -2.
export function hashBytes(data: Uint8Array, start = 0, len = data.length - start): bigint {
  if (len === 0) return 0n;
  const h = siphash13(data, start, len);
  return h === -1n ? -2n : h;
}

setHashSeed(0);
