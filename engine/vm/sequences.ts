// The list operations the evaluation loop needs (BUILD_LIST, LIST_APPEND, LIST_EXTEND,
// LIST_TO_TUPLE, starred unpacking), bound to the list type's module.
import type { PyObject } from '../objects/object.js';
import { PyList, listAppend, listExtend, newList } from '../objects/list.js';

export const listOps = {
  /** A new list that takes over the references in `items`. */
  make: (items: PyObject[]): PyObject => newList(items),
  /** PyList_Append (borrowed item) */
  append: (list: PyObject, item: PyObject): void => listAppend(list as PyList, item),
  /** list.extend(iterable) as LIST_EXTEND does */
  extend: (list: PyObject, iterable: PyObject): void => listExtend(list as PyList, iterable),
  /** The items, borrowed. */
  items: (list: PyObject): PyObject[] => (list as PyList).items,
};
