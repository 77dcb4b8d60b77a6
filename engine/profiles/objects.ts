// Object layouts that changed between CPython versions (the C struct sizes behind
// sys.getsizeof for str, bytes, bytearray and memoryview).
import type { Profile } from './index.js';

export interface ObjectLayouts {
  /** sizeof(PyASCIIObject): 48 until 3.11, 40 from 3.12 (the wstr pointer went away). */
  strAsciiHeader: number;
  /** sizeof(PyCompactUnicodeObject): 72 until 3.11, 56 from 3.12. */
  strCompactHeader: number;
  /** 3.12's static one-character latin-1 strings carry their UTF-8 form, which __sizeof__ counts. */
  latin1SingletonsHaveUtf8: boolean;
  /** offsetof(PyBytesObject, ob_sval): the header before the bytes and their NUL. */
  bytesHeader: number;
  /** sizeof(PyByteArrayObject) */
  bytearrayBasic: number;
  /** offsetof(PyMemoryViewObject, ob_array): shape, strides and suboffsets follow, 3 per dimension. */
  memoryviewBasic: number;
}

const LAYOUTS_311: ObjectLayouts = {
  strAsciiHeader: 48, strCompactHeader: 72, latin1SingletonsHaveUtf8: false,
  bytesHeader: 32, bytearrayBasic: 56, memoryviewBasic: 144,
};
const LAYOUTS_312: ObjectLayouts = { ...LAYOUTS_311, strAsciiHeader: 40, strCompactHeader: 56, latin1SingletonsHaveUtf8: true };

export function objectLayouts(p: Profile | null | undefined): ObjectLayouts {
  return p && p.major === 3 && p.minor >= 12 ? LAYOUTS_312 : LAYOUTS_311;
}
