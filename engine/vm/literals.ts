// bytes literals as objects (the compiler's constants of type bytes).
import type { PyObject } from '../objects/object.js';
import { bytesResult } from '../objects/bytes.js';

export function bytesConstant(v: Uint8Array): PyObject {
  return bytesResult(v);
}
