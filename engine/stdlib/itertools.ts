// The itertools module (Modules/itertoolsmodule.c): each tool is an iterator type. The
// combinatoric ones hand out one result tuple again and again while nobody else holds it.
import { PyGCObject, PyObject, decref, newref, xdecref } from '../objects/object.js';
import { freeObject } from '../objects/heap.js';
import { gcUntrack } from '../gc/track.js';
import type { PyType } from '../objects/type.js';
import { None } from '../objects/singletons.js';
import { PyInt, newInt } from '../objects/int.js';
import { newStr } from '../objects/str.js';
import {
  BinaryOp, asIndex, binaryOp, call, collect, getIter, isTrue, iterNext, reprString, richCompareBool,
} from '../objects/abstract.js';
import { CompareOp } from '../objects/type.js';
import { typeError, valueError } from '../objects/exceptions.js';
import { PyTuple, newTuple, sequenceTuple } from '../objects/tuple.js';
import { iteratorType, recycledTuple, noneTuple, track } from '../objects/iterators.js';
import type { NativeModuleDef } from './moduledef.js';
import { checkPositional, noKeywords } from '../objects/argcheck.js';

/** Splits vectorcall arguments into positionals and a keyword lookup checked against `allowed`. */
function parseArgs(name: string, args: PyObject[], kwnames: readonly string[] | null, allowed: readonly string[]): [PyObject[], Map<string, PyObject>] {
  const nkw = kwnames?.length ?? 0;
  const kw = new Map<string, PyObject>();
  for (let i = 0; i < nkw; i++) {
    const k = kwnames![i]!;
    if (!allowed.includes(k)) throw typeError(`${name}() got an unexpected keyword argument '${k}'`);
    kw.set(k, args[args.length - nkw + i]!);
  }
  return [args.slice(0, args.length - nkw), kw];
}

function iters(args: PyObject[]): PyObject[] {
  const out: PyObject[] = [];
  try {
    for (const a of args) out.push(getIter(a));
  } catch (e) {
    for (const it of out) decref(it);
    throw e;
  }
  return out;
}

/** Replaces o[field] (a reference it owns) with v (already owned). */
function setRef<T>(o: T, field: keyof T, v: PyObject | null): void {
  const old = o[field] as unknown as PyObject | null;
  (o as Record<keyof T, unknown>)[field] = v;
  xdecref(old);
}

class State extends PyGCObject {
  refs: (PyObject | null)[] = [];
  [k: string]: unknown;
}

/** Every reference a tool object owns: its fields, the items it saved or pooled, its
 *  iterators and its reusable result tuple. */
const stateRefs = (o: PyObject): (PyObject | null)[] => {
  const st = o as State;
  const owned = [...st.refs];
  for (const key of ['owned', 'its', 'saved'] as const) {
    const list = st[key] as (PyObject | null)[] | undefined;
    if (list) owned.push(...list);
  }
  owned.push((st.result as PyObject | null | undefined) ?? null);
  return owned;
};

/** An itertools type whose object keeps its references in `refs` (slot i = field i). */
function tool(name: string, size: number, next: (s: State) => PyObject | null, tpNew: (type: PyType, args: PyObject[], kw: readonly string[] | null) => PyObject,
  extra: { repr?: (s: State) => string; methods?: Record<string, { kind: 'noargs'; fn: (self: PyObject) => PyObject }> } = {}): PyType {
  return iteratorType(`itertools.${name}`, size, stateRefs, (o) => next(o as State), {
    flags: 0,
    slots: { tp_new: tpNew, ...(extra.repr ? { tp_repr: (o: PyObject) => newStr(extra.repr!(o as State)) } : {}) },
    ...(extra.methods ? { methods: extra.methods } : {}),
  });
}

function make(type: PyType, size: number, refs: (PyObject | null)[], fields: Record<string, unknown> = {}): State {
  const s = new State(type);
  s.refs = refs;
  Object.assign(s, fields);
  return track(s, size);
}

/** The iterator in refs[i], or null once dropped. */
function nextFrom(s: State, i: number): PyObject | null {
  const it = s.refs[i];
  if (!it) return null;
  const x = iterNext(it);
  if (x === null) {
    s.refs[i] = null;
    decref(it);
  }
  return x;
}

// ------------------------------------------------------------------ infinite iterators

const countType = tool('count', 40, (s) => {
  const cur = s.refs[0]!;
  s.refs[0] = binaryOp(cur, s.refs[1]!, BinaryOp.ADD);
  return cur;
}, (type, args, kwnames) => {
  const [pos, kw] = parseArgs('count', args, kwnames, ['start', 'step']);
  checkPositional('count', pos.length, 0, 2);
  const start = pos[0] ?? kw.get('start') ?? newInt(0);
  const step = pos[1] ?? kw.get('step') ?? newInt(1);
  for (const v of [start, step]) if (!v.type.nb_add) throw typeError('a number is required');
  const owned = [newref(start), newref(step)];
  if (!pos[0] && !kw.get('start')) decref(start);
  if (!pos[1] && !kw.get('step')) decref(step);
  return make(type, 40, owned);
}, {
  repr: (s) => {
    const step = s.refs[1]!;
    const plain = step instanceof PyInt && step.value === 1;
    return plain ? `count(${reprString(s.refs[0]!)})` : `count(${reprString(s.refs[0]!)}, ${reprString(step)})`;
  },
});

const cycleType = tool('cycle', 48, (s) => {
  const saved = s.saved as PyObject[];
  if (!s.firstpassDone) {
    const x = nextFrom(s, 0);
    if (x !== null) {
      saved.push(newref(x));
      return x;
    }
    s.firstpassDone = true;
  }
  if (saved.length === 0) return null;
  const i = s.index as number;
  s.index = (i + 1) % saved.length;
  return newref(saved[i]!);
}, (type, args, kwnames) => {
  noKeywords('cycle', kwnames);
  checkPositional('cycle', args.length, 1, 1);
  return make(type, 48, [getIter(args[0]!)], { saved: [], index: 0, firstpassDone: false });
});

const repeatType = tool('repeat', 32, (s) => {
  const n = s.times as number;
  if (n === 0) return null;
  if (n > 0) s.times = n - 1;
  return newref(s.refs[0]!);
}, (type, args, kwnames) => {
  const [pos, kw] = parseArgs('repeat', args, kwnames, ['object', 'times']);
  checkPositional('repeat', pos.length, 1, 2);
  const obj = pos[0] ?? kw.get('object')!;
  const timesArg = pos[1] ?? kw.get('times');
  const times = timesArg === undefined ? -1 : Math.max(0, asIndex(timesArg));
  return make(type, 32, [newref(obj)], { times });
}, {
  repr: (s) => ((s.times as number) < 0 ? `repeat(${reprString(s.refs[0]!)})` : `repeat(${reprString(s.refs[0]!)}, ${s.times})`),
  methods: {
    __length_hint__: {
      kind: 'noargs',
      fn: (self) => {
        const n = (self as State).times as number;
        if (n < 0) throw typeError("len() of unsized object");
        return newInt(n);
      },
    },
  },
});

// ------------------------------------------------------------------ terminating iterators

const accumulateType = tool('accumulate', 48, (s) => {
  // refs: it, func, total, initial
  if (s.refs[3]) {
    const init = s.refs[3]!;
    s.refs[3] = null;
    s.refs[2] = newref(init);
    return init;
  }
  const val = nextFrom(s, 0);
  if (val === null) return null;
  const total = s.refs[2];
  if (!total) {
    s.refs[2] = newref(val);
    return val;
  }
  let next: PyObject;
  try {
    next = s.refs[1] === null ? binaryOp(total, val, BinaryOp.ADD) : call(s.refs[1]!, [total, val]);
  } finally {
    decref(val);
  }
  s.refs[2] = newref(next);
  decref(total);
  return next;
}, (type, args, kwnames) => {
  const [pos, kw] = parseArgs('accumulate', args, kwnames, ['iterable', 'func', 'initial']);
  checkPositional('accumulate', pos.length, 1, 2);
  const iterable = pos[0] ?? kw.get('iterable')!;
  const func = pos[1] ?? kw.get('func') ?? None;
  const initial = kw.get('initial') ?? None;
  return make(type, 48, [getIter(iterable), func === None ? null : newref(func), null, initial === None ? null : newref(initial)]);
});

function chainNext(s: State): PyObject | null {
  for (;;) {
    if (!s.refs[1]) {
      const src = s.refs[0];
      if (!src) return null;
      const nextIterable = iterNext(src);
      if (nextIterable === null) {
        s.refs[0] = null;
        decref(src);
        return null;
      }
      try {
        s.refs[1] = getIter(nextIterable);
      } finally {
        decref(nextIterable);
      }
    }
    const x = nextFrom(s, 1);
    if (x !== null) return x;
  }
}

const chainType = iteratorType('itertools.chain', 32, stateRefs, (o) => chainNext(o as State), {
  flags: 0,
  slots: {
    tp_new: (type, args, kwnames) => {
      noKeywords('chain', kwnames);
      return make(type, 32, [getIter(newTuple(args.map((a) => newref(a)))), null]);
    },
  },
  classMethods: {
    from_iterable: { kind: 'o', fn: (cls, iterable) => make(cls as PyType, 32, [getIter(iterable), null]) },
  },
});

function predicateTool(name: string, size: number, next: (s: State) => PyObject | null): PyType {
  return tool(name, size, next, (type, args, kwnames) => {
    noKeywords(name, kwnames);
    checkPositional(name, args.length, 2, 2);
    return make(type, size, [getIter(args[1]!), newref(args[0]!)], { stop: false, dropped: false });
  });
}

function test(pred: PyObject, item: PyObject): boolean {
  if (pred === None) return isTrue(item);
  const r = call(pred, [item]);
  try {
    return isTrue(r);
  } finally {
    decref(r);
  }
}

const compressType = tool('compress', 32, (s) => {
  for (;;) {
    const d = nextFrom(s, 0);
    if (d === null) return null;
    const sel = nextFrom(s, 1);
    if (sel === null) {
      decref(d);
      return null;
    }
    const ok = isTrue(sel);
    decref(sel);
    if (ok) return d;
    decref(d);
  }
}, (type, args, kwnames) => {
  const [pos, kw] = parseArgs('compress', args, kwnames, ['data', 'selectors']);
  const data = pos[0] ?? kw.get('data');
  const sel = pos[1] ?? kw.get('selectors');
  if (!data || !sel) throw typeError(`compress() missing required argument '${data ? 'selectors' : 'data'}' (pos ${data ? 2 : 1})`);
  return make(type, 32, iters([data, sel]));
});

const dropwhileType = predicateTool('dropwhile', 40, (s) => {
  for (;;) {
    const x = nextFrom(s, 0);
    if (x === null || s.dropped) return x;
    if (!test(s.refs[1]!, x)) {
      s.dropped = true;
      return x;
    }
    decref(x);
  }
});

const takewhileType = predicateTool('takewhile', 40, (s) => {
  if (s.stop) return null;
  const x = nextFrom(s, 0);
  if (x === null) return null;
  if (test(s.refs[1]!, x)) return x;
  decref(x);
  s.stop = true;
  return null;
});

const filterfalseType = predicateTool('filterfalse', 32, (s) => {
  for (;;) {
    const x = nextFrom(s, 0);
    if (x === null) return null;
    if (!test(s.refs[1]!, x)) return x;
    decref(x);
  }
});

const starmapType = tool('starmap', 32, (s) => {
  const x = nextFrom(s, 0);
  if (x === null) return null;
  const t = x instanceof PyTuple ? x : sequenceTuple(x);
  if (t !== x) decref(x);
  try {
    return call(s.refs[1]!, t.items.slice());
  } finally {
    decref(t);
  }
}, (type, args, kwnames) => {
  noKeywords('starmap', kwnames);
  checkPositional('starmap', args.length, 2, 2);
  return make(type, 32, [getIter(args[1]!), newref(args[0]!)]);
});

// ------------------------------------------------------------------ islice

function sliceArg(o: PyObject | undefined, message: string, dflt: number): number {
  if (o === undefined || o === None) return dflt;
  if (!o.type.nb_index) throw valueError(message);
  const v = asIndex(o);
  if (v < 0) throw valueError(message);
  return v;
}

const isliceType = tool('islice', 56, (s) => {
  const stop = s.stopAt as number;
  while ((s.cnt as number) < (s.nextAt as number)) {
    const item = nextFrom(s, 0);
    if (item === null) return null;
    decref(item);
    s.cnt = (s.cnt as number) + 1;
  }
  if (stop !== -1 && (s.cnt as number) >= stop) {
    setRef(s.refs, 0, null);
    return null;
  }
  const item = nextFrom(s, 0);
  if (item === null) return null;
  s.cnt = (s.cnt as number) + 1;
  const n = (s.nextAt as number) + (s.step as number);
  s.nextAt = stop !== -1 && n > stop ? stop : n;
  return item;
}, (type, args, kwnames) => {
  noKeywords('islice', kwnames);
  checkPositional('islice', args.length, 2, 4);
  const stopMsg = 'Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.';
  const idxMsg = 'Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.';
  let start = 0;
  let stop: number;
  let step = 1;
  if (args.length === 2) stop = sliceArg(args[1], stopMsg, -1);
  else {
    start = sliceArg(args[1], idxMsg, 0);
    stop = sliceArg(args[2], idxMsg, -1);
    if (args.length === 4) {
      const st = args[3]!;
      if (st !== None) {
        step = st.type.nb_index ? asIndex(st) : -1;
        if (step < 1) throw valueError('Step for islice() must be a positive integer or None.');
      }
    }
  }
  return make(type, 56, [getIter(args[0]!)], { nextAt: start, stopAt: stop, step, cnt: 0 });
});

// ------------------------------------------------------------------ groupby

/** groupby_step: the next value and its key (refs: it, keyfunc, tgtkey, currkey, currvalue). */
function groupbyStep(g: State): boolean {
  const v = nextFrom(g, 0);
  if (v === null) return false;
  let k: PyObject;
  try {
    k = g.refs[1] === null ? newref(v) : call(g.refs[1]!, [v]);
  } catch (e) {
    decref(v);
    throw e;
  }
  setRef(g.refs, 4, v);
  setRef(g.refs, 3, k);
  return true;
}

const grouperType = tool('_grouper', 32, (s) => {
  const g = s.refs[0] as State;
  if (g.currgrouper !== s) return null;
  if (g.refs[4] === null && !groupbyStep(g)) return null;
  if (!richCompareBool(s.refs[1]!, g.refs[3]!, CompareOp.EQ)) return null;
  const r = g.refs[4]!;
  g.refs[4] = null;
  setRef(g.refs, 3, null);
  return r;
}, () => {
  throw typeError("cannot create 'itertools._grouper' instances");
});

const groupbyType = tool('groupby', 64, (g) => {
  g.currgrouper = null;
  for (;;) {
    if (g.refs[3] !== null) {
      if (g.refs[2] === null) break;
      if (!richCompareBool(g.refs[2]!, g.refs[3]!, CompareOp.EQ)) break;
    }
    if (!groupbyStep(g)) return null;
  }
  setRef(g.refs, 2, newref(g.refs[3]!));
  const grouper = make(grouperType, 32, [newref(g), newref(g.refs[2]!)]);
  g.currgrouper = grouper;
  return newTuple([newref(g.refs[3]!), grouper]);
}, (type, args, kwnames) => {
  const [pos, kw] = parseArgs('groupby', args, kwnames, ['iterable', 'key']);
  checkPositional('groupby', pos.length, 0, 2);
  const iterable = pos[0] ?? kw.get('iterable');
  if (!iterable) throw typeError("groupby() missing required argument 'iterable' (pos 1)");
  const key = pos[1] ?? kw.get('key') ?? None;
  return make(type, 64, [getIter(iterable), key === None ? null : newref(key), null, null, null], { currgrouper: null });
});

// ------------------------------------------------------------------ tee, pairwise, zip_longest

/** What the tees of one tee() call share: the source iterator and the items some tee has not
 *  read yet (buf[0] is item number `base`). */
interface TeeShared {
  it: PyObject | null;
  buf: PyObject[];
  base: number;
  tees: Set<State>;
}

/** Drops the buffered items every live tee has read. */
function trimTee(shared: TeeShared): void {
  let low = Infinity;
  for (const t of shared.tees) low = Math.min(low, t.index as number);
  const drop = Math.min(shared.buf.length, (low === Infinity ? shared.base + shared.buf.length : low) - shared.base);
  if (drop <= 0) return;
  const gone = shared.buf.splice(0, drop);
  shared.base += drop;
  for (const x of gone) decref(x);
}

const teeType = iteratorType('itertools._tee', 40, stateRefs, (o) => {
  const s = o as State;
  const shared = s.shared as TeeShared;
  const i = s.index as number;
  if (i - shared.base < shared.buf.length) {
    s.index = i + 1;
    const x = newref(shared.buf[i - shared.base]!);
    trimTee(shared);
    return x;
  }
  if (!shared.it) return null;
  const x = iterNext(shared.it);
  if (x === null) {
    decref(shared.it);
    shared.it = null;
    return null;
  }
  shared.buf.push(newref(x));
  s.index = i + 1;
  trimTee(shared);
  return x;
}, {
  flags: 0,
  slots: {
    tp_new: () => {
      throw typeError("cannot create 'itertools._tee' instances");
    },
    tp_dealloc: (o) => {
      const s = o as State;
      gcUntrack(s);
      const shared = s.shared as TeeShared;
      shared.tees.delete(s);
      if (shared.tees.size === 0) {
        const it = shared.it;
        shared.it = null;
        xdecref(it);
      }
      trimTee(shared);
      freeObject(s);
    },
  },
});

function tee(_m: PyObject, args: PyObject[]): PyObject {
  checkPositional('tee', args.length, 1, 2);
  const n = args.length === 2 ? asIndex(args[1]!) : 2;
  if (n < 0) throw valueError('n must be >= 0');
  const shared: TeeShared = { it: getIter(args[0]!), buf: [], base: 0, tees: new Set() };
  const out: PyObject[] = [];
  for (let i = 0; i < n; i++) {
    const t = make(teeType, 40, [], { shared, index: 0 });
    shared.tees.add(t);
    out.push(t);
  }
  if (n === 0) {
    decref(shared.it!);
    shared.it = null;
  }
  return newTuple(out);
}

const pairwiseType = tool('pairwise', 32, (s) => {
  if (!s.refs[0]) return null;
  if (!s.refs[1]) {
    const first = nextFrom(s, 0);
    if (first === null) return null;
    s.refs[1] = first;
  }
  const next = nextFrom(s, 0);
  if (next === null) {
    setRef(s.refs, 1, null);
    return null;
  }
  const r = newTuple([newref(s.refs[1]!), newref(next)]);
  setRef(s.refs, 1, next);
  return r;
}, (type, args, kwnames) => {
  noKeywords('pairwise', kwnames);
  checkPositional('pairwise', args.length, 1, 1);
  return make(type, 32, [getIter(args[0]!), null]);
});

const zipLongestType = tool('zip_longest', 56, (s) => {
  const its = s.its as (PyObject | null)[];
  if (its.length === 0 || (s.active as number) === 0) return null;
  const items: PyObject[] = [];
  for (let i = 0; i < its.length; i++) {
    let x: PyObject | null = null;
    if (its[i]) {
      x = iterNext(its[i]!);
      if (x === null) {
        decref(its[i]!);
        its[i] = null;
        s.active = (s.active as number) - 1;
        if ((s.active as number) === 0) {
          for (const y of items) decref(y);
          return null;
        }
      }
    }
    items.push(x ?? newref(s.refs[0]!));
  }
  return recycledTuple(s.result as PyTuple, items);
}, (type, args, kwnames) => {
  const [pos, kw] = parseArgs('zip_longest', args, kwnames, ['fillvalue']);
  const its = iters(pos);
  return make(type, 56, [newref(kw.get('fillvalue') ?? None)], { its, active: its.length, result: noneTuple(its.length) });
});

// ------------------------------------------------------------------ combinatorics

/** The object's result tuple, copied first when someone else still holds it (CPython reuses
 *  it in place otherwise), with item i set to v (a new reference). */
function resultSet(s: State, updates: [number, PyObject][]): void {
  let r = s.result as PyTuple;
  if (r.refcnt > 1) {
    const copy = newTuple(r.items.map((x) => newref(x)));
    decref(r);
    r = copy;
    s.result = r;
  }
  for (const [i, v] of updates) {
    const old = r.items[i]!;
    r.items[i] = v;
    decref(old);
  }
}

function combinatoric(name: string, size: number, first: (s: State) => boolean, advance: (s: State) => boolean,
  itemsAt: (s: State) => PyObject[], tpNew: PyType['tp_new'] & {}): PyType {
  return tool(name, size, (s) => {
    if (s.stopped) return null;
    if (!s.result) {
      if (!first(s)) {
        s.stopped = true;
        return null;
      }
      s.result = newTuple(itemsAt(s).map((x) => newref(x)));
    } else {
      if (!advance(s)) {
        s.stopped = true;
        return null;
      }
      const items = itemsAt(s);
      resultSet(s, items.map((x, i) => [i, newref(x)] as [number, PyObject]));
    }
    return newref(s.result as PyTuple);
  }, tpNew);
}

function poolOf(o: PyObject): PyObject[] {
  return collect(o);
}

const productType = combinatoric('product', 48, (s) => (s.pools as PyObject[][]).every((p) => p.length > 0),
  (s) => {
    const pools = s.pools as PyObject[][];
    const idx = s.indices as number[];
    for (let i = pools.length - 1; i >= 0; i--) {
      idx[i]!++;
      if (idx[i]! < pools[i]!.length) return true;
      idx[i] = 0;
    }
    return false;
  },
  (s) => (s.pools as PyObject[][]).map((p, i) => p[(s.indices as number[])[i]!]!),
  (type, args, kwnames) => {
    const [pos, kw] = parseArgs('product', args, kwnames, ['repeat']);
    const repeat = kw.has('repeat') ? asIndex(kw.get('repeat')!) : 1;
    if (repeat < 0) throw valueError('repeat argument cannot be negative');
    const base = pos.map(poolOf);
    const pools: PyObject[][] = [];
    for (let r = 0; r < repeat; r++) pools.push(...base);
    return make(type, 48, [], { pools, owned: base.flat(), indices: pools.map(() => 0), result: null, stopped: false });
  });

function rArg(name: string, v: PyObject | undefined, dflt: number): number {
  if (v === undefined || v === None) return dflt;
  const r = asIndex(v);
  if (r < 0) throw valueError('r must be non-negative');
  return r;
}

const combinationsType = combinatoric('combinations', 48, (s) => (s.r as number) <= (s.pool as PyObject[]).length,
  (s) => {
    const n = (s.pool as PyObject[]).length;
    const r = s.r as number;
    const idx = s.indices as number[];
    let i = r - 1;
    while (i >= 0 && idx[i] === i + n - r) i--;
    if (i < 0) return false;
    idx[i]!++;
    for (let j = i + 1; j < r; j++) idx[j] = idx[j - 1]! + 1;
    return true;
  },
  (s) => (s.indices as number[]).map((i) => (s.pool as PyObject[])[i]!),
  (type, args, kwnames) => {
    const [pos, kw] = parseArgs('combinations', args, kwnames, ['iterable', 'r']);
    const iterable = pos[0] ?? kw.get('iterable');
    const rv = pos[1] ?? kw.get('r');
    if (!iterable || !rv) throw typeError(`combinations() missing required argument '${iterable ? 'r' : 'iterable'}' (pos ${iterable ? 2 : 1})`);
    const r = rArg('combinations', rv, 0);
    const pool = poolOf(iterable);
    return make(type, 48, [], { pool, owned: pool, r, indices: Array.from({ length: r }, (_, i) => i), result: null, stopped: false });
  });

const cwrType = combinatoric('combinations_with_replacement', 48, (s) => (s.pool as PyObject[]).length > 0 || (s.r as number) === 0,
  (s) => {
    const n = (s.pool as PyObject[]).length;
    const r = s.r as number;
    const idx = s.indices as number[];
    let i = r - 1;
    while (i >= 0 && idx[i] === n - 1) i--;
    if (i < 0) return false;
    const v = idx[i]! + 1;
    for (let j = i; j < r; j++) idx[j] = v;
    return true;
  },
  (s) => (s.indices as number[]).map((i) => (s.pool as PyObject[])[i]!),
  (type, args, kwnames) => {
    const [pos, kw] = parseArgs('combinations_with_replacement', args, kwnames, ['iterable', 'r']);
    const iterable = pos[0] ?? kw.get('iterable');
    const rv = pos[1] ?? kw.get('r');
    if (!iterable || !rv) throw typeError(`combinations_with_replacement() missing required argument '${iterable ? 'r' : 'iterable'}' (pos ${iterable ? 2 : 1})`);
    const r = rArg('combinations_with_replacement', rv, 0);
    const pool = poolOf(iterable);
    return make(type, 48, [], { pool, owned: pool, r, indices: new Array<number>(r).fill(0), result: null, stopped: false });
  });

const permutationsType = combinatoric('permutations', 56, (s) => (s.r as number) <= (s.pool as PyObject[]).length,
  (s) => {
    const n = (s.pool as PyObject[]).length;
    const r = s.r as number;
    const idx = s.indices as number[];
    const cycles = s.cycles as number[];
    if (n === 0) return false;
    for (let i = r - 1; i >= 0; i--) {
      cycles[i]!--;
      if (cycles[i] === 0) {
        const moved = idx[i]!;
        idx.splice(i, 1);
        idx.push(moved);
        cycles[i] = n - i;
      } else {
        const j = cycles[i]!;
        const t = idx[i]!;
        idx[i] = idx[n - j]!;
        idx[n - j] = t;
        return true;
      }
    }
    return false;
  },
  (s) => (s.indices as number[]).slice(0, s.r as number).map((i) => (s.pool as PyObject[])[i]!),
  (type, args, kwnames) => {
    const [pos, kw] = parseArgs('permutations', args, kwnames, ['iterable', 'r']);
    const iterable = pos[0] ?? kw.get('iterable');
    if (!iterable) throw typeError("permutations() missing required argument 'iterable' (pos 1)");
    const pool = poolOf(iterable);
    const r = rArg('permutations', pos[1] ?? kw.get('r'), pool.length);
    return make(type, 56, [], {
      pool, owned: pool, r, indices: pool.map((_, i) => i), cycles: Array.from({ length: r }, (_, i) => pool.length - i), result: null,
      stopped: false,
    });
  });

/** The itertools module. */
export const itertoolsModule: NativeModuleDef = {
  name: 'itertools',
  functions: [{ name: 'tee', code: { kind: 'fast', fn: tee } }],
  attributes: () => ({
    accumulate: accumulateType, chain: chainType, combinations: combinationsType,
    combinations_with_replacement: cwrType, compress: compressType, count: countType, cycle: cycleType,
    dropwhile: dropwhileType, filterfalse: filterfalseType, groupby: groupbyType, islice: isliceType,
    pairwise: pairwiseType, permutations: permutationsType, product: productType, repeat: repeatType,
    starmap: starmapType, takewhile: takewhileType, zip_longest: zipLongestType, _grouper: grouperType, _tee: teeType,
  }),
};
