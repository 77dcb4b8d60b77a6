// The iterator types of the builtins: the old-style sequence iterator (Objects/iterobject.c),
// enumerate and reversed (Objects/enumobject.c), zip, map and filter (Python/bltinmodule.c).
// enumerate and zip recycle their result tuple when the caller dropped it, as CPython does.
import { PyGCObject, PyObject, decref, newref, xdecref } from './object.js';
import { PyType, TypeFlags } from './type.js';
import { defineType, type TypeSpec } from './define.js';
import { allocObject, freeObject } from './heap.js';
import { gcTrack, gcUntrack, isTracked } from '../gc/track.js';
import { None } from './singletons.js';
import { PyInt, boolType, newInt, normInt } from './int.js';
import {
  call, getIter, index as numberIndex, isTrue, iterNext, length, lookupSpecial, sequenceIterFactory,
} from './abstract.js';
import {
  IndexError, PyBaseException, StopIteration, exceptionMatches, typeError, valueError,
} from './exceptions.js';
import { PyTuple, newTuple } from './tuple.js';
import { checkPositional, noKeywords } from './argcheck.js';
import { dictType } from './dict.js';

/** The references an iterator object holds, for dealloc and traverse alike. */
export type Refs = (o: PyObject) => (PyObject | null)[];

/** An iterator type: GC-tracked, dropping and visiting `refs`, iterating with `next`. */
export function iteratorType(name: string, basicsize: number, refs: Refs, next: (o: PyObject) => PyObject | null,
  extra: Partial<TypeSpec> = {}): PyType {
  return defineType({
    ...extra,
    name,
    flags: TypeFlags.HAVE_GC | (extra.flags ?? 0),
    layout: { basicsize },
    slots: {
      tp_dealloc: (o) => {
        gcUntrack(o as PyGCObject);
        for (const r of refs(o)) xdecref(r);
        freeObject(o);
      },
      tp_traverse: (o, visit) => {
        for (const r of refs(o)) if (r) visit(r);
      },
      tp_iter: (o) => newref(o),
      tp_iternext: next,
      ...extra.slots,
    },
  });
}

/** Gives a new iterator object its memory and tracks it. */
export function track<T extends PyGCObject>(o: T, size: number): T {
  allocObject(o, size);
  gcTrack(o);
  return o;
}

/** True (and the exception consumed) when e is an IndexError or StopIteration. */
function endsSequence(e: unknown): boolean {
  if (e instanceof PyBaseException && (exceptionMatches(e, IndexError) || exceptionMatches(e, StopIteration))) {
    decref(e);
    return true;
  }
  return false;
}

/** Reuses a result tuple nobody else holds (refcount 1), else makes a new one; takes `items`. */
export function recycledTuple(result: PyTuple, items: PyObject[]): PyTuple {
  if (result.refcnt === 1) {
    result.refcnt++;
    const old = result.items.slice();
    for (let i = 0; i < items.length; i++) result.items[i] = items[i]!;
    for (const x of old) decref(x);
    if (!isTracked(result)) gcTrack(result);
    return result;
  }
  return newTuple(items);
}

export function noneTuple(n: number): PyTuple {
  None.refcnt += n;
  return newTuple(new Array<PyObject>(n).fill(None));
}

// ------------------------------------------------------------------ the sequence iterator

class PySeqIterObject extends PyGCObject {
  constructor(public seq: PyObject | null, public index = 0) {
    super(seqIterType);
  }
}

/** iter_iternext: __getitem__ with 0, 1, 2 ... until IndexError or StopIteration. */
function seqIterNext(o: PyObject): PyObject | null {
  const it = o as PySeqIterObject;
  const seq = it.seq;
  if (seq === null) return null;
  try {
    const idx = newInt(it.index);
    try {
      const item = seq.type.mp_subscript ? seq.type.mp_subscript(seq, idx) : seq.type.sq_item!(seq, it.index);
      it.index++;
      return item;
    } finally {
      decref(idx);
    }
  } catch (e) {
    if (!endsSequence(e)) throw e;
    it.seq = null;
    decref(seq);
    return null;
  }
}

export const seqIterType = iteratorType('iterator', 32, (o) => [(o as PySeqIterObject).seq], seqIterNext);

/** PySeqIter_New */
export function newSeqIterObject(seq: PyObject): PyObject {
  return track(new PySeqIterObject(newref(seq)), 32);
}

sequenceIterFactory.make = newSeqIterObject;

// ------------------------------------------------------------------ enumerate

class PyEnumerate extends PyGCObject {
  index = 0;
  longIndex: bigint | null = null;
  constructor(type: PyType, public sit: PyObject | null, public result: PyTuple | null) {
    super(type);
  }
}

/** enum_next */
function enumNext(o: PyObject): PyObject | null {
  const en = o as PyEnumerate;
  const item = iterNext(en.sit!);
  if (item === null) return null;
  let idx: PyObject;
  if (en.longIndex !== null) {
    idx = newInt(normInt(en.longIndex));
    en.longIndex++;
  } else {
    idx = newInt(en.index);
    en.index++;
    if (!Number.isSafeInteger(en.index)) en.longIndex = BigInt(en.index);
  }
  return recycledTuple(en.result!, [idx, item]);
}

/** enum_new_impl */
function enumNew(type: PyType, iterable: PyObject, start: PyObject | null): PyObject {
  const sit = getIter(iterable);
  const en = new PyEnumerate(type, sit, noneTuple(2));
  if (start !== null) {
    const s = numberIndex(start);
    const v = (s as PyInt).value;
    decref(s);
    if (typeof v === 'bigint') en.longIndex = v;
    else en.index = v;
  }
  return track(en, 56);
}

/** enum_vectorcall: enumerate(iterable, start=0) with its hand-written argument checks. */
function enumerateNew(type: PyType, args: PyObject[], kwnames: readonly string[] | null): PyObject {
  const nkw = kwnames?.length ?? 0;
  const npos = args.length - nkw;
  const kw = (i: number, name: string): void => {
    if (kwnames![i] !== name) throw typeError(`'${kwnames![i]}' is an invalid keyword argument for enumerate()`);
  };
  if (args.length === 2) {
    if (nkw === 1) kw(0, 'start');
    else if (nkw === 2) {
      if (kwnames![0] === 'start') {
        kw(1, 'iterable');
        return enumNew(type, args[1]!, args[0]!);
      }
      kw(0, 'iterable');
      kw(1, 'start');
    }
    return enumNew(type, args[0]!, args[1]!);
  }
  if (args.length === 1) {
    if (nkw === 1) kw(0, 'iterable');
    return enumNew(type, args[0]!, null);
  }
  if (npos === 0) throw typeError("enumerate() missing required argument 'iterable'");
  throw typeError(`enumerate() takes at most 2 arguments (${args.length} given)`);
}

export const enumerateType = iteratorType('enumerate', 56, (o) => [(o as PyEnumerate).sit, (o as PyEnumerate).result],
  enumNext, { flags: TypeFlags.BASETYPE, slots: { tp_new: enumerateNew } });

// ------------------------------------------------------------------ reversed

class PyReversed extends PyGCObject {
  constructor(type: PyType, public seq: PyObject | null, public index: number) {
    super(type);
  }
}

/** reversed_next */
function reversedNext(o: PyObject): PyObject | null {
  const ro = o as PyReversed;
  const seq = ro.seq;
  if (ro.index >= 0 && seq !== null) {
    try {
      const idx = newInt(ro.index);
      try {
        const item = seq.type.mp_subscript ? seq.type.mp_subscript(seq, idx) : seq.type.sq_item!(seq, ro.index);
        ro.index--;
        return item;
      } finally {
        decref(idx);
      }
    } catch (e) {
      if (!endsSequence(e)) throw e;
    }
  }
  ro.index = -1;
  ro.seq = null;
  if (seq) decref(seq);
  return null;
}

/** reversed_new_impl: __reversed__ if the type has one, else a sequence walked backwards. */
function reversedNew(type: PyType, args: PyObject[], kwnames: readonly string[] | null): PyObject {
  if (type === reversedType) noKeywords('reversed', kwnames);
  checkPositional('reversed', args.length, 1, 1);
  const seq = args[0]!;
  const meth = lookupSpecial(seq, '__reversed__');
  if (meth === None) {
    decref(meth);
    throw typeError(`'${seq.type.name}' object is not reversible`);
  }
  if (meth !== null) {
    try {
      return call(meth, []);
    } finally {
      decref(meth);
    }
  }
  if (seq.type.isSubtype(dictType) || !seq.type.sq_item) throw typeError(`'${seq.type.name}' object is not reversible`);
  const n = length(seq);
  return track(new PyReversed(type, newref(seq), n - 1), 32);
}

export const reversedType = iteratorType('reversed', 32, (o) => [(o as PyReversed).seq], reversedNext, {
  flags: TypeFlags.BASETYPE,
  slots: { tp_new: reversedNew },
  methods: {
    __length_hint__: {
      kind: 'noargs',
      fn: (self) => {
        const ro = self as PyReversed;
        return newInt(ro.seq === null ? 0 : Math.max(0, Math.min(ro.index + 1, length(ro.seq))));
      },
    },
  },
});

// ------------------------------------------------------------------ zip

class PyZip extends PyGCObject {
  constructor(type: PyType, public iters: PyObject[], public result: PyTuple | null, readonly strict: boolean) {
    super(type);
  }
}

/** zip_next, with zip(strict=True)'s length checks. */
function zipNext(o: PyObject): PyObject | null {
  const z = o as PyZip;
  const n = z.iters.length;
  if (n === 0) return null;
  const items: PyObject[] = [];
  for (let i = 0; i < n; i++) {
    let item: PyObject | null;
    try {
      item = iterNext(z.iters[i]!);
    } catch (e) {
      for (const x of items) decref(x);
      if (!z.strict || !(e instanceof PyBaseException) || !exceptionMatches(e, StopIteration)) throw e;
      decref(e);
      item = null;
    }
    if (item === null) {
      for (const x of items) decref(x);
      if (z.strict) zipCheckLengths(z, i);
      return null;
    }
    items.push(item);
  }
  return recycledTuple(z.result!, items);
}

/** The strict checks once iterator i ran out first (or later ones still have items). */
function zipCheckLengths(z: PyZip, i: number): void {
  const plural = (k: number): string => (k === 1 ? ' ' : 's 1-');
  if (i) throw valueError(`zip() argument ${i + 1} is shorter than argument${plural(i)}${i}`);
  for (let k = 1; k < z.iters.length; k++) {
    const item = iterNext(z.iters[k]!);
    if (item !== null) {
      decref(item);
      throw valueError(`zip() argument ${k + 1} is longer than argument${plural(k)}${k}`);
    }
  }
}

function zipNew(type: PyType, args: PyObject[], kwnames: readonly string[] | null): PyObject {
  const nkw = kwnames?.length ?? 0;
  let strict = false;
  for (let i = 0; i < nkw; i++) {
    if (kwnames![i] !== 'strict') throw typeError(`'${kwnames![i]}' is an invalid keyword argument for zip()`);
    strict = isTrue(args[args.length - nkw + i]!);
  }
  const iters: PyObject[] = [];
  try {
    for (const a of args.slice(0, args.length - nkw)) iters.push(getIter(a));
  } catch (e) {
    for (const it of iters) decref(it);
    throw e;
  }
  return track(new PyZip(type, iters, noneTuple(iters.length), strict), 48);
}

export const zipType = iteratorType('zip', 48, (o) => [...(o as PyZip).iters, (o as PyZip).result], zipNext, {
  flags: TypeFlags.BASETYPE,
  slots: { tp_new: zipNew },
});

// ------------------------------------------------------------------ map and filter

class PyMap extends PyGCObject {
  constructor(type: PyType, public func: PyObject, public iters: PyObject[]) {
    super(type);
  }
}

function mapNext(o: PyObject): PyObject | null {
  const m = o as PyMap;
  const args: PyObject[] = [];
  try {
    for (const it of m.iters) {
      const x = iterNext(it);
      if (x === null) return null;
      args.push(x);
    }
    return call(m.func, args);
  } finally {
    for (const x of args) decref(x);
  }
}

function mapNew(type: PyType, args: PyObject[], kwnames: readonly string[] | null): PyObject {
  if (type === mapType) noKeywords('map', kwnames);
  if (args.length < 2) throw typeError('map() must have at least two arguments.');
  const iters: PyObject[] = [];
  try {
    for (const a of args.slice(1)) iters.push(getIter(a));
  } catch (e) {
    for (const it of iters) decref(it);
    throw e;
  }
  return track(new PyMap(type, newref(args[0]!), iters), 32);
}

export const mapType = iteratorType('map', 32, (o) => [...(o as PyMap).iters, (o as PyMap).func], mapNext, {
  flags: TypeFlags.BASETYPE,
  slots: { tp_new: mapNew },
});

class PyFilter extends PyGCObject {
  constructor(type: PyType, public func: PyObject, public it: PyObject) {
    super(type);
  }
}

/** filter_next: None or bool as the function means the items' own truth. */
function filterNext(o: PyObject): PyObject | null {
  const f = o as PyFilter;
  const checkTrue = f.func === None || f.func === boolType;
  for (;;) {
    const item = iterNext(f.it);
    if (item === null) return null;
    let ok: boolean;
    try {
      if (checkTrue) ok = isTrue(item);
      else {
        const good = call(f.func, [item]);
        try {
          ok = isTrue(good);
        } finally {
          decref(good);
        }
      }
    } catch (e) {
      decref(item);
      throw e;
    }
    if (ok) return item;
    decref(item);
  }
}

function filterNew(type: PyType, args: PyObject[], kwnames: readonly string[] | null): PyObject {
  if (type === filterType) noKeywords('filter', kwnames);
  checkPositional('filter', args.length, 2, 2);
  const it = getIter(args[1]!);
  return track(new PyFilter(type, newref(args[0]!), it), 32);
}

export const filterType = iteratorType('filter', 32, (o) => [(o as PyFilter).func, (o as PyFilter).it], filterNext, {
  flags: TypeFlags.BASETYPE,
  slots: { tp_new: filterNew },
});
