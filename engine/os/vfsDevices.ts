// The character devices of /dev. /dev/urandom is a deterministic stream (xoshiro128**, seeded
// once per session) so that a program reading it prints the same bytes on every machine.
import type { CharDevice } from './vfsNodes.js';

export const devNull: CharDevice = {
  major: 1,
  minor: 3,
  read: () => new Uint8Array(0),
  write: (bytes) => bytes.length,
};

export const devZero: CharDevice = {
  major: 1,
  minor: 5,
  read: (n) => new Uint8Array(n),
  write: (bytes) => bytes.length,
};

/** The session's random stream; urandom(n) and /dev/urandom both draw from it. */
export class RandomStream {
  private s: Uint32Array;
  constructor(seed: number) {
    // splitmix32 spreads the seed over the four words of state (never all zero).
    this.s = new Uint32Array(4);
    let x = seed >>> 0;
    for (let i = 0; i < 4; i++) {
      x = (x + 0x9e3779b9) >>> 0;
      let z = x;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
      this.s[i] = (z ^ (z >>> 16)) >>> 0;
    }
  }

  private next(): number {
    const s = this.s;
    const result = Math.imul(rotl(Math.imul(s[1]!, 5), 7), 9) >>> 0;
    const t = (s[1]! << 9) >>> 0;
    s[2]! ^= s[0]!;
    s[3]! ^= s[1]!;
    s[1]! ^= s[2]!;
    s[0]! ^= s[3]!;
    s[2]! ^= t;
    s[3] = rotl(s[3]!, 11);
    return result;
  }

  bytes(n: number): Uint8Array {
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i += 4) {
      let w = this.next();
      for (let k = i; k < Math.min(n, i + 4); k++) {
        out[k] = w & 0xff;
        w >>>= 8;
      }
    }
    return out;
  }
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}

export function urandomDevice(stream: RandomStream): CharDevice {
  return { major: 1, minor: 9, read: (n) => stream.bytes(n), write: (bytes) => bytes.length };
}
