// Weak references (Objects/weakrefobject.c): weakref.ref and the proxies, each object's list of
// the weak references to it in CPython's order (the plain ref and proxy first, then the ones
// with callbacks, newest first), and PyObject_ClearWeakRefs calling callbacks in that order.
import { PyGCObject, PyObject, decref, newref, xdecref } from './object.js';
import { CompareOp, PyType, TypeFlags } from './type.js';
import { defineType } from './define.js';
import { allocObject, freeObject } from './heap.js';
import { gcTrack, gcUntrack } from '../gc/track.js';
import { None, NotImplemented } from './singletons.js';
import { PyStr, newStr } from './str.js';
import { newBool } from './int.js';
import {
  call, getAttr, hash, isTrue, length, richCompare, setAttr, str, getItem, setItem, getIter, contains,
} from './abstract.js';
import { PyBaseException, referenceError, typeError } from './exceptions.js';
import { instanceHooks } from './instance.js';
import { registerWorldState } from '../os/worldRoots.js';

export class PyWeakref extends PyGCObject {
  /** The referent, or null once it died or the reference was cleared. */
  object: PyObject | null;
  callback: PyObject | null;
  hashCache: bigint | null = null;
  constructor(type: PyType, object: PyObject, callback: PyObject | null) {
    super(type);
    this.object = object;
    this.callback = callback;
  }
}

/** The weak references to each living object that has any, in CPython's list order. */
const lists = new Map<PyObject, PyWeakref[]>();
registerWorldState(lists);

/** The types whose instances can be weakly referenced (tp_weaklistoffset != 0). */
export function supportsWeakrefs(type: PyType): boolean {
  return type.mro.some((t) => t.weakrefable);
}

export function weakrefsTo(o: PyObject): PyWeakref[] {
  return lists.get(o)?.slice() ?? [];
}

/** _PyWeakref_ClearRef: detaches a weak reference from its referent, keeping the callback. */
export function clearRef(wr: PyWeakref): void {
  const o = wr.object;
  if (o === null) return;
  const list = lists.get(o);
  if (list) {
    const i = list.indexOf(wr);
    if (i >= 0) list.splice(i, 1);
    if (list.length === 0) lists.delete(o);
  }
  wr.object = null;
}

/** PyObject_ClearWeakRefs: the referent is dying; clear every weak reference to it, then call
 *  the callbacks in list order with the (now dead) weak reference. */
export function clearWeakrefs(o: PyObject): void {
  const list = lists.get(o);
  if (!list) return;
  lists.delete(o);
  const pending: [PyWeakref, PyObject][] = [];
  for (const wr of list) {
    wr.object = null;
    if (wr.callback) {
      newref(wr);
      pending.push([wr, wr.callback]);
      wr.callback = null;
    }
  }
  for (const [wr, cb] of pending) {
    try {
      decref(call(cb, [wr]));
    } catch (e) {
      if (!(e instanceof PyBaseException)) throw e;
      instanceHooks.unraisable(e, cb);
      decref(e);
    }
    decref(cb);
    decref(wr);
  }
}

instanceHooks.clearWeakrefs = clearWeakrefs;

function deallocWeakref(o: PyObject): void {
  const wr = o as PyWeakref;
  gcUntrack(wr);
  clearRef(wr);
  xdecref(wr.callback);
  wr.callback = null;
  freeObject(wr);
}

function traverseWeakref(o: PyObject, visit: (c: PyObject) => void): void {
  const cb = (o as PyWeakref).callback;
  if (cb) visit(cb);
}

function clearWeakrefSlot(o: PyObject): void {
  const wr = o as PyWeakref;
  clearRef(wr);
  const cb = wr.callback;
  wr.callback = null;
  xdecref(cb);
}

/** The weakref without callback of exact type `type` an object already has (get_basic_refs). */
function basicRef(list: PyWeakref[], type: PyType): PyWeakref | undefined {
  return list.find((w) => w.type === type && w.callback === null);
}

/** weakref___new__ / PyWeakref_NewProxy: reuses the plain reference when there is no callback;
 *  otherwise the new reference goes after the plain ones, ahead of older callback references. */
function newWeakref(type: PyType, object: PyObject, callbackArg: PyObject | null): PyWeakref {
  if (!supportsWeakrefs(object.type)) throw typeError(`cannot create weak reference to '${object.type.name}' object`);
  const callback = callbackArg === None ? null : callbackArg;
  let list = lists.get(object);
  const plainType = type === refType || type === proxyType || type === callableProxyType;
  if (callback === null && list && plainType) {
    const existing = basicRef(list, type);
    if (existing) return newref(existing);
  }
  const wr = new PyWeakref(type, object, callback ? newref(callback) : null);
  allocObject(wr, type.basicsize);
  gcTrack(wr);
  if (!list) {
    list = [];
    lists.set(object, list);
  }
  if (callback === null && type === refType) {
    list.unshift(wr);
  } else {
    let at = 0;
    while (at < list.length && list[at]!.callback === null && at < 2) at++;
    list.splice(at, 0, wr);
  }
  return wr;
}

function referent(wr: PyWeakref): PyObject {
  const o = wr.object;
  if (o === null) throw referenceError('weakly-referenced object no longer exists');
  return o;
}

function refRepr(o: PyObject): PyObject {
  const wr = o as PyWeakref;
  const at = `0x${wr.addr.toString(16)}`;
  if (wr.object === null) return newStr(`<weakref at ${at}; dead>`);
  const target = wr.object;
  let name: string | null = null;
  try {
    // weakref_repr shows a str __name__ as it is (%U), anything else not at all.
    const nameObj = getAttr(target, '__name__');
    if (nameObj instanceof PyStr) name = nameObj.value;
    decref(nameObj);
  } catch (e) {
    if (!(e instanceof PyBaseException)) throw e;
    decref(e);
  }
  const base = `<weakref at ${at}; to '${target.type.qualname}' at 0x${target.addr.toString(16)}`;
  return newStr(name === null ? `${base}>` : `${base} (${name})>`);
}

export const refType = defineType({
  name: 'weakref.ReferenceType',
  flags: TypeFlags.BASETYPE | TypeFlags.HAVE_GC,
  layout: { basicsize: 64 },
  slots: {
    tp_new: (type, args, kwnames) => {
      if (kwnames?.length) throw typeError(`${type.qualname}() takes no keyword arguments`);
      if (args.length < 1 || args.length > 2) {
        throw typeError(`__new__ expected at most 2 arguments, got ${args.length}`);
      }
      return newWeakref(type, args[0]!, args[1] ?? null);
    },
    tp_init: () => {},
    tp_dealloc: deallocWeakref,
    tp_traverse: traverseWeakref,
    tp_clear: clearWeakrefSlot,
    tp_call: (callable, args, kwnames) => {
      if (args.length || kwnames?.length) throw typeError(`weakref() takes no arguments`);
      return newref((callable as PyWeakref).object ?? None);
    },
    tp_hash: (o) => {
      const wr = o as PyWeakref;
      if (wr.hashCache !== null) return wr.hashCache;
      if (wr.object === null) throw typeError('weak object has gone away');
      wr.hashCache = hash(wr.object);
      return wr.hashCache;
    },
    tp_richcompare: (a, b, op) => {
      if ((op !== CompareOp.EQ && op !== CompareOp.NE) || !(b instanceof PyWeakref)) return newref(NotImplemented);
      const x = (a as PyWeakref).object;
      const y = b.object;
      if (x === null || y === null) {
        const same = a === b;
        return newBool(op === CompareOp.EQ ? same : !same);
      }
      return richCompare(x, y, op);
    },
    tp_repr: refRepr,
  },
  getsets: {
    __callback__: { get: (o) => newref((o as PyWeakref).callback ?? None) },
  },
});
refType.qualname = 'ReferenceType';

/** The operations a proxy forwards to its referent (Objects/weakrefobject.c proxy_*). */
function forward<T>(fn: (target: PyObject, ...rest: PyObject[]) => T) {
  return (o: PyObject, ...rest: PyObject[]): T => fn(referent(o as PyWeakref), ...rest);
}

const proxySlots = {
  tp_dealloc: deallocWeakref,
  tp_traverse: traverseWeakref,
  tp_clear: clearWeakrefSlot,
  tp_getattro: (o: PyObject, name: string) => getAttr(referent(o as PyWeakref), name),
  tp_setattro: (o: PyObject, name: string, v: PyObject | null) => setAttr(referent(o as PyWeakref), name, v),
  tp_str: forward((t) => str(t)),
  tp_repr: (o: PyObject) => {
    const wr = o as PyWeakref;
    const t = referent(wr);
    return newStr(`<weakproxy at 0x${wr.addr.toString(16)}; to '${t.type.qualname}' at 0x${t.addr.toString(16)}>`);
  },
  tp_richcompare: (a: PyObject, b: PyObject, op: CompareOp) => {
    const x = a instanceof PyWeakref && a.type !== refType ? referent(a) : a;
    const y = b instanceof PyWeakref && b.type !== refType ? referent(b) : b;
    return richCompare(x, y, op);
  },
  tp_iter: forward((t) => getIter(t)),
  nb_bool: (o: PyObject) => isTrue(referent(o as PyWeakref)),
  mp_length: (o: PyObject) => length(referent(o as PyWeakref)),
  mp_subscript: (o: PyObject, key: PyObject) => getItem(referent(o as PyWeakref), key),
  mp_ass_subscript: (o: PyObject, key: PyObject, v: PyObject | null) => setItem(referent(o as PyWeakref), key, v),
  sq_contains: (o: PyObject, v: PyObject) => contains(referent(o as PyWeakref), v),
};

export const proxyType = defineType({
  name: 'weakref.ProxyType',
  flags: TypeFlags.HAVE_GC,
  layout: { basicsize: 64 },
  slots: proxySlots,
});
proxyType.qualname = 'ProxyType';

export const callableProxyType = defineType({
  name: 'weakref.CallableProxyType',
  flags: TypeFlags.HAVE_GC,
  layout: { basicsize: 64 },
  slots: {
    ...proxySlots,
    tp_call: (o, args, kwnames) => call(referent(o as PyWeakref), args, kwnames),
  },
});
callableProxyType.qualname = 'CallableProxyType';

/** weakref.proxy(obj[, callback]) */
export function newProxy(object: PyObject, callback: PyObject | null): PyWeakref {
  const type = object.type.tp_call ? callableProxyType : proxyType;
  return newWeakref(type, object, callback);
}

/** weakref.getweakrefcount(obj) */
export function weakrefCount(o: PyObject): number {
  return lists.get(o)?.length ?? 0;
}
