// tuple (Objects/tupleobject.c, CPython 3.11): immutable arrays of references, GC-tracked from
// birth (the collector untracks those holding only atomic items), with the empty tuple as a
// singleton, a free list per length 1..20, and 3.11's xxHash-based hash.
import { newGenericAlias } from './genericalias.js';
import { PyGCObject, PyObject, decref, newref } from './object.js';
import { PyType, TypeFlags } from './type.js';
import { defineType } from './define.js';
import { allocObject, allocStatic, freeObject, heap, preHeaderSize } from './heap.js';
import { gcTrack, gcUntrack, isTracked } from '../gc/track.js';
import { FreeListSlot } from './freelists.js';
import { newInt } from './int.js';
import { newStr } from './str.js';
import { asIndex, collect, hash, newNotImplemented, reprString } from './abstract.js';
import { indexError, typeError, valueError } from './exceptions.js';
import { guardedRepr } from './reprguard.js';
import { PySlice, sliceIndicesFor } from './slice.js';
import { containsItem, countItems, findItem, indexBounds, sequenceRichCompare } from './seqcommon.js';
import { checkPositional, noKeywords } from './argcheck.js';

export class PyTuple extends PyGCObject {
  constructor(type: PyObject['type'], public items: PyObject[]) {
    super(type);
  }
}

/** offsetof(PyTupleObject, ob_item) */
export const TUPLE_HEADER = 24;
/** PyTuple_NFREELISTS: lengths 1..20 keep their dead tuples. */
const TUPLE_NFREELISTS = 20;

const tupleFreeLists = new FreeListSlot('tuple',
  ...Array.from({ length: TUPLE_NFREELISTS }, (_, i) => [`${i + 1}-sized PyTupleObject`, TUPLE_HEADER + 8 * (i + 1)] as const));

export const tupleType = defineType({
  name: 'tuple',
  flags: TypeFlags.BASETYPE | TypeFlags.HAVE_GC | TypeFlags.TUPLE_SUBCLASS | TypeFlags.SEQUENCE | TypeFlags.MATCH_SELF,
  layout: { basicsize: TUPLE_HEADER, itemsize: 8 },
  slots: {
    tp_dealloc: deallocTuple,
    // tupletraverse visits the items last to first
    tp_traverse: (o, visit) => {
      const items = (o as PyTuple).items;
      for (let i = items.length - 1; i >= 0; i--) visit(items[i]!);
    },
    tp_repr: tupleRepr,
    tp_hash: tupleHash,
    tp_richcompare: (v, w, op) => (v instanceof PyTuple && w instanceof PyTuple
      ? sequenceRichCompare(v.items, w.items, op, false) : newNotImplemented()),
    tp_iter: (o) => newSeqIter(tupleIterType, o as PyTuple),
    tp_new: tupleNew,
    sq_length: (o) => (o as PyTuple).items.length,
    sq_concat: tupleConcat,
    sq_repeat: tupleRepeat,
    sq_item: (o, i) => tupleItem(o as PyTuple, i),
    sq_contains: (o, v) => containsItem((o as PyTuple).items, v),
    mp_subscript: tupleSubscript,
  },
  methods: {
    count: { kind: 'o', fn: (self, v) => newInt(countItems((self as PyTuple).items, v)) },
    index: {
      kind: 'fast',
      fn: (self, args) => {
        checkPositional('index', args.length, 1, 3);
        const items = (self as PyTuple).items;
        const [start, stop] = indexBounds(args, items.length);
        const i = findItem(items, args[0]!, start, stop);
        if (i < 0) throw valueError('tuple.index(x): x not in tuple');
        return newInt(i);
      },
    },
    __getnewargs__: { kind: 'noargs', fn: (self) => newTuple([newTuple((self as PyTuple).items.map((x) => newref(x)))]) },
  },
  classMethods: { __class_getitem__: { kind: 'o', fn: newGenericAlias } },
  doc: 'Built-in immutable sequence.\n\nIf no argument is given, the constructor returns an empty tuple.\n'
    + 'If iterable is specified the tuple is initialized from iterable\'s items.\n\n'
    + 'If the argument is a tuple, the return value is the same object.',
});

/** tupledealloc: items go last to first; exact tuples of length <= 20 keep their memory. */
function deallocTuple(o: PyObject): void {
  const t = o as PyTuple;
  gcUntrack(t);
  const items = t.items;
  const n = items.length;
  t.items = [];
  for (let i = n - 1; i >= 0; i--) decref(items[i]!);
  if (t.type === tupleType && n <= TUPLE_NFREELISTS && tupleFreeLists.get(n - 1).push(t.addr - preHeaderSize(tupleType))) {
    t.addr = 0;
    return;
  }
  freeObject(t);
}

/** The () singleton, static in 3.11's runtime state. */
export const emptyTuple = new PyTuple(tupleType, []);
allocStatic(emptyTuple, TUPLE_HEADER);
emptyTuple.refcnt = 1 << 20;

/** PyTuple_New filled with `items`, whose references the tuple takes over. */
export function newTuple(items: PyObject[]): PyTuple {
  const n = items.length;
  if (n === 0) {
    emptyTuple.refcnt++;
    return emptyTuple;
  }
  const t = new PyTuple(tupleType, items);
  const kept = n <= TUPLE_NFREELISTS ? tupleFreeLists.get(n - 1).pop() : undefined;
  if (kept !== undefined) t.addr = kept + preHeaderSize(tupleType);
  else allocObject(t, TUPLE_HEADER + 8 * n);
  gcTrack(t);
  return t;
}

/** A tuple of a tuple subclass (tuple_subtype_new): items are taken over. */
export function newTupleOfType(type: PyType, items: PyObject[]): PyTuple {
  if (type === tupleType) return newTuple(items);
  const t = new PyTuple(type, items);
  allocObject(t, type.basicsize + 8 * items.length);
  gcTrack(t);
  return t;
}

/** _PyObject_GC_MAY_BE_TRACKED: containers, except tuples found atomic and static types. */
export function mayBeTracked(o: PyObject): boolean {
  const t = o.type;
  if ((t.flags & TypeFlags.HAVE_GC) === 0) return false;
  if (t === tupleType) return isTracked(o as PyGCObject);
  if (o instanceof PyType) return o.hasFlag(TypeFlags.HEAPTYPE);
  return true;
}

/** _PyTuple_MaybeUntrack: what the collector calls on each young tuple. */
export function tupleMaybeUntrack(o: PyObject): void {
  if (o.type !== tupleType || !isTracked(o as PyGCObject)) return;
  for (const item of (o as PyTuple).items) if (mayBeTracked(item)) return;
  gcUntrack(o as PyGCObject);
}

// ------------------------------------------------------------------ protocols

/** tuplerepr: `(1,)` for one item, `(...)` when the tuple is already being printed. */
function tupleRepr(o: PyObject): PyObject {
  const items = (o as PyTuple).items;
  if (items.length === 0) return newStr('()');
  return newStr(guardedRepr(o, '(...)', () => {
    const parts = items.map((x) => {
      newref(x);
      try {
        return reprString(x);
      } finally {
        decref(x);
      }
    });
    return parts.length === 1 ? `(${parts[0]},)` : `(${parts.join(', ')})`;
  }));
}

const M64 = (1n << 64n) - 1n;
const XXPRIME_1 = 11400714785074694791n;
const XXPRIME_2 = 14029467366897019727n;
const XXPRIME_5 = 2870177450012600261n;

/** tuplehash: 3.11's variant of xxHash over the items' hashes. */
function tupleHash(o: PyObject): bigint {
  const items = (o as PyTuple).items;
  let acc = XXPRIME_5;
  for (const item of items) {
    const lane = BigInt.asUintN(64, hash(item));
    acc = (acc + lane * XXPRIME_2) & M64;
    acc = ((acc << 31n) | (acc >> 33n)) & M64;
    acc = (acc * XXPRIME_1) & M64;
  }
  acc = (acc + (BigInt(items.length) ^ (XXPRIME_5 ^ 3527539n))) & M64;
  if (acc === M64) return 1546275796n;
  return BigInt.asIntN(64, acc);
}

function tupleItem(t: PyTuple, i: number): PyObject {
  if (i < 0 || i >= t.items.length) throw indexError('tuple index out of range');
  return newref(t.items[i]!);
}

/** tuplesubscript: an index or a slice. */
function tupleSubscript(o: PyObject, key: PyObject): PyObject {
  const t = o as PyTuple;
  const items = t.items;
  if (key.type.nb_index) {
    let i = asIndex(key);
    if (i < 0) i += items.length;
    return tupleItem(t, i);
  }
  if (key instanceof PySlice) {
    const [start, , step, n] = sliceIndicesFor(key, items.length);
    if (n <= 0) return newTuple([]);
    if (start === 0 && step === 1 && n === items.length && t.type === tupleType) return newref(t);
    const out: PyObject[] = new Array<PyObject>(n);
    for (let k = 0, j = start; k < n; k++, j += step) out[k] = newref(items[j]!);
    return newTuple(out);
  }
  throw typeError(`tuple indices must be integers or slices, not ${key.type.name}`);
}

function tupleConcat(a: PyObject, b: PyObject): PyObject {
  if (!(b instanceof PyTuple)) throw typeError(`can only concatenate tuple (not "${b.type.name}") to tuple`);
  const x = (a as PyTuple).items;
  const y = b.items;
  if (y.length === 0 && a.type === tupleType) return newref(a);
  if (x.length === 0 && b.type === tupleType) return newref(b);
  return newTuple([...x, ...y].map((v) => newref(v)));
}

function tupleRepeat(a: PyObject, n: number): PyObject {
  const items = (a as PyTuple).items;
  if ((items.length === 0 || n === 1) && a.type === tupleType) return newref(a);
  if (items.length === 0 || n <= 0) return newTuple([]);
  if (items.length * n > 2 ** 60 / 8) throw heap.memoryError();
  const out: PyObject[] = [];
  for (let k = 0; k < n; k++) for (const v of items) out.push(newref(v));
  return newTuple(out);
}

/** PySequence_Tuple */
export function sequenceTuple(iterable: PyObject): PyTuple {
  if (iterable.type === tupleType) return newref(iterable as PyTuple);
  return newTuple(collect(iterable));
}

/** tuple_new / tuple_vectorcall: the same object for an exact tuple argument. */
function tupleNew(type: PyType, args: PyObject[], kwnames: readonly string[] | null): PyObject {
  if (type === tupleType) noKeywords('tuple', kwnames);
  const n = args.length - (kwnames?.length ?? 0);
  checkPositional('tuple', n, 0, 1);
  if (type === tupleType) return n === 0 ? newTuple([]) : sequenceTuple(args[0]!);
  return newTupleOfType(type, n === 0 ? [] : collect(args[0]!));
}

// ------------------------------------------------------------------ iterators over an item array

/** A sequence whose items live in a JS array that mutations update (list and tuple). */
export interface ItemArray {
  items: PyObject[];
}

/** tupleiterobject / listiterobject: an index into the live items of the sequence. */
export class PySeqIter extends PyGCObject {
  constructor(type: PyType, public seq: (PyObject & ItemArray) | null, public index: number) {
    super(type);
  }
}

/** sizeof(tupleiterobject), sizeof(listiterobject) */
const SEQITER_SIZE = 32;

/** An iterator type over an object's item array, forward or reversed (list_reverseiterator). */
export function defineSeqIterType(name: string, reversed: boolean): PyType {
  return defineType({
    name,
    flags: TypeFlags.HAVE_GC,
    layout: { basicsize: SEQITER_SIZE },
    slots: {
      tp_dealloc: (o) => {
        const it = o as PySeqIter;
        gcUntrack(it);
        const s = it.seq;
        it.seq = null;
        if (s) decref(s);
        freeObject(it);
      },
      tp_traverse: (o, visit) => {
        const s = (o as PySeqIter).seq;
        if (s) visit(s);
      },
      tp_iter: (o) => newref(o),
      tp_iternext: reversed ? seqIterNextReversed : seqIterNext,
    },
    methods: {
      __length_hint__: {
        kind: 'noargs',
        fn: (self) => {
          const it = self as PySeqIter;
          if (it.seq === null) return newInt(0);
          const n = it.seq.items.length;
          return newInt(reversed ? (it.index < n ? it.index + 1 : 0) : Math.max(0, n - it.index));
        },
      },
    },
  });
}

function seqIterNext(o: PyObject): PyObject | null {
  const it = o as PySeqIter;
  const s = it.seq;
  if (s === null) return null;
  if (it.index < s.items.length) return newref(s.items[it.index++]!);
  it.seq = null;
  decref(s);
  return null;
}

function seqIterNextReversed(o: PyObject): PyObject | null {
  const it = o as PySeqIter;
  const s = it.seq;
  if (s === null) return null;
  const i = it.index;
  if (i >= 0 && i < s.items.length) {
    it.index--;
    return newref(s.items[i]!);
  }
  it.index = -1;
  it.seq = null;
  decref(s);
  return null;
}

export function newSeqIter(type: PyType, seq: PyObject & ItemArray, start = 0): PyObject {
  const it = new PySeqIter(type, newref(seq), start);
  allocObject(it, SEQITER_SIZE);
  gcTrack(it);
  return it;
}

export const tupleIterType = defineSeqIterType('tuple_iterator', false);
