// Installs int.to_bytes' result maker once the bytes type is loaded (see bytesMaker in int.ts).
import { bytesMaker } from './int.js';
import { bytesResult, newBytes } from './bytes.js';

// Objects/longobject.c int_to_bytes_impl allocates with PyBytes_FromStringAndSize(NULL, n):
// the empty singleton for 0 bytes, a new object otherwise (never a cached one-byte object).
bytesMaker.make = (data) => (data.length === 0 ? bytesResult(data) : newBytes(data));
