import { describe, expect, it } from 'vitest';
import { hashBytes, setHashSeed } from '../../engine/objects/siphash.js';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

// Values printed by CPython 3.11 with PYTHONHASHSEED=0 and =1 (hash(b'...')).
describe('SipHash-1-3 as Python/pyhash.c computes it', () => {
  it('matches CPython with PYTHONHASHSEED=0', () => {
    setHashSeed(0);
    expect(hashBytes(enc(''))).toBe(0n);
    expect(hashBytes(enc('a'))).toBe(4644417185603328019n);
    expect(hashBytes(enc('ab'))).toBe(6148830537548944441n);
    expect(hashBytes(enc('abcdefgh'))).toBe(4574395652268504554n);
    expect(hashBytes(enc('abcdefghi'))).toBe(-532774252720507163n);
    expect(hashBytes(enc('abcdefghij'))).toBe(-829746140550000655n);
    expect(hashBytes(enc('hello world, this is long'))).toBe(7650859633215404784n);
  });

  it('derives the key from a non-zero seed as lcg_urandom does', () => {
    setHashSeed(1);
    try {
      expect(hashBytes(enc('a'))).toBe(-3012895188637184397n);
      expect(hashBytes(enc('abcdefghi'))).toBe(7871229953815684364n);
      expect(hashBytes(enc('abcdefghij'))).toBe(-5359825416827196841n);
    } finally {
      setHashSeed(0);
    }
  });
});
