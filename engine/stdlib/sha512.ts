// The _sha512 module (Modules/sha512module.c): random.seed turns str and bytes seeds into ints
// through a SHA-512 digest. The digest itself is the host's; the object is CPython's shape.
import { createHash, type Hash } from 'node:crypto';
import { PyObject, decref } from '../objects/object.js';
import { type PyType } from '../objects/type.js';
import { defineType } from '../objects/define.js';
import { allocObject, freeObject } from '../objects/heap.js';
import { newInt } from '../objects/int.js';
import { PyStr, newStr } from '../objects/str.js';
import { newBytes } from '../objects/bytes.js';
import { newNone } from '../objects/abstract.js';
import { withBytes } from '../objects/buffer.js';
import { typeError } from '../objects/exceptions.js';
import type { NativeModuleDef } from './moduledef.js';

/** sizeof(SHA512object): the header, the digest size and the running state. */
const SHA512_OBJECT_SIZE = 232;

class PySha512 extends PyObject {
  constructor(type: PyType, readonly hash: Hash) {
    super(type);
  }
}

/** GET_BUFFER_VIEW_OR_ERROUT: text must be encoded first, other objects must export a buffer. */
function feed(h: PySha512, data: PyObject): void {
  if (data instanceof PyStr) throw typeError('Strings must be encoded before hashing');
  withBytes(data, (bytes) => h.hash.update(bytes), () => 'object supporting the buffer API required');
}

function newSha512(hash: Hash): PySha512 {
  const o = new PySha512(sha512Type, hash);
  allocObject(o, SHA512_OBJECT_SIZE);
  return o;
}

const sha512Type: PyType = defineType({
  name: '_sha512.sha512',
  layout: { basicsize: SHA512_OBJECT_SIZE },
  slots: { tp_dealloc: freeObject },
  methods: {
    update: { code: { kind: 'o', fn: (self, data) => (feed(self as PySha512, data), newNone()) }, doc: 'Update this hash object\'s state with the provided string.' },
    digest: { code: { kind: 'noargs', fn: (self) => newBytes(new Uint8Array((self as PySha512).hash.copy().digest())) }, doc: 'Return the digest value as a bytes object.' },
    hexdigest: { code: { kind: 'noargs', fn: (self) => newStr((self as PySha512).hash.copy().digest('hex')) }, doc: 'Return the digest value as a string of hexadecimal digits.' },
    copy: { code: { kind: 'noargs', fn: (self) => newSha512((self as PySha512).hash.copy()) }, doc: 'Return a copy of the hash object.' },
  },
  getsets: {
    name: { get: () => newStr('sha512') },
    digest_size: { get: () => newInt(64) },
    block_size: { get: () => newInt(128) },
  },
});

export const sha512Module: NativeModuleDef = {
  name: '_sha512',
  functions: [{
    name: 'sha512',
    code: {
      kind: 'fastkw',
      fn: (_m, args, kwnames) => {
        const nkw = kwnames?.length ?? 0;
        if (args.length - nkw > 1) throw typeError(`sha512() takes at most 1 positional argument (${args.length - nkw} given)`);
        let data: PyObject | undefined = args.length - nkw === 1 ? args[0] : undefined;
        for (let i = 0; i < nkw; i++) {
          const name = kwnames![i]!;
          if (name === 'string') data = args[args.length - nkw + i];
          else if (name !== 'usedforsecurity') throw typeError(`sha512() got an unexpected keyword argument '${name}'`);
        }
        const h = newSha512(createHash('sha512'));
        if (data !== undefined) {
          try {
            feed(h, data);
          } catch (e) {
            decref(h);
            throw e;
          }
        }
        return h;
      },
    },
    doc: 'Return a new SHA-512 hash object; optionally initialized with a string.',
  }],
  attributes: () => ({}),
};
