// Where random.seed(None) and Random() get their entropy (CPython: _PyOS_URandomNonblock): the
// simulated OS's /dev/urandom stream, which is seeded once per session. An unseeded program
// therefore draws the same numbers in every fresh session, on every machine.
import { vfs } from '../os/files.js';

/** random_seed_urandom's key: `words` little-endian 32-bit words from /dev/urandom. */
export function sessionEntropy(words: number): Uint32Array {
  const bytes = vfs().random.bytes(words * 4);
  const key = new Uint32Array(words);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = 0; i < words; i++) key[i] = view.getUint32(4 * i, true);
  return key;
}
