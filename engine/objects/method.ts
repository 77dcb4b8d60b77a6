// Bound methods (Objects/classobject.c PyMethod_Type): a function and the instance it was
// looked up on; calling one passes the instance first.
import { PyGCObject, PyObject, decref, newref } from './object.js';
import { TypeFlags } from './type.js';
import { defineType } from './define.js';
import { allocObject, freeObject } from './heap.js';
import { gcTrack, gcUntrack } from '../gc/track.js';
import { newStr, PyStr } from './str.js';
import { call, getAttr, getAttrOrNull, hash, isCallable, reprString, richCompareBool } from './abstract.js';
import { CompareOp } from './type.js';
import { newBool } from './int.js';
import { None, NotImplemented } from './singletons.js';
import { typeError } from './exceptions.js';
import { newTuple } from './tuple.js';
import { evalBuiltins } from './evalbuiltins.js';

export class PyMethod extends PyGCObject {
  constructor(public func: PyObject, public self: PyObject) {
    super(methodType);
  }
}

/** sizeof(PyMethodObject) */
const METHOD_SIZE = 48;

export const methodType = defineType({
  name: 'method',
  flags: TypeFlags.HAVE_GC | TypeFlags.HAVE_VECTORCALL,
  layout: { basicsize: METHOD_SIZE },
  slots: {
    tp_dealloc: (o) => {
      const m = o as PyMethod;
      gcUntrack(m);
      decref(m.func);
      decref(m.self);
      freeObject(m);
    },
    tp_traverse: (o, visit) => {
      visit((o as PyMethod).func);
      visit((o as PyMethod).self);
    },
    tp_call: (callable, args, kwnames) => {
      const m = callable as PyMethod;
      return call(m.func, [m.self, ...args], kwnames);
    },
    tp_repr: (o) => {
      const m = o as PyMethod;
      const name = getAttrOrNull(m.func, '__qualname__') ?? getAttrOrNull(m.func, '__name__');
      const text = name instanceof PyStr ? name.value : '?';
      if (name) decref(name);
      return newStr(`<bound method ${text} of ${reprString(m.self)}>`);
    },
    tp_richcompare: (a, b, op) => {
      if (!(b instanceof PyMethod) || (op !== CompareOp.EQ && op !== CompareOp.NE)) {
        NotImplemented.refcnt++;
        return NotImplemented;
      }
      const x = a as PyMethod;
      const eq = x.self === b.self && richCompareBool(x.func, b.func, CompareOp.EQ);
      return newBool(op === CompareOp.EQ ? eq : !eq);
    },
    tp_hash: (o) => {
      const m = o as PyMethod;
      const h = BigInt(m.self.addr >> 4) ^ hash(m.func);
      return h === -1n ? -2n : BigInt.asIntN(64, h);
    },
    tp_getattro: (o, name) => {
      const m = o as PyMethod;
      const descr = methodType.lookup(name);
      if (descr !== null) {
        const get = descr.type.tp_descr_get;
        return get ? get(descr, o, methodType) : newref(descr);
      }
      return getAttr(m.func, name);
    },
    tp_descr_get: (descr) => newref(descr),
    // method_new: types.MethodType(function, instance)
    tp_new: (_type, args, kwnames) => {
      if (kwnames && kwnames.length) throw typeError('method() takes no keyword arguments');
      if (args.length !== 2) throw typeError(`method expected 2 arguments, got ${args.length}`);
      if (!isCallable(args[0]!)) throw typeError('first argument must be callable');
      if (args[1] === None) throw typeError('instance must not be None');
      return newMethod(args[0]!, args[1]!);
    },
  },
  methods: {
    // method_reduce: found again as getattr(instance, name).
    __reduce__: {
      kind: 'noargs',
      fn: (self) => {
        const m = self as PyMethod;
        return newTuple([evalBuiltins.get('getattr'), newTuple([newref(m.self), getAttr(m.func, '__name__')])]);
      },
    },
  },
  getsets: {
    __func__: { get: (o) => newref((o as PyMethod).func) },
    __self__: { get: (o) => newref((o as PyMethod).self) },
    __doc__: { get: (o) => getAttr((o as PyMethod).func, '__doc__') },
  },
  classMethods: {},
});

/** PyMethod_New */
export function newMethod(func: PyObject, self: PyObject): PyObject {
  if (!self) throw typeError('self must not be None');
  const m = new PyMethod(newref(func), newref(self));
  allocObject(m, METHOD_SIZE);
  gcTrack(m);
  return m;
}
