// Codec error handlers registered from Python (Python/codecs.c PyCodec_RegisterError and
// unicode_encode_call_errorhandler / unicode_decode_call_errorhandler): the handler gets the
// UnicodeError and returns the replacement and the position to go on from.
import { decref, newref, type PyObject } from '../object.js';
import { call } from '../abstract.js';
import { indexError, typeError, type PyBaseException } from '../exceptions.js';
import { PyTuple } from '../tuple.js';
import { PyStr } from '../str.js';
import { PyInt } from '../int.js';
import { PyBytes } from '../bytes.js';

const registered = new Map<string, PyObject>();

/** PyCodec_RegisterError: a later registration under the same name replaces the earlier one. */
export function registerErrorHandler(name: string, handler: PyObject): void {
  const old = registered.get(name);
  registered.set(name, newref(handler));
  if (old) decref(old);
}

/** The handler registered under name, borrowed, or null. */
export function registeredErrorHandler(name: string): PyObject | null {
  return registered.get(name) ?? null;
}

export interface Resumption {
  replacement: string | Uint8Array;
  pos: number;
}

/** Calls the handler registered as `name` with exc (whose reference it takes); null when no
 *  handler has that name. `length` is the input's length, for negative positions. */
export function callErrorHandler(name: string, exc: PyBaseException, length: number, encoding: boolean): Resumption | null {
  const handler = registered.get(name);
  if (!handler) {
    decref(exc);
    return null;
  }
  let r: PyObject;
  try {
    r = call(handler, [exc], null);
  } finally {
    decref(exc);
  }
  try {
    const [rep, pos] = r instanceof PyTuple && r.items.length === 2 ? r.items : [null, null];
    const repOk = rep instanceof PyStr || (encoding && rep instanceof PyBytes);
    if (!repOk || !(pos instanceof PyInt)) {
      throw typeError(encoding ? 'encoding error handler must return (str/bytes, int) tuple' : 'decoding error handler must return (str, int) tuple');
    }
    let at = Number(pos.value);
    if (at < 0) at += length;
    if (at < 0 || at > length) throw indexError(`position ${at} from error handler out of bounds`);
    return { replacement: rep instanceof PyStr ? rep.value : (rep as PyBytes).data.slice(), pos: at };
  } finally {
    decref(r);
  }
}
