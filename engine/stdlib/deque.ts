// collections.deque (Modules/_collectionsmodule.c): items live in a chain of 64-slot blocks
// (528 bytes each, PyMem), tracked here by the left block's first used index so the block
// count, and with it __sizeof__ and the allocations, follow CPython. Up to 16 freed blocks are
// kept by the deque for reuse.
import { newGenericAlias } from '../objects/genericalias.js';
import { PyGCObject, PyObject, decref, newref } from '../objects/object.js';
import { CompareOp, TypeFlags, type PyType } from '../objects/type.js';
import { defineType } from '../objects/define.js';
import { allocBuffer, allocObject, freeBuffer, freeObject } from '../objects/heap.js';
import { gcTrack, gcUntrack } from '../gc/track.js';
import { None } from '../objects/singletons.js';
import { newInt } from '../objects/int.js';
import { newStr } from '../objects/str.js';
import {
  asIndex, forEach, newNone, newNotImplemented, reprString, richCompareBool,
} from '../objects/abstract.js';
import { indexError, runtimeError, typeError, valueError } from '../objects/exceptions.js';
import { indexBounds, sequenceRichCompare } from '../objects/seqcommon.js';
import { guardedRepr } from '../objects/reprguard.js';
import { iteratorType, track } from '../objects/iterators.js';
import { checkPositional } from '../objects/argcheck.js';

const BLOCKLEN = 64;
const CENTER = (BLOCKLEN - 1) >> 1;
/** sizeof(block): two links and BLOCKLEN pointers */
const BLOCK_SIZE = 16 + 8 * BLOCKLEN;
const MAXFREEBLOCKS = 16;
/** sizeof(dequeobject) */
const DEQUE_SIZE = 216;

export class PyDeque extends PyGCObject {
  items: PyObject[] = [];
  /** leftindex: where the first item sits in the leftmost block */
  leftindex = CENTER + 1;
  blocks: number[] = [];
  freeblocks: number[] = [];
  maxlen = -1;
  /** bumped by every mutation, so iterators notice */
  state = 0;
}

function blocksNeeded(d: PyDeque): number {
  return Math.floor((d.leftindex + d.items.length + BLOCKLEN - 1) / BLOCKLEN);
}

/** newblock / freeblock until the chain has as many blocks as the items span. */
function syncBlocks(d: PyDeque): void {
  const want = Math.max(1, blocksNeeded(d));
  while (d.blocks.length < want) d.blocks.push(d.freeblocks.pop() ?? allocBuffer(BLOCK_SIZE));
  while (d.blocks.length > want) {
    const b = d.blocks.pop()!;
    if (d.freeblocks.length < MAXFREEBLOCKS) d.freeblocks.push(b);
    else freeBuffer(b);
  }
}

function recenterIfEmpty(d: PyDeque): void {
  if (d.items.length === 0) d.leftindex = CENTER + 1;
}

export function dequeAppend(d: PyDeque, x: PyObject): void {
  d.items.push(newref(x));
  d.state++;
  syncBlocks(d);
  if (d.maxlen >= 0 && d.items.length > d.maxlen) decref(dequePopleft(d));
}

export function dequeAppendleft(d: PyDeque, x: PyObject): void {
  if (d.leftindex === 0) d.leftindex = BLOCKLEN;
  d.leftindex--;
  d.items.unshift(newref(x));
  d.state++;
  syncBlocks(d);
  if (d.maxlen >= 0 && d.items.length > d.maxlen) decref(dequePop(d));
}

/** deque_pop: an emptied deque whose last block ran out is re-centred, not freed. */
function dequePop(d: PyDeque): PyObject {
  if (d.items.length === 0) throw indexError('pop from an empty deque');
  const x = d.items.pop()!;
  d.state++;
  if (d.items.length === 0 && d.leftindex === 0) d.leftindex = CENTER + 1;
  syncBlocks(d);
  return x;
}

function dequePopleft(d: PyDeque): PyObject {
  if (d.items.length === 0) throw indexError('pop from an empty deque');
  const x = d.items.shift()!;
  d.state++;
  d.leftindex++;
  if (d.leftindex === BLOCKLEN) {
    if (d.items.length) {
      d.leftindex = 0;
      const b = d.blocks.shift()!;
      if (d.freeblocks.length < MAXFREEBLOCKS) d.freeblocks.push(b);
      else freeBuffer(b);
    } else {
      d.leftindex = CENTER + 1;
    }
  }
  syncBlocks(d);
  return x;
}

/** deque_extend: an empty deque starts filling from the left end of its block. */
function dequeExtend(d: PyDeque, iterable: PyObject): void {
  if (iterable === d) {
    for (const x of d.items.slice()) dequeAppend(d, x);
    return;
  }
  if (d.items.length === 0) d.leftindex = 1;
  forEach(iterable, (x) => dequeAppend(d, x));
  recenterIfEmpty(d);
}

function dequeExtendleft(d: PyDeque, iterable: PyObject): void {
  if (iterable === d) {
    for (const x of d.items.slice()) dequeAppendleft(d, x);
    return;
  }
  if (d.items.length === 0) d.leftindex = BLOCKLEN - 1;
  forEach(iterable, (x) => dequeAppendleft(d, x));
  recenterIfEmpty(d);
}

/** _deque_rotate: the shorter way round; blocks move from one end to the other. */
function dequeRotate(d: PyDeque, n: number): void {
  const len = d.items.length;
  if (len <= 1) return;
  const half = len >> 1;
  if (n > half || n < -half) {
    n %= len;
    if (n > half) n -= len;
    else if (n < -half) n += len;
  }
  if (n === 0) return;
  d.state++;
  if (n > 0) d.items.unshift(...d.items.splice(len - n, n));
  else d.items.push(...d.items.splice(0, -n));
  d.leftindex = (((d.leftindex - n) % BLOCKLEN) + BLOCKLEN) % BLOCKLEN;
  syncBlocks(d);
}

function dequeClear(d: PyDeque): void {
  const items = d.items;
  d.items = [];
  d.leftindex = CENTER + 1;
  d.state++;
  syncBlocks(d);
  for (const x of items) decref(x);
}

function checkIndex(d: PyDeque, i: number): number {
  if (i < 0) i += d.items.length;
  if (i < 0 || i >= d.items.length) throw indexError('deque index out of range');
  return i;
}

/** deque_del_item: rotate the item to the left end, pop it, rotate back. */
function dequeDelItem(d: PyDeque, i: number): void {
  dequeRotate(d, -i);
  decref(dequePopleft(d));
  dequeRotate(d, i);
}

function newDeque(type: PyType, maxlen: number): PyDeque {
  const d = new PyDeque(type);
  allocObject(d, type.basicsize);
  d.maxlen = maxlen;
  syncBlocks(d);
  gcTrack(d);
  return d;
}

function maxlenArg(o: PyObject | undefined): number {
  if (o === undefined || o === None) return -1;
  const m = asIndex(o);
  if (m < 0) throw valueError('maxlen must be non-negative');
  return m;
}

function dequeRepr(o: PyObject): PyObject {
  const d = o as PyDeque;
  return newStr(guardedRepr(d, '[...]', () => {
    const body = `[${d.items.map((x) => {
      newref(x);
      try {
        return reprString(x);
      } finally {
        decref(x);
      }
    }).join(', ')}]`;
    const name = d.type.name.slice(d.type.name.lastIndexOf('.') + 1);
    return d.maxlen >= 0 ? `${name}(${body}, maxlen=${d.maxlen})` : `${name}(${body})`;
  }));
}

/** deque_richcompare: item by item, like lists. */
function dequeRichCompare(v: PyObject, w: PyObject, op: CompareOp): PyObject {
  if (!(v instanceof PyDeque) || !(w instanceof PyDeque)) return newNotImplemented();
  return sequenceRichCompare(v.items.slice(), w.items.slice(), op, true);
}

function dequeCopyOf(d: PyDeque): PyDeque {
  const c = newDeque(d.type, d.maxlen);
  dequeExtend(c, d);
  return c;
}

export const dequeType = defineType({
  name: 'collections.deque',
  flags: TypeFlags.BASETYPE | TypeFlags.HAVE_GC | TypeFlags.SEQUENCE,
  layout: { basicsize: DEQUE_SIZE },
  slots: {
    tp_dealloc: (o) => {
      const d = o as PyDeque;
      gcUntrack(d);
      dequeClear(d);
      for (const b of [...d.blocks, ...d.freeblocks]) freeBuffer(b);
      d.blocks = [];
      d.freeblocks = [];
      freeObject(d);
    },
    tp_traverse: (o, visit) => {
      for (const x of (o as PyDeque).items) visit(x);
    },
    tp_clear: (o) => dequeClear(o as PyDeque),
    tp_repr: dequeRepr,
    tp_richcompare: dequeRichCompare,
    tp_iter: (o) => newDequeIter(o as PyDeque, false),
    tp_new: (type) => newDeque(type, -1),
    tp_init: (self, args, kwnames) => {
      const d = self as PyDeque;
      const nkw = kwnames?.length ?? 0;
      const pos = args.slice(0, args.length - nkw);
      checkPositional('deque', pos.length, 0, 2);
      let iterable = pos[0];
      let maxlen = pos[1];
      for (let i = 0; i < nkw; i++) {
        const v = args[pos.length + i]!;
        if (kwnames![i] === 'iterable') iterable = v;
        else if (kwnames![i] === 'maxlen') maxlen = v;
        else throw typeError(`deque() got an unexpected keyword argument '${kwnames![i]}'`);
      }
      d.maxlen = maxlenArg(maxlen);
      if (d.items.length) dequeClear(d);
      if (iterable !== undefined) dequeExtend(d, iterable);
    },
    sq_length: (o) => (o as PyDeque).items.length,
    sq_item: (o, i) => newref((o as PyDeque).items[checkIndex(o as PyDeque, i)]!),
    sq_ass_item: (o, i, v) => {
      const d = o as PyDeque;
      const k = checkIndex(d, i);
      if (v === null) {
        dequeDelItem(d, k);
        return;
      }
      const old = d.items[k]!;
      d.items[k] = newref(v);
      decref(old);
    },
    sq_contains: (o, v) => {
      const d = o as PyDeque;
      const state = d.state;
      for (let i = 0; i < d.items.length; i++) {
        const eq = richCompareBool(d.items[i]!, v, CompareOp.EQ);
        if (d.state !== state) throw runtimeError('deque mutated during iteration');
        if (eq) return true;
      }
      return false;
    },
    sq_concat: (a, b) => {
      if (!(b instanceof PyDeque)) throw typeError(`can only concatenate deque (not "${b.type.name}") to deque`);
      const c = dequeCopyOf(a as PyDeque);
      dequeExtend(c, b);
      return c;
    },
    sq_repeat: (a, n) => {
      const c = dequeCopyOf(a as PyDeque);
      repeatInPlace(c, n);
      return c;
    },
    sq_inplace_concat: (a, b) => {
      dequeExtend(a as PyDeque, b);
      return newref(a);
    },
    sq_inplace_repeat: (a, n) => {
      repeatInPlace(a as PyDeque, n);
      return newref(a);
    },
  },
  methods: {
    append: { kind: 'o', fn: (self, x) => (dequeAppend(self as PyDeque, x), newNone()) },
    appendleft: { kind: 'o', fn: (self, x) => (dequeAppendleft(self as PyDeque, x), newNone()) },
    pop: { kind: 'noargs', fn: (self) => dequePop(self as PyDeque) },
    popleft: { kind: 'noargs', fn: (self) => dequePopleft(self as PyDeque) },
    extend: { kind: 'o', fn: (self, x) => (dequeExtend(self as PyDeque, x), newNone()) },
    extendleft: { kind: 'o', fn: (self, x) => (dequeExtendleft(self as PyDeque, x), newNone()) },
    clear: { kind: 'noargs', fn: (self) => (dequeClear(self as PyDeque), newNone()) },
    copy: { kind: 'noargs', fn: (self) => dequeCopyOf(self as PyDeque) },
    __copy__: { kind: 'noargs', fn: (self) => dequeCopyOf(self as PyDeque) },
    count: {
      kind: 'o',
      fn: (self, v) => {
        const d = self as PyDeque;
        const state = d.state;
        let n = 0;
        for (const x of d.items.slice()) {
          if (richCompareBool(x, v, CompareOp.EQ)) n++;
          if (d.state !== state) throw runtimeError('deque mutated during iteration');
        }
        return newInt(n);
      },
    },
    index: {
      kind: 'fast',
      fn: (self, args) => {
        checkPositional('index', args.length, 1, 3);
        const d = self as PyDeque;
        const [start, stop] = indexBounds(args, d.items.length);
        const state = d.state;
        for (let i = start; i < Math.min(stop, d.items.length); i++) {
          const eq = richCompareBool(d.items[i]!, args[0]!, CompareOp.EQ);
          if (d.state !== state) throw runtimeError('deque mutated during iteration');
          if (eq) return newInt(i);
        }
        throw valueError(`${reprString(args[0]!)} is not in deque`);
      },
    },
    insert: {
      kind: 'fast',
      fn: (self, args) => {
        checkPositional('insert', args.length, 2, 2);
        const d = self as PyDeque;
        const n = d.items.length;
        const index = asIndex(args[0]!);
        if (d.maxlen === n) throw indexError('deque already at its maximum size');
        if (index >= n) dequeAppend(d, args[1]!);
        else if (index <= -n || index === 0) dequeAppendleft(d, args[1]!);
        else {
          dequeRotate(d, -index);
          if (index < 0) dequeAppend(d, args[1]!);
          else dequeAppendleft(d, args[1]!);
          dequeRotate(d, index);
        }
        return newNone();
      },
    },
    remove: {
      kind: 'o',
      fn: (self, v) => {
        const d = self as PyDeque;
        for (let i = 0; i < d.items.length; i++) {
          const item = newref(d.items[i]!);
          let eq: boolean;
          try {
            eq = richCompareBool(item, v, CompareOp.EQ);
          } finally {
            decref(item);
          }
          if (eq) {
            dequeDelItem(d, i);
            return newNone();
          }
        }
        throw valueError(`${reprString(v)} is not in deque`);
      },
    },
    reverse: { kind: 'noargs', fn: (self) => ((self as PyDeque).items.reverse(), (self as PyDeque).state++, newNone()) },
    rotate: {
      kind: 'fast',
      fn: (self, args) => {
        checkPositional('rotate', args.length, 0, 1);
        dequeRotate(self as PyDeque, args.length ? asIndex(args[0]!) : 1);
        return newNone();
      },
    },
    __reversed__: { kind: 'noargs', fn: (self) => newDequeIter(self as PyDeque, true) },
    __sizeof__: {
      kind: 'noargs',
      fn: (self) => newInt(self.type.basicsize + blocksNeeded(self as PyDeque) * BLOCK_SIZE),
    },
  },
  classMethods: { __class_getitem__: { kind: 'o', fn: newGenericAlias } },
  getsets: {
    maxlen: { get: (o) => ((o as PyDeque).maxlen < 0 ? newref(None) : newInt((o as PyDeque).maxlen)) },
  },
  attributes: () => ({ __hash__: None }),
  doc: 'A list-like sequence optimized for data accesses near its endpoints.',
});

function repeatInPlace(d: PyDeque, n: number): void {
  if (n <= 0) {
    dequeClear(d);
    return;
  }
  const base = d.items.slice();
  for (let k = 1; k < n; k++) for (const x of base) dequeAppend(d, x);
}

class PyDequeIter extends PyGCObject {
  constructor(type: PyType, public deque: PyDeque | null, public index: number, readonly state: number, readonly reversed: boolean) {
    super(type);
  }
}

/** dequeiter_next / dequereviter_next: "deque mutated during iteration" once it changed. */
function dequeIterNext(o: PyObject): PyObject | null {
  const it = o as PyDequeIter;
  const d = it.deque;
  if (d === null) return null;
  if (d.state !== it.state) throw runtimeError('deque mutated during iteration');
  if (it.index < 0 || it.index >= d.items.length) {
    it.deque = null;
    decref(d);
    return null;
  }
  const x = d.items[it.index]!;
  it.index += it.reversed ? -1 : 1;
  return newref(x);
}

const iterRefs = (o: PyObject): (PyObject | null)[] => [(o as PyDequeIter).deque];
const dequeIterType = iteratorType('_collections._deque_iterator', 48, iterRefs, dequeIterNext);
const dequeReverseIterType = iteratorType('_collections._deque_reverse_iterator', 48, iterRefs, dequeIterNext);

function newDequeIter(d: PyDeque, reversed: boolean): PyObject {
  const type = reversed ? dequeReverseIterType : dequeIterType;
  return track(new PyDequeIter(type, newref(d), reversed ? d.items.length - 1 : 0, d.state, reversed), 48);
}
