// Descriptors that expose native code on types (Objects/descrobject.c) and builtin functions
// (Objects/methodobject.c): method_descriptor, classmethod_descriptor, getset_descriptor,
// member_descriptor, wrapper_descriptor, method-wrapper and builtin_function_or_method.
import { PyGCObject, PyObject, decref, newref } from './object.js';
import { PyType, TypeFlags, type CallFn } from './type.js';
import { callNative, type NativeFunctionDef } from './native.js';
import { allocObject, freeObject } from './heap.js';
import { objectType, typeType } from './typeobject.js';
import { typeError, attributeError } from './exceptions.js';
import { gcUntrack } from '../gc/track.js';
import { extendType } from './define.js';
import { evalBuiltins } from './evalbuiltins.js';
import { newTuple } from './tuple.js';
import { newStr } from './str.js';
import { PyModule } from './module.js';

function descrType(name: string, basicsize: number, extraFlags = 0): PyType {
  const t = new PyType(typeType, name, objectType, TypeFlags.HAVE_GC | TypeFlags.READY | extraFlags, { basicsize, itemsize: 0 });
  t.mro = [t, objectType];
  t.tp_dealloc = deallocDescr;
  t.tp_traverse = traverseDescr;
  return t;
}

/** A descriptor refers to its class (d_type); only classes defined in Python count it. */
function heapObjclass(o: PyObject): PyType | null {
  const c = (o as PyObject & { objclass?: PyType }).objclass;
  return c && c.flags & TypeFlags.HEAPTYPE ? c : null;
}

function deallocDescr(o: PyObject): void {
  gcUntrack(o as PyGCObject);
  const d = o as PyObject & { self?: PyObject | null };
  if (d.self) decref(d.self);
  const cls = heapObjclass(o);
  if (cls) decref(cls);
  freeObject(o);
}

function traverseDescr(o: PyObject, visit: (c: PyObject) => void): void {
  const d = o as PyObject & { self?: PyObject | null };
  if (d.self) visit(d.self);
  const cls = heapObjclass(o);
  if (cls) visit(cls);
}

export const methodDescrType = descrType('method_descriptor', 56, TypeFlags.METHOD_DESCRIPTOR);
export const classMethodDescrType = descrType('classmethod_descriptor', 56);
export const getsetDescrType = descrType('getset_descriptor', 48);
export const memberDescrType = descrType('member_descriptor', 48);
export const wrapperDescrType = descrType('wrapper_descriptor', 56, TypeFlags.METHOD_DESCRIPTOR);
export const methodWrapperType = descrType('method-wrapper', 32);
export const builtinFunctionType = descrType('builtin_function_or_method', 56);

/** A native method of a type, unbound: `list.append`. */
export class PyMethodDescr extends PyGCObject {
  constructor(readonly def: NativeFunctionDef, readonly objclass: PyType) {
    super(methodDescrType);
  }
}

/** A native class method: `dict.fromkeys`, `int.from_bytes`. */
export class PyClassMethodDescr extends PyGCObject {
  constructor(readonly def: NativeFunctionDef, readonly objclass: PyType) {
    super(classMethodDescrType);
  }
}

/** A computed attribute of a builtin type: `int.real`, `function.__name__`. */
export interface GetSetDef {
  get?: (o: PyObject) => PyObject;
  set?: (o: PyObject, value: PyObject | null) => void;
  doc?: string;
}

export class PyGetSetDescr extends PyGCObject {
  constructor(readonly name: string, readonly def: GetSetDef, readonly objclass: PyType) {
    super(getsetDescrType);
  }
}

/** A `__slots__` member: reads and writes the instance's slot array at `index`. */
export class PyMemberDescr extends PyGCObject {
  constructor(readonly name: string, readonly index: number, readonly objclass: PyType) {
    super(memberDescrType);
  }
}

/** A slot exposed as a dunder of a builtin type: `int.__add__`. `call` receives self first;
 *  `wrapped` is the slot function itself, so a class inheriting the dunder can inherit the slot. */
export class PyWrapperDescr extends PyGCObject {
  constructor(
    readonly name: string,
    readonly call: CallFn,
    readonly objclass: PyType,
    readonly doc: string,
    readonly wrapped: Function,
  ) {
    super(wrapperDescrType);
  }
}

/** A slot wrapper bound to an instance: `(1).__add__`. */
export class PyMethodWrapper extends PyGCObject {
  constructor(readonly descr: PyWrapperDescr, public self: PyObject | null) {
    super(methodWrapperType);
  }
}

/** A builtin function, or a native method bound to its object: `len`, `[].append`. */
export class PyCFunction extends PyGCObject {
  constructor(
    readonly def: NativeFunctionDef,
    public self: PyObject | null,
    readonly moduleName: string | null,
    /** The type a bound native method comes from, named in its errors. */
    readonly ownerName: string | null = null,
  ) {
    super(builtinFunctionType);
  }
}

/** PyCFunction_New with memory: a builtin function object of `module`, or a bound method. */
export function newCFunction(def: NativeFunctionDef, self: PyObject | null, moduleName: string | null, ownerName: string | null = null): PyCFunction {
  const f = new PyCFunction(def, self ? newref(self) : null, moduleName, ownerName);
  allocObject(f, 56);
  return f;
}

/** The type an unbound descriptor's first argument must be an instance of (descr_check). */
function checkSelf(name: string, objclass: PyType, args: PyObject[]): PyObject {
  if (args.length < 1) throw typeError(`unbound method ${objclass.name}.${name}() needs an argument`);
  const self = args[0]!;
  if (!self.type.isSubtype(objclass)) {
    throw typeError(`descriptor '${name}' for '${objclass.name}' objects doesn't apply to a '${self.type.name}' object`);
  }
  return self;
}

/** method_vectorcall_NOARGS / _O (Objects/descrobject.c) straight from the caller's value stack:
 *  `l.append(x)` and `s.upper()` build no argument array. Other conventions go through tp_call. */
export function vectorcallMethodDescr(d: PyMethodDescr, stack: readonly (PyObject | null)[], start: number, nargs: number): PyObject {
  const code = d.def.code;
  if (nargs >= 1) {
    const self = stack[start]!;
    if (self.type === d.objclass || self.type.isSubtype(d.objclass)) {
      if (code.kind === 'o' && nargs === 2) return code.fn(self, stack[start + 1]!);
      if (code.kind === 'noargs' && nargs === 1) return code.fn(self);
    }
  }
  return methodDescrType.tp_call!(d, stack.slice(start, start + nargs) as PyObject[], null);
}

methodDescrType.tp_call = (callable, args, kwnames) => {
  const d = callable as PyMethodDescr;
  const self = checkSelf(d.def.name, d.objclass, args);
  return callNative(d.def, self, args.slice(1), kwnames, d.objclass.name);
};
methodDescrType.tp_descr_get = (descr, obj) => {
  const d = descr as PyMethodDescr;
  if (obj === null) return newref(descr);
  checkSelf(d.def.name, d.objclass, [obj]);
  return newCFunction(d.def, obj, null, d.objclass.name);
};

classMethodDescrType.tp_call = (callable, args, kwnames) => {
  const d = callable as PyClassMethodDescr;
  if (args.length < 1) throw typeError(`descriptor '${d.def.name}' of '${d.objclass.name}' object needs an argument`);
  return callNative(d.def, args[0]!, args.slice(1), kwnames);
};
classMethodDescrType.tp_descr_get = (descr, obj, type) => {
  const d = descr as PyClassMethodDescr;
  const cls = type ?? (obj as PyObject).type;
  return newCFunction(d.def, cls, null);
};

getsetDescrType.tp_descr_get = (descr, obj) => {
  const d = descr as PyGetSetDescr;
  if (obj === null) return newref(descr);
  if (!d.def.get) throw attributeError(`attribute '${d.name}' of '${d.objclass.name}' objects is not readable`);
  return d.def.get(obj);
};
getsetDescrType.tp_descr_set = (descr, obj, value) => {
  const d = descr as PyGetSetDescr;
  if (!d.def.set) {
    throw attributeError(`attribute '${d.name}' of '${d.objclass.name}' objects is not writable`);
  }
  d.def.set(obj, value);
};

wrapperDescrType.tp_call = (callable, args, kwnames) => {
  const d = callable as PyWrapperDescr;
  checkSelf(d.name, d.objclass, args);
  return d.call(callable, args, kwnames);
};
wrapperDescrType.tp_descr_get = (descr, obj) => {
  if (obj === null) return newref(descr);
  const d = descr as PyWrapperDescr;
  checkSelf(d.name, d.objclass, [obj]);
  const w = new PyMethodWrapper(d, newref(obj));
  allocObject(w, 32);
  return w;
};

methodWrapperType.tp_call = (callable, args, kwnames) => {
  const w = callable as PyMethodWrapper;
  return w.descr.call(w.descr, [w.self!, ...args], kwnames);
};

// The name in a call's argument errors is _PyObject_FunctionStr's: a module function outside
// builtins is named with its module (`time.sleep()`), a bound method with its type.
builtinFunctionType.tp_call = (callable, args, kwnames) => {
  const f = callable as PyCFunction;
  const owner = f.ownerName ?? (f.moduleName !== null && f.moduleName !== 'builtins' ? f.moduleName : null);
  return callNative(f.def, f.self as PyObject, args, kwnames, owner);
};

/** A `__slots__` value: the object's slot array, made when the first slot is stored. */
interface WithSlots extends PyObject {
  slots?: (PyObject | null)[] | null;
}

memberDescrType.tp_descr_get = (descr, obj) => {
  const d = descr as PyMemberDescr;
  if (obj === null) return newref(descr);
  const v = (obj as WithSlots).slots?.[d.index];
  if (!v) throw attributeError(`'${obj.type.qualname}' object has no attribute '${d.name}'`);
  return newref(v);
};
memberDescrType.tp_descr_set = (descr, obj, value) => {
  const d = descr as PyMemberDescr;
  const o = obj as WithSlots;
  const old = o.slots?.[d.index] ?? null;
  if (value === null) {
    if (!old) throw attributeError(d.name);
    o.slots![d.index] = null;
    decref(old);
    return;
  }
  o.slots ??= new Array(obj.type.slotNames.length).fill(null);
  o.slots[d.index] = newref(value);
  if (old) decref(old);
};

/** meth_reduce: a module function pickles by its name, a bound one as getattr(self, name). */
function builtinFunctionReduce(o: PyObject): PyObject {
  const f = o as PyCFunction;
  if (f.self === null || f.self instanceof PyModule) return newStr(f.def.name);
  return newTuple([evalBuiltins.get('getattr'), newTuple([newref(f.self), newStr(f.def.name)])]);
}

// PyType_Ready for the descriptor types: their __call__, __get__, __set__ and __delete__ slot
// wrappers, so that callable() and collections.abc.Callable see builtin functions as CPython does.
for (const t of [methodDescrType, classMethodDescrType, getsetDescrType, memberDescrType, wrapperDescrType,
  methodWrapperType]) extendType(t, {});
extendType(builtinFunctionType, { methods: { __reduce__: { kind: 'noargs', fn: builtinFunctionReduce } } });
