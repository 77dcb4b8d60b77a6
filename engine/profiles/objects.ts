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
  /** sizeof(PyTypeObject): what type.__sizeof__ reports for a static (builtin) type. */
  staticTypeSize: number;
  /** Whether sys.getsizeof adds the GC pre-header for a static type: 3.11 and 3.12 add the type's
   *  pre-header to every object; earlier versions ask tp_is_gc (heap types only), and 3.13 skips
   *  static types explicitly. */
  staticTypeSizeHasPreHeader: boolean;
  /** sizeof(PyHeapTypeObject): type.__basicsize__, and what a class's type.__sizeof__ starts from. */
  heapTypeSize: number;
  /** sizeof(PyDictKeysObject) less its indices: 32 from 3.11, 40 before (dk_lookup, wider fields). */
  dictKeysHeader: number;
  /** 3.11 stores str-only tables as 16-byte entries without the hash; before, every entry is 24. */
  dictStrOnlyEntries: boolean;
  /** PyDict_New allocates a minimum-size keys table (3.6, 3.7) instead of sharing the empty one. */
  dictNewAllocatesKeys: boolean;
  /** dict_new (calling dict()) allocates a minimum-size keys table (until 3.8). */
  dictCallAllocatesKeys: boolean;
  /** Before 3.11 a class's shared keys start at the minimum size with the usual usable count,
   *  and every instance dict over them has a values array of that count. */
  sharedKeysMinimal: boolean;
  /** dict.clear() leaves the static empty values array in place, so PyDict_Copy takes a cleared
   *  dict for a split table and copies it over the shared empty keys (3.6). */
  dictClearKeepsEmptyValues: boolean;
  /** PyLong_FromLong and arithmetic on one-digit ints allocate sizeof(PyLongObject) through
   *  _PyLong_FromMedium (3.11+); before, _PyLong_New(1) asked for the header and one digit. */
  intMediumAllocatesStruct: boolean;
}

const LAYOUTS_311: ObjectLayouts = {
  strAsciiHeader: 48, strCompactHeader: 72, latin1SingletonsHaveUtf8: false,
  bytesHeader: 32, bytearrayBasic: 56, memoryviewBasic: 144,
  staticTypeSize: 408, staticTypeSizeHasPreHeader: true, heapTypeSize: 904,
  dictKeysHeader: 32, dictStrOnlyEntries: true, dictNewAllocatesKeys: false, dictCallAllocatesKeys: false,
  sharedKeysMinimal: false, dictClearKeepsEmptyValues: false, intMediumAllocatesStruct: true,
};
const LAYOUTS_312: ObjectLayouts = {
  ...LAYOUTS_311, strAsciiHeader: 40, strCompactHeader: 56, latin1SingletonsHaveUtf8: true,
  staticTypeSize: 416, heapTypeSize: 920,
};
const LAYOUTS_313: ObjectLayouts = { ...LAYOUTS_312, staticTypeSizeHasPreHeader: false, heapTypeSize: 928 };
// The type object's sizes as the real 3.7, 3.8 and 3.13 report them (type.__sizeof__, type.__basicsize__).
const LAYOUTS_37: ObjectLayouts = {
  ...LAYOUTS_311, staticTypeSize: 400, staticTypeSizeHasPreHeader: false, heapTypeSize: 864,
  dictKeysHeader: 40, dictStrOnlyEntries: false, dictNewAllocatesKeys: true, dictCallAllocatesKeys: true,
  sharedKeysMinimal: true, intMediumAllocatesStruct: false,
};
const LAYOUTS_36: ObjectLayouts = { ...LAYOUTS_37, dictClearKeepsEmptyValues: true };
const LAYOUTS_38: ObjectLayouts = { ...LAYOUTS_37, staticTypeSize: 416, heapTypeSize: 880, dictNewAllocatesKeys: false };

export function objectLayouts(p: Profile | null | undefined): ObjectLayouts {
  if (!p || p.major !== 3) return LAYOUTS_311;
  if (p.minor >= 13) return LAYOUTS_313;
  if (p.minor === 12) return LAYOUTS_312;
  if (p.minor >= 11) return LAYOUTS_311;
  if (p.minor === 8) return LAYOUTS_38;
  return p.minor === 7 ? LAYOUTS_37 : LAYOUTS_36;
}
