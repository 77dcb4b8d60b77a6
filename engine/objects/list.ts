// list (Objects/listobject.c, CPython 3.11): a PyListObject of 40 bytes whose items live in a
// separate PyMem buffer of `allocated` pointers, grown and shrunk by list_resize's
// over-allocation rule; the 80-entry free list; slicing and slice assignment with CPython's
// memory traffic; timsort (listsort.ts).
import { newGenericAlias } from './genericalias.js';
import { PyGCObject, PyObject, decref, newref } from './object.js';
import { CompareOp, PyType, TypeFlags } from './type.js';
import { defineType } from './define.js';
import { allocBuffer, allocObject, freeBuffer, freeObject, heap, preHeaderSize, reallocBuffer } from './heap.js';
import { gcTrack, gcUntrack } from '../gc/track.js';
import { None, NotImplemented } from './singletons.js';
import { PyInt, newInt } from './int.js';
import { newStr } from './str.js';
import {
  asIndex, call, getIter, isTrue, iterNext, length, lookupSpecial, newNone, newNotImplemented, reprString,
} from './abstract.js';
import { PyBaseException, TypeError, exceptionMatches, indexError, typeError, valueError } from './exceptions.js';
import { PyTuple, defineSeqIterType, newSeqIter, tupleType } from './tuple.js';
import { PySlice, sliceIndicesFor } from './slice.js';
import { containsItem, countItems, findItem, indexBounds, sequenceRichCompare } from './seqcommon.js';
import { guardedRepr } from './reprguard.js';
import { FreeListSlot } from './freelists.js';
import { checkPositional, noKeywords } from './argcheck.js';
import { MERGESTATE_TEMP_SIZE, reverseRange, timsort } from './listsort.js';
import { growthRules } from '../profiles/growth.js';

export class PyList extends PyGCObject {
  /** ob_item[0 .. ob_size): the live items */
  items: PyObject[] = [];
  /** allocated: pointers the buffer holds (-1 while a sort owns the items) */
  allocated = 0;
  /** Address of the ob_item buffer; 0 for NULL */
  bufAddr = 0;
}

/** sizeof(PyListObject) */
export const LIST_BASICSIZE = 40;

const listFreeList = new FreeListSlot('list', ['PyListObject', LIST_BASICSIZE]);

// ------------------------------------------------------------------ memory

/** list_resize: over-allocate by about 1/8 when growing (by the version's rule); shrink only
 *  below half. Called before the caller changes the number of items. */
export function listResize(l: PyList, newsize: number): void {
  const allocated = l.allocated;
  if (allocated >= newsize && newsize >= Math.floor(allocated / 2)) return;
  let newAllocated: number;
  if (growthRules(heap.profile).listResizeRoundsToFour) {
    newAllocated = Math.floor((newsize + Math.floor(newsize / 8) + 6) / 4) * 4;
    if (newsize - l.items.length > newAllocated - newsize) newAllocated = Math.floor((newsize + 3) / 4) * 4;
  } else {
    newAllocated = newsize + Math.floor(newsize / 8) + (newsize < 9 ? 3 : 6);
  }
  if (newsize === 0) newAllocated = 0;
  if (newAllocated > 2 ** 60) throw heap.memoryError();
  l.bufAddr = reallocBuffer(l.bufAddr, newAllocated * 8);
  l.allocated = newAllocated;
}

/** list_preallocate_exact: the slots for an empty list about to be filled (an even number of
 *  them from 3.10). */
function listPreallocateExact(l: PyList, size: number): void {
  if (growthRules(heap.profile).listExtendPreallocates) size = size + (size & 1);
  if (size > 2 ** 60) throw heap.memoryError();
  l.bufAddr = allocBuffer(size * 8);
  l.allocated = size;
}

/** PyList_New(0) without items, from the free list when it has one. */
function listObject(): PyList {
  const l = new PyList(listType);
  const kept = listFreeList.get().pop();
  if (kept !== undefined) l.addr = kept + preHeaderSize(listType);
  else allocObject(l, LIST_BASICSIZE);
  return l;
}

/** PyList_New(n) filled with `items`, whose references the list takes over. */
export function newList(items: PyObject[]): PyList {
  const l = listObject();
  const n = items.length;
  if (n > 0) l.bufAddr = allocBuffer(n * 8);
  l.allocated = n;
  l.items = items;
  gcTrack(l);
  return l;
}

/** list_new_prealloc: an empty list with room for exactly n items. */
function listNewPrealloc(items: PyObject[]): PyList {
  const l = newList([]);
  if (items.length > 0) {
    l.bufAddr = allocBuffer(items.length * 8);
    l.allocated = items.length;
  }
  l.items = items;
  return l;
}

/** _list_clear: drop every item (last first) and the buffer. */
export function listClear(l: PyList): void {
  const items = l.items;
  const buf = l.bufAddr;
  if (buf === 0 && items.length === 0) return;
  l.items = [];
  l.bufAddr = 0;
  l.allocated = 0;
  for (let i = items.length - 1; i >= 0; i--) decref(items[i]!);
  freeBuffer(buf);
}

function listDealloc(o: PyObject): void {
  const l = o as PyList;
  gcUntrack(l);
  const items = l.items;
  l.items = [];
  for (let i = items.length - 1; i >= 0; i--) decref(items[i]!);
  freeBuffer(l.bufAddr);
  l.bufAddr = 0;
  if (l.type === listType && listFreeList.get().push(l.addr - preHeaderSize(listType))) {
    l.addr = 0;
    return;
  }
  freeObject(l);
}

// ------------------------------------------------------------------ growing

/** PyList_Append: the list takes its own reference. */
export function listAppend(l: PyList, v: PyObject): void {
  if (l.allocated <= l.items.length) listResize(l, l.items.length + 1);
  l.items.push(newref(v));
}

/** ins1 */
export function listInsert(l: PyList, where: number, v: PyObject): void {
  const n = l.items.length;
  listResize(l, n + 1);
  if (where < 0) {
    where += n;
    if (where < 0) where = 0;
  }
  if (where > n) where = n;
  l.items.splice(where, 0, newref(v));
}

/** list_extend: lists and tuples by copying, other iterables by iterating with a length hint. */
export function listExtend(l: PyList, iterable: PyObject): void {
  if (iterable.type === listType || iterable.type === tupleType || iterable === l) {
    const src = (iterable as PyList | PyTuple).items.slice();
    const n = src.length;
    if (n === 0) return;
    if (l.bufAddr === 0 && growthRules(heap.profile).listExtendPreallocates) listPreallocateExact(l, n);
    else listResize(l, l.items.length + n);
    for (const x of src) l.items.push(newref(x));
    return;
  }
  const it = getIter(iterable);
  try {
    const n = lengthHint(iterable, 8);
    if (l.bufAddr === 0 && growthRules(heap.profile).listExtendPreallocates) {
      if (n) listPreallocateExact(l, n);
    } else {
      listResize(l, l.items.length + n);
    }
    for (let item = iterNext(it); item !== null; item = iterNext(it)) {
      if (l.items.length >= l.allocated) listResize(l, l.items.length + 1);
      l.items.push(item);
    }
  } finally {
    decref(it);
  }
  if (l.items.length < l.allocated) listResize(l, l.items.length);
}

/** PyObject_LengthHint: len() when defined, else __length_hint__, else the default. */
export function lengthHint(o: PyObject, dflt: number): number {
  if (o.type.sq_length || o.type.mp_length) {
    try {
      return length(o);
    } catch (e) {
      if (!(e instanceof PyBaseException) || !exceptionMatches(e, TypeError)) throw e;
      decref(e);
    }
  }
  const hint = lookupSpecial(o, '__length_hint__');
  if (hint === null) return dflt;
  let r: PyObject;
  try {
    r = call(hint, []);
  } catch (e) {
    if (!(e instanceof PyBaseException) || !exceptionMatches(e, TypeError)) throw e;
    decref(e);
    return dflt;
  } finally {
    decref(hint);
  }
  try {
    if (r === NotImplemented) return dflt;
    if (!(r instanceof PyInt)) throw typeError(`__length_hint__ must be an integer, not ${r.type.name}`);
    const n = asIndex(r);
    if (n < 0) throw valueError('__length_hint__() should return >= 0');
    return n;
  } finally {
    decref(r);
  }
}

/** PySequence_List */
export function sequenceList(iterable: PyObject): PyList {
  const l = newList([]);
  try {
    listExtend(l, iterable);
  } catch (e) {
    decref(l);
    throw e;
  }
  return l;
}

// ------------------------------------------------------------------ slices

/** list_slice */
function listSlice(a: PyList, ilow: number, ihigh: number): PyList {
  return listNewPrealloc(a.items.slice(ilow, ihigh).map((x) => newref(x)));
}

/** PySequence_Fast for slice assignment: list and tuple items as they are, else a new list. */
function fastItems(v: PyObject, message: string): [PyObject[], PyObject | null] {
  if (v.type === listType || v instanceof PyTuple) return [(v as PyList | PyTuple).items, null];
  let tmp: PyList;
  try {
    tmp = sequenceList(v);
  } catch (e) {
    if (e instanceof PyBaseException && exceptionMatches(e, TypeError)) {
      decref(e);
      throw typeError(message);
    }
    throw e;
  }
  return [tmp.items, tmp];
}

/** list_ass_slice: a[ilow:ihigh] = v (v null deletes). Removed items go last, last first. */
export function listAssSlice(a: PyList, ilow: number, ihigh: number, v: PyObject | null): void {
  if (v === a) {
    const copy = listSlice(a, 0, a.items.length);
    try {
      listAssSlice(a, ilow, ihigh, copy);
    } finally {
      decref(copy);
    }
    return;
  }
  let vitems: PyObject[] = [];
  let holder: PyObject | null = null;
  if (v !== null) [vitems, holder] = fastItems(v, 'can only assign an iterable');
  try {
    const size = a.items.length;
    ilow = Math.min(Math.max(ilow, 0), size);
    ihigh = Math.min(Math.max(ihigh, ilow), size);
    const n = vitems.length;
    const norig = ihigh - ilow;
    const d = n - norig;
    if (size + d === 0) {
      listClear(a);
      return;
    }
    // CPython keeps more than 8 removed items in a PyMem scratch array while it works
    const scratch = norig > 8 ? allocBuffer(norig * 8) : 0;
    if (d !== 0) listResize(a, size + d);
    const recycle = a.items.splice(ilow, norig, ...vitems.map((x) => newref(x)));
    for (let k = recycle.length - 1; k >= 0; k--) decref(recycle[k]!);
    freeBuffer(scratch);
  } finally {
    if (holder) decref(holder);
  }
}

function listSubscript(o: PyObject, key: PyObject): PyObject {
  const l = o as PyList;
  if (key.type.nb_index) {
    let i = asIndex(key);
    if (i < 0) i += l.items.length;
    return listItem(l, i);
  }
  if (key instanceof PySlice) {
    const [start, stop, step, n] = sliceIndicesFor(key, l.items.length);
    if (n <= 0) return newList([]);
    if (step === 1) return listSlice(l, start, stop);
    const out: PyObject[] = new Array<PyObject>(n);
    for (let k = 0, j = start; k < n; k++, j += step) out[k] = newref(l.items[j]!);
    return listNewPrealloc(out);
  }
  throw typeError(`list indices must be integers or slices, not ${key.type.name}`);
}

function listItem(l: PyList, i: number): PyObject {
  if (i < 0 || i >= l.items.length) throw indexError('list index out of range');
  return newref(l.items[i]!);
}

/** list_ass_item */
function listAssItem(l: PyList, i: number, v: PyObject | null): void {
  if (i < 0 || i >= l.items.length) throw indexError('list assignment index out of range');
  if (v === null) {
    listAssSlice(l, i, i + 1, null);
    return;
  }
  const old = l.items[i]!;
  l.items[i] = newref(v);
  decref(old);
}

/** list_ass_subscript */
function listAssSubscript(o: PyObject, key: PyObject, v: PyObject | null): void {
  const l = o as PyList;
  if (key.type.nb_index) {
    let i = asIndex(key);
    if (i < 0) i += l.items.length;
    listAssItem(l, i, v);
    return;
  }
  if (!(key instanceof PySlice)) throw typeError(`list indices must be integers or slices, not ${key.type.name}`);
  let [start, stop, step, n] = sliceIndicesFor(key, l.items.length);
  if (step === 1) {
    listAssSlice(l, start, stop, v);
    return;
  }
  if ((step < 0 && start < stop) || (step > 0 && start > stop)) stop = start;
  if (v === null) {
    if (n <= 0) return;
    if (step < 0) {
      stop = start + 1;
      start = stop + step * (n - 1) - 1;
      step = -step;
    }
    const garbageBuf = allocBuffer(n * 8);
    const garbage: PyObject[] = [];
    const kept: PyObject[] = [];
    l.items.forEach((x, i) => {
      if (i >= start && i < stop && (i - start) % step === 0) garbage.push(x);
      else kept.push(x);
    });
    l.items = kept;
    listResize(l, kept.length);
    for (const g of garbage) decref(g);
    freeBuffer(garbageBuf);
    return;
  }
  const [seq, holder] = v === l ? [l.items.slice(), null] : fastItems(v, 'must assign iterable to extended slice');
  try {
    if (seq.length !== n) {
      throw valueError(`attempt to assign sequence of size ${seq.length} to extended slice of size ${n}`);
    }
    if (n === 0) return;
    const garbageBuf = allocBuffer(n * 8);
    const garbage: PyObject[] = [];
    for (let k = 0, cur = start; k < n; k++, cur += step) {
      garbage.push(l.items[cur]!);
      l.items[cur] = newref(seq[k]!);
    }
    for (const g of garbage) decref(g);
    freeBuffer(garbageBuf);
  } finally {
    if (holder) decref(holder);
  }
}

// ------------------------------------------------------------------ methods

/** list.pop: the last item is taken by resizing; others through a slice deletion. */
function listPop(l: PyList, args: PyObject[]): PyObject {
  checkPositional('pop', args.length, 0, 1);
  const size = l.items.length;
  if (size === 0) throw indexError('pop from empty list');
  let index = args.length ? asIndex(args[0]!) : -1;
  if (index < 0) index += size;
  if (index < 0 || index >= size) throw indexError('pop index out of range');
  const v = l.items[index]!;
  if (index === size - 1) {
    listResize(l, size - 1);
    l.items.pop();
    return v;
  }
  newref(v);
  listAssSlice(l, index, index + 1, null);
  return v;
}

function listRemove(self: PyObject, value: PyObject): PyObject {
  const l = self as PyList;
  const i = findItem(l.items, value, 0, l.items.length);
  if (i < 0) throw valueError('list.remove(x): x not in list');
  listAssSlice(l, i, i + 1, null);
  return newNone();
}

/** list.sort(*, key=None, reverse=False): the items leave the list while sorting, so a list
 *  changed by a comparison or key function is detected (and its changes dropped). */
export function listSort(l: PyList, key: PyObject | null, reverse: boolean): void {
  const saved = l.items;
  const savedAllocated = l.allocated;
  const savedBuf = l.bufAddr;
  l.items = [];
  l.allocated = -1;
  l.bufAddr = 0;
  let keys: PyObject[] | null = null;
  let failure: unknown = null;
  // keys beyond half the merge state's scratch space get a PyMem array of their own
  const keysBuf = key !== null && saved.length >= MERGESTATE_TEMP_SIZE / 2 ? allocBuffer(saved.length * 8) : 0;
  try {
    if (key !== null) {
      keys = [];
      try {
        for (const x of saved) keys.push(call(key, [x]));
      } catch (e) {
        for (const k of keys) decref(k);
        keys = null;
        throw e;
      }
    }
    if (reverse) {
      if (keys) reverseRange(keys, 0, keys.length);
      reverseRange(saved, 0, saved.length);
    }
    const sorted = timsort(keys ?? saved, keys ? saved : null);
    failure = sorted.error;
    if (keys) for (const k of keys) decref(k);
    freeBuffer(keysBuf);
    if (failure === null && l.allocated !== -1) failure = valueError('list modified during sort');
    if (reverse && saved.length > 1) reverseRange(saved, 0, saved.length);
    sorted.freemem();
  } catch (e) {
    failure ??= e;
  } finally {
    const final = l.items;
    const finalBuf = l.bufAddr;
    l.items = saved;
    l.allocated = savedAllocated;
    l.bufAddr = savedBuf;
    for (let i = final.length - 1; i >= 0; i--) decref(final[i]!);
    freeBuffer(finalBuf);
  }
  if (failure !== null) throw failure;
}

function sortArgs(args: PyObject[], kwnames: readonly string[] | null): [PyObject | null, boolean] {
  const nkw = kwnames?.length ?? 0;
  if (args.length - nkw > 0) throw typeError('sort() takes no positional arguments');
  let key: PyObject | null = null;
  let reverse = false;
  for (let i = 0; i < nkw; i++) {
    const name = kwnames![i]!;
    const v = args[i]!;
    if (name === 'key') key = v === None ? null : v;
    else if (name === 'reverse') {
      if (!(v instanceof PyInt)) throw typeError(`'${v.type.name}' object cannot be interpreted as an integer`);
      reverse = isTrue(v);
    } else throw typeError(`'${name}' is an invalid keyword argument for sort()`);
  }
  return [key, reverse];
}

/** list_inplace_repeat */
function listInplaceRepeat(o: PyObject, n: number): PyObject {
  const l = o as PyList;
  const size = l.items.length;
  if (size === 0 || n === 1) return newref(l);
  if (n < 1) {
    listClear(l);
    return newref(l);
  }
  if (size > 2 ** 60 / n) throw heap.memoryError();
  listResize(l, size * n);
  const base = l.items.slice();
  for (let k = 1; k < n; k++) for (const x of base) l.items.push(newref(x));
  return newref(l);
}

function listRepeat(o: PyObject, n: number): PyObject {
  const items = (o as PyList).items;
  if (n < 0) n = 0;
  if (n > 0 && items.length > 2 ** 60 / n) throw heap.memoryError();
  if (items.length * n === 0) return newList([]);
  const out: PyObject[] = [];
  for (let k = 0; k < n; k++) for (const x of items) out.push(newref(x));
  return listNewPrealloc(out);
}

function listConcat(a: PyObject, b: PyObject): PyObject {
  if (!(b instanceof PyList)) throw typeError(`can only concatenate list (not "${b.type.name}") to list`);
  const items = [...(a as PyList).items, ...b.items];
  if (items.length === 0) return newList([]);
  return listNewPrealloc(items.map((x) => newref(x)));
}

function listRepr(o: PyObject): PyObject {
  const l = o as PyList;
  if (l.items.length === 0) return newStr('[]');
  return newStr(guardedRepr(l, '[...]', () => {
    const parts: string[] = [];
    for (let i = 0; i < l.items.length; i++) {
      const x = newref(l.items[i]!);
      try {
        parts.push(reprString(x));
      } finally {
        decref(x);
      }
    }
    return `[${parts.join(', ')}]`;
  }));
}

/** list___init___impl: clears, preallocates from len() when the iterable has one, extends. */
function listInit(self: PyObject, args: PyObject[], kwnames: readonly string[] | null): void {
  const l = self as PyList;
  if (l.type === listType) noKeywords('list', kwnames);
  checkPositional('list', args.length - (kwnames?.length ?? 0), 0, 1);
  if (l.bufAddr !== 0 || l.items.length) listClear(l);
  if (args.length === 0) return;
  const iterable = args[0]!;
  if (growthRules(heap.profile).listInitPreallocates && (iterable.type.sq_length || iterable.type.mp_length)) {
    let n = -1;
    try {
      n = length(iterable);
    } catch (e) {
      if (!(e instanceof PyBaseException) || !exceptionMatches(e, TypeError)) throw e;
      decref(e);
    }
    if (n > 0 && l.bufAddr === 0) listPreallocateExact(l, n);
  }
  listExtend(l, iterable);
}

/** list_vectorcall's allocation: PyType_GenericAlloc, which does not use the free list. */
function listNew(type: PyType): PyObject {
  const l = new PyList(type);
  allocObject(l, type.basicsize);
  gcTrack(l);
  return l;
}

export const listIterType = defineSeqIterType('list_iterator', false);
export const listReverseIterType = defineSeqIterType('list_reverseiterator', true);

export const listType = defineType({
  name: 'list',
  flags: TypeFlags.BASETYPE | TypeFlags.HAVE_GC | TypeFlags.LIST_SUBCLASS | TypeFlags.SEQUENCE | TypeFlags.MATCH_SELF,
  layout: { basicsize: LIST_BASICSIZE },
  slots: {
    tp_dealloc: listDealloc,
    // list_traverse visits the items last to first
    tp_traverse: (o, visit) => {
      const items = (o as PyList).items;
      for (let i = items.length - 1; i >= 0; i--) visit(items[i]!);
    },
    tp_clear: (o) => listClear(o as PyList),
    tp_repr: listRepr,
    tp_richcompare: (v, w, op: CompareOp) => (v instanceof PyList && w instanceof PyList
      ? sequenceRichCompare(v.items, w.items, op, true) : newNotImplemented()),
    tp_iter: (o) => newSeqIter(listIterType, o as PyList),
    tp_new: (type) => listNew(type),
    tp_init: listInit,
    sq_length: (o) => (o as PyList).items.length,
    sq_concat: listConcat,
    sq_repeat: listRepeat,
    sq_item: (o, i) => listItem(o as PyList, i),
    sq_ass_item: (o, i, v) => listAssItem(o as PyList, i, v),
    sq_contains: (o, v) => containsItem((o as PyList).items, v),
    sq_inplace_concat: (a, b) => {
      listExtend(a as PyList, b);
      return newref(a);
    },
    sq_inplace_repeat: listInplaceRepeat,
    mp_subscript: listSubscript,
    mp_ass_subscript: listAssSubscript,
  },
  methods: {
    __getitem__: { kind: 'o', fn: listSubscript },
    __reversed__: { kind: 'noargs', fn: (self) => newSeqIter(listReverseIterType, self as PyList, (self as PyList).items.length - 1) },
    __sizeof__: { kind: 'noargs', fn: (self) => newInt(self.type.basicsize + Math.max(0, (self as PyList).allocated) * 8) },
    append: { kind: 'o', fn: (self, v) => {
      listAppend(self as PyList, v);
      return newNone();
    } },
    clear: { kind: 'noargs', fn: (self) => {
      listClear(self as PyList);
      return newNone();
    } },
    copy: { kind: 'noargs', fn: (self) => listSlice(self as PyList, 0, (self as PyList).items.length) },
    count: { kind: 'o', fn: (self, v) => newInt(countItems((self as PyList).items, v)) },
    extend: { kind: 'o', fn: (self, v) => {
      listExtend(self as PyList, v);
      return newNone();
    } },
    index: { kind: 'fast', fn: (self, args) => {
      checkPositional('index', args.length, 1, 3);
      const items = (self as PyList).items;
      const [start, stop] = indexBounds(args, items.length);
      const i = findItem(items, args[0]!, start, stop);
      if (i < 0) throw valueError(`${reprString(args[0]!)} is not in list`);
      return newInt(i);
    } },
    insert: { kind: 'fast', fn: (self, args) => {
      checkPositional('insert', args.length, 2, 2);
      listInsert(self as PyList, asIndex(args[0]!), args[1]!);
      return newNone();
    } },
    pop: { kind: 'fast', fn: (self, args) => listPop(self as PyList, args) },
    remove: { kind: 'o', fn: listRemove },
    reverse: { kind: 'noargs', fn: (self) => {
      reverseRange((self as PyList).items, 0, (self as PyList).items.length);
      return newNone();
    } },
    sort: { kind: 'fastkw', fn: (self, args, kwnames) => {
      const [key, reverse] = sortArgs(args, kwnames);
      listSort(self as PyList, key, reverse);
      return newNone();
    } },
  },
  classMethods: { __class_getitem__: { kind: 'o', fn: newGenericAlias } },
  attributes: () => ({ __hash__: None }),
  doc: 'Built-in mutable sequence.\n\nIf no argument is given, the constructor creates a new empty list.\n'
    + 'The argument must be an iterable if specified.',
});

