// bytes literals as objects (the compiler's constants of type bytes).
import type { PyObject } from '../objects/object.js';
import { newBytes } from '../objects/bytes.js';

export function bytesConstant(v: Uint8Array): PyObject {
  return newBytes(v);
}
