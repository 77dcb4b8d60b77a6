// The _random module (Modules/_randommodule.c): the Mersenne Twister MT19937 behind random.Random,
// word for word the generator CPython uses, so a seeded program draws CPython's numbers.
//
// Seeding with None reads the system's entropy as CPython does; the engine's entropy is the
// session's (see randomEntropy.ts), so an unseeded program repeats itself from one fresh session
// to the next.
import { PyGCObject, type PyObject } from '../objects/object.js';
import { TypeFlags, type PyType } from '../objects/type.js';
import { defineType } from '../objects/define.js';
import { allocObject, freeObject } from '../objects/heap.js';
import { gcTrack, gcUntrack } from '../gc/track.js';
import { None } from '../objects/singletons.js';
import { PyInt, newInt, intValue } from '../objects/int.js';
import { abs as intAbs, bitLength } from '../objects/intops.js';
import { newFloat } from '../objects/float.js';
import { PyTuple, newTuple } from '../objects/tuple.js';
import { hash, index, newNone } from '../objects/abstract.js';
import { decref } from '../objects/object.js';
import { overflowError, typeError, valueError } from '../objects/exceptions.js';
import { checkPositional } from '../objects/argcheck.js';
import type { NativeModuleDef } from './moduledef.js';
import { sessionEntropy } from './randomEntropy.js';

const N = 624;
const M = 397;
const MATRIX_A = 0x9908b0df;
const UPPER_MASK = 0x80000000;
const LOWER_MASK = 0x7fffffff;
/** sizeof(RandomObject): the object header, `int index` and the 624 words, padded to 8. */
const RANDOM_OBJECT_SIZE = 2520;

export class PyRandom extends PyGCObject {
  readonly mt = new Uint32Array(N);
  index = N + 1;
}

/** genrand_uint32: the next tempered word, regenerating the whole state every 624 draws. */
function genrandUint32(r: PyRandom): number {
  const mt = r.mt;
  if (r.index >= N) {
    let kk = 0;
    let y: number;
    for (; kk < N - M; kk++) {
      y = (mt[kk]! & UPPER_MASK) | (mt[kk + 1]! & LOWER_MASK);
      mt[kk] = mt[kk + M]! ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
    }
    for (; kk < N - 1; kk++) {
      y = (mt[kk]! & UPPER_MASK) | (mt[kk + 1]! & LOWER_MASK);
      mt[kk] = mt[kk + (M - N)]! ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
    }
    y = (mt[N - 1]! & UPPER_MASK) | (mt[0]! & LOWER_MASK);
    mt[N - 1] = mt[M - 1]! ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
    r.index = 0;
  }
  let y = mt[r.index++]!;
  y ^= y >>> 11;
  y ^= (y << 7) & 0x9d2c5680;
  y ^= (y << 15) & 0xefc60000;
  y ^= y >>> 18;
  return y >>> 0;
}

/** init_genrand */
function initGenrand(r: PyRandom, s: number): void {
  const mt = r.mt;
  mt[0] = s;
  for (let i = 1; i < N; i++) {
    const prev = mt[i - 1]!;
    mt[i] = Math.imul(1812433253, (prev ^ (prev >>> 30)) >>> 0) + i;
  }
  r.index = N;
}

/** init_by_array: every word of the key stirs the state (Uint32Array stores wrap mod 2**32). */
function initByArray(r: PyRandom, key: Uint32Array): void {
  const mt = r.mt;
  initGenrand(r, 19650218);
  let i = 1;
  let j = 0;
  for (let k = Math.max(N, key.length); k > 0; k--) {
    const prev = mt[i - 1]!;
    mt[i] = (mt[i]! ^ Math.imul((prev ^ (prev >>> 30)) >>> 0, 1664525)) + key[j]! + j;
    i++;
    j++;
    if (i >= N) {
      mt[0] = mt[N - 1]!;
      i = 1;
    }
    if (j >= key.length) j = 0;
  }
  for (let k = N - 1; k > 0; k--) {
    const prev = mt[i - 1]!;
    mt[i] = (mt[i]! ^ Math.imul((prev ^ (prev >>> 30)) >>> 0, 1566083941)) - i;
    i++;
    if (i >= N) {
      mt[0] = mt[N - 1]!;
      i = 1;
    }
  }
  mt[0] = 0x80000000;
}

/** The 32-bit words of a non-negative int, least significant first (at least one word). */
function wordsOf(v: bigint): Uint32Array {
  const count = Math.max(1, Math.ceil(bitLength(v) / 32));
  const key = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    key[i] = Number(v & 0xffffffffn);
    v >>= 32n;
  }
  return key;
}

/** random_seed: None draws from the entropy source, an int seeds with its absolute value, any
 *  other object with its hash taken as an unsigned 64-bit number. */
function randomSeed(r: PyRandom, arg: PyObject | undefined): void {
  if (arg === undefined || arg === None) {
    initByArray(r, sessionEntropy(N));
    return;
  }
  let n: bigint;
  if (arg instanceof PyInt) n = BigInt(intAbs(intValue(arg)));
  else n = BigInt.asUintN(64, hash(arg));
  initByArray(r, wordsOf(n));
}

/** _PyLong_AsInt of an index */
function asCInt(o: PyObject): number {
  const i = index(o);
  const v = i.value;
  decref(i);
  if (typeof v !== 'number' || v > 2 ** 31 - 1 || v < -(2 ** 31)) throw overflowError('Python int too large to convert to C int');
  return v;
}

/** _random_Random_getrandbits_impl: 32-bit words from least to most significant, the last one
 *  keeping only its top bits. */
function getrandbits(r: PyRandom, k: number): PyObject {
  if (k < 0) throw valueError('number of bits must be non-negative');
  if (k === 0) return newInt(0);
  if (k <= 32) return newInt(genrandUint32(r) >>> (32 - k));
  let result = 0n;
  for (let shift = 0n; k > 0; k -= 32, shift += 32n) {
    let w = genrandUint32(r);
    if (k < 32) w >>>= 32 - k;
    result |= BigInt(w) << shift;
  }
  return newInt(result);
}

function getstate(r: PyRandom): PyObject {
  const items: PyObject[] = Array.from(r.mt, (w) => newInt(w));
  items.push(newInt(r.index));
  return newTuple(items);
}

/** PyLong_AsUnsignedLong of a state word (kept modulo 2**32 as the C code's cast does). */
function stateWord(o: PyObject): number {
  if (!(o instanceof PyInt)) throw typeError('an integer is required');
  const v = BigInt(o.value);
  if (v < 0n) throw overflowError("can't convert negative value to unsigned int");
  if (v >= 1n << 64n) throw overflowError('Python int too large to convert to C unsigned long');
  return Number(v & 0xffffffffn);
}

function setstate(r: PyRandom, state: PyObject): PyObject {
  if (!(state instanceof PyTuple)) throw typeError('state vector must be a tuple');
  if (state.items.length !== N + 1) throw valueError('state vector is the wrong size');
  const words = state.items.slice(0, N).map(stateWord);
  const last = state.items[N]!;
  if (!(last instanceof PyInt)) throw typeError("'" + last.type.name + "' object cannot be interpreted as an integer");
  const idx = typeof last.value === 'number' ? last.value : Number(last.value);
  if (idx < 0 || idx > N) throw valueError('invalid state');
  r.index = idx;
  r.mt.set(words);
  return newNone();
}

function newRandom(type: PyType): PyRandom {
  const r = new PyRandom(type);
  allocObject(r, type.basicsize);
  if (type.flags & TypeFlags.HAVE_GC) gcTrack(r);
  return r;
}

export const randomType: PyType = defineType({
  name: '_random.Random',
  flags: TypeFlags.BASETYPE,
  layout: { basicsize: RANDOM_OBJECT_SIZE },
  slots: {
    tp_new: (type) => newRandom(type),
    tp_dealloc: (o) => {
      if (o.type.flags & TypeFlags.HAVE_GC) gcUntrack(o as PyRandom);
      freeObject(o);
    },
    // random_init: only the exact type (or a subclass keeping its __init__) refuses keywords.
    tp_init: (self, args, kwnames) => {
      const nkw = kwnames?.length ?? 0;
      if (nkw && (self.type === randomType || self.type.tp_init === randomType.tp_init)) {
        throw typeError('Random() takes no keyword arguments');
      }
      if (args.length - nkw > 1) throw typeError('Random() requires 0 or 1 argument');
      randomSeed(self as PyRandom, args.length - nkw === 1 ? args[0] : undefined);
    },
  },
  methods: {
    random: {
      code: {
        kind: 'noargs',
        fn: (self) => {
          const r = self as PyRandom;
          const a = genrandUint32(r) >>> 5;
          const b = genrandUint32(r) >>> 6;
          return newFloat((a * 67108864.0 + b) * (1.0 / 9007199254740992.0));
        },
      },
      doc: 'random() -> x in the interval [0, 1).',
    },
    seed: {
      code: {
        kind: 'fast',
        fn: (self, args) => {
          checkPositional('seed', args.length, 0, 1);
          randomSeed(self as PyRandom, args[0]);
          return newNone();
        },
      },
      doc: 'seed([n]) -> None.\n\nDefaults to use urandom and falls back to a combination\nof the current time and the process identifier.',
    },
    getstate: { code: { kind: 'noargs', fn: (self) => getstate(self as PyRandom) }, doc: 'getstate() -> tuple containing the current state.' },
    setstate: { code: { kind: 'o', fn: (self, s) => setstate(self as PyRandom, s) }, doc: 'setstate(state) -> None.  Restores generator state.' },
    getrandbits: {
      code: { kind: 'o', fn: (self, k) => getrandbits(self as PyRandom, asCInt(k)) },
      doc: 'getrandbits(k) -> x.  Generates an int with k random bits.',
    },
  },
  doc: 'Random() -> create a random number generator with its own internal state.',
});

export const randomModule: NativeModuleDef = {
  name: '_random',
  functions: [],
  attributes: () => {
    randomType.refcnt++;
    return { Random: randomType };
  },
};
