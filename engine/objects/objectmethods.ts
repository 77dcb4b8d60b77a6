// The methods of `object` itself (Objects/typeobject.c object_new, object_init, object_repr,
// object_richcompare, object_format, object___sizeof__, object_set_class...).
import { PyObject, decref, newref } from './object.js';
import { CompareOp, PyType, TypeFlags } from './type.js';
import { extendType } from './define.js';
import { objectType } from './typeobject.js';
import { freeObject } from './heap.js';
import { instanceDict, newInstance, solidBuiltinBase, subtypeDealloc, type HeapInstance } from './instance.js';
import { NotImplemented } from './singletons.js';
import { False, True, newInt } from './int.js';
import { PyStr, internStr, newStr } from './str.js';
import { PyDict, dictItems, dictSetItem, newDict } from './dict.js';
import { PyTuple, newTuple } from './tuple.js';
import { newList } from './list.js';
import {
  asIndex, call, callMethod, collect, genericGetAttr, genericSetAttr, getAttr, getAttrOrNull, getIter, isTrue, lookupSpecial,
  newNone, repr, str,
} from './abstract.js';
import { typeError } from './exceptions.js';

function excessArgs(args: PyObject[], kwnames: readonly string[] | null): boolean {
  return args.length > 0 || (kwnames !== null && kwnames.length > 0);
}

/** object_new: refuses arguments unless __init__ is overridden; refuses abstract classes. */
export function objectNew(type: PyType, args: PyObject[], kwnames: readonly string[] | null): PyObject {
  if (excessArgs(args, kwnames)) {
    if (type.tp_new !== objectNew) throw typeError('object.__new__() takes exactly one argument (the type to instantiate)');
    if (type.tp_init === objectInit) throw typeError(`${type.qualname}() takes no arguments`);
  }
  if (type.flags & TypeFlags.IS_ABSTRACT) throw abstractError(type);
  return newInstance(type);
}

/** "Can't instantiate abstract class X with abstract method(s) ..." with 3.11's wording. */
function abstractError(type: PyType): unknown {
  const names = type.dict.get('__abstractmethods__');
  const list: string[] = [];
  if (names) {
    for (const n of collect(names)) {
      if (n instanceof PyStr) list.push(n.value);
      decref(n);
    }
  }
  list.sort();
  const plural = list.length === 1 ? '' : 's';
  return typeError(`Can't instantiate abstract class ${type.qualname} with abstract method${plural} ${list.join(', ')}`);
}

/** object_init */
export function objectInit(self: PyObject, args: PyObject[], kwnames: readonly string[] | null): void {
  if (!excessArgs(args, kwnames)) return;
  const type = self.type;
  if (type.tp_init !== objectInit) throw typeError('object.__init__() takes exactly one argument (the instance to initialize)');
  if (type.tp_new === objectNew) throw typeError(`${type.qualname}() takes no arguments`);
}

/** object_repr: `<module.Qualname object at 0x...>` */
export function objectRepr(o: PyObject): PyObject {
  const t = o.type;
  const mod = t.moduleName;
  const name = mod === 'builtins' ? t.qualname : `${mod}.${t.qualname}`;
  return newStr(`<${name} object at 0x${o.addr.toString(16)}>`);
}

/** _Py_HashPointer: the address rotated right by 4 bits, as a signed 64-bit value. */
export function pointerHash(o: PyObject): bigint {
  const y = BigInt(o.addr);
  let h = BigInt.asIntN(64, (y >> 4n) | (y << 60n));
  if (h === -1n) h = -2n;
  return h;
}

/** object_richcompare: identity for ==, and != as the negation of a defined ==. */
function objectRichCompare(self: PyObject, other: PyObject, op: CompareOp): PyObject {
  if (op === CompareOp.EQ) return newref(self === other ? True : NotImplemented);
  if (op === CompareOp.NE) {
    const eq = self.type.tp_richcompare;
    if (!eq) return newref(NotImplemented);
    const r = eq(self, other, CompareOp.EQ);
    if (r === NotImplemented) return r;
    const b = isTrue(r);
    decref(r);
    return newref(b ? False : True);
  }
  return newref(NotImplemented);
}

/** object_dealloc for plain `object()` instances; classes get subtype_dealloc. */
function objectDealloc(o: PyObject): void {
  if (o.type.flags & TypeFlags.HEAPTYPE) {
    subtypeDealloc(o);
    return;
  }
  freeObject(o);
}

/** object___sizeof__: tp_basicsize plus tp_itemsize per item of a variable-size object. */
function objectSizeof(self: PyObject): PyObject {
  const t = self.type;
  let size = t.basicsize;
  if (t.itemsize) {
    const items = (self as unknown as { items?: unknown[] }).items;
    if (items) size += t.itemsize * items.length;
  }
  return newInt(size);
}

/** The running interpreter's import, for the few native routines that need a module. */
export const interpreterImports = {
  importModule: (name: string): PyObject => {
    throw typeError(`cannot import ${name} here`);
  },
};

function copyregFunction(name: string): PyObject {
  const copyreg = interpreterImports.importModule('copyreg');
  try {
    return getAttr(copyreg, name);
  } finally {
    decref(copyreg);
  }
}

/** object___getstate__ (_PyObject_GetState): the instance dict (None when empty), paired with
 *  a dict of the set __slots__ members when the class has any. */
function objectGetState(self: PyObject): PyObject {
  let state: PyObject | null = getAttrOrNull(self, '__dict__');
  if (state instanceof PyDict && state.used === 0) {
    decref(state);
    state = null;
  }
  const slotNames = self.type.slotNames;
  if (slotNames.length === 0) return state ?? newNone();
  const slots = newDict();
  for (const name of slotNames) {
    const v = getAttrOrNull(self, name);
    if (v === null) continue;
    const key = internStr(name);
    dictSetItem(slots, key, v);
    decref(key);
    decref(v);
  }
  if (slots.used === 0) {
    decref(slots);
    return state ?? newNone();
  }
  return newTuple([state ?? newNone(), slots]);
}

/** _common_reduce: protocol 2 and later rebuild through copyreg.__newobj__ (reduce_newobj),
 *  earlier protocols through copyreg._reduce_ex. */
function commonReduce(self: PyObject, protocol: number): PyObject {
  if (protocol < 2) {
    const fn = copyregFunction('_reduce_ex');
    const p = newInt(protocol);
    try {
      return call(fn, [self, p]);
    } finally {
      decref(p);
      decref(fn);
    }
  }
  const newobj = copyregFunction('__newobj__');
  const getnewargs = lookupSpecial(self, '__getnewargs__');
  let args: PyObject[] = [];
  if (getnewargs) {
    const r = call(getnewargs, []);
    decref(getnewargs);
    if (!(r instanceof PyTuple)) {
      const tn = r.type.name;
      decref(r);
      decref(newobj);
      throw typeError(`__getnewargs__ should return a tuple, not '${tn}'`);
    }
    args = r.items.map((a) => newref(a));
    decref(r);
  }
  const clsArgs = newTuple([newref(self.type), ...args]);
  const state = callMethod(self, '__getstate__', []);
  const listItems = self.type.flags & TypeFlags.LIST_SUBCLASS ? getIter(self) : newNone();
  const dictItemsIter = self.type.flags & TypeFlags.DICT_SUBCLASS ? callMethodIter(self) : newNone();
  return newTuple([newobj, clsArgs, state, listItems, dictItemsIter]);
}

function callMethodIter(self: PyObject): PyObject {
  const items = callMethod(self, 'items', []);
  try {
    return getIter(items);
  } finally {
    decref(items);
  }
}

/** object___reduce_ex__: a class's own __reduce__ wins over the default reduction. */
function objectReduceEx(self: PyObject, protocolObj: PyObject): PyObject {
  const protocol = asIndex(protocolObj);
  const reduce = self.type.lookup('__reduce__');
  const objectReduce = objectType.dict.get('__reduce__');
  if (reduce !== null && reduce !== objectReduce) return callMethod(self, '__reduce__', []);
  return commonReduce(self, protocol);
}

/** merge_class_dict: a class's names, then its bases' names, depth first. */
export function mergeClassNames(names: Map<string, PyObject | null>, cls: PyType): void {
  for (const name of cls.dict.keys()) if (!names.has(name)) names.set(name, null);
  for (const base of cls.bases) mergeClassNames(names, base);
}

/** object___dir__: the instance's own attributes, then those of its class and the bases. */
function objectDir(self: PyObject): PyObject {
  const names = new Map<string, PyObject | null>();
  const d = getAttrOrNull(self, '__dict__');
  if (d instanceof PyDict) {
    for (const [k] of dictItems(d)) {
      if (k instanceof PyStr) names.set(k.value, k);
    }
  }
  if (d) decref(d);
  const cls = getAttrOrNull(self, '__class__');
  if (cls instanceof PyType) mergeClassNames(names, cls);
  if (cls) decref(cls);
  return namesList(names);
}

/** The collected names as a list of str (existing key objects reused, as dict keys are). */
export function namesList(names: Map<string, PyObject | null>): PyObject {
  return newList([...names].map(([name, key]) => (key ? newref(key) : internStr(name))));
}

/** object_set_class's compatibility test: same solid base and the same instance layout. */
function compatibleForAssignment(oldType: PyType, newType: PyType): boolean {
  return solidBuiltinBase(oldType) === solidBuiltinBase(newType)
    && oldType.basicsize === newType.basicsize
    && oldType.slotNames.join() === newType.slotNames.join();
}

extendType(objectType, {
  slots: {
    tp_new: objectNew,
    tp_init: objectInit,
    tp_repr: objectRepr,
    tp_str: (o) => repr(o),
    tp_hash: pointerHash,
    tp_richcompare: objectRichCompare,
    tp_getattro: genericGetAttr,
    tp_setattro: genericSetAttr,
    tp_dealloc: objectDealloc,
  },
  methods: {
    __format__: {
      kind: 'o',
      fn: (self, spec) => {
        if (!(spec instanceof PyStr)) throw typeError(`__format__() argument must be str, not ${spec.type.name}`);
        if (spec.length > 0) throw typeError(`unsupported format string passed to ${self.type.qualname}.__format__`);
        return str(self);
      },
    },
    __sizeof__: { kind: 'noargs', fn: objectSizeof },
    __dir__: { kind: 'noargs', fn: objectDir },
    __getstate__: { kind: 'noargs', fn: objectGetState },
    __reduce__: { kind: 'noargs', fn: (self) => commonReduce(self, 0) },
    __reduce_ex__: { kind: 'o', fn: objectReduceEx },
  },
  classMethods: {
    __init_subclass__: { kind: 'fastkw', fn: () => newNone() },
    __subclasshook__: { kind: 'fast', fn: () => newref(NotImplemented) },
  },
  getsets: {
    __class__: {
      get: (o) => newref(o.type),
      set: (o, value) => {
        if (value === null) throw typeError("can't delete __class__ attribute");
        if (!(value instanceof PyType)) throw typeError(`__class__ must be set to a class, not '${value.type.name}' object`);
        const old = o.type;
        if (!(value.flags & TypeFlags.HEAPTYPE) || !(old.flags & TypeFlags.HEAPTYPE)) {
          throw typeError('__class__ assignment only supported for mutable types or ModuleType subclasses');
        }
        if (!compatibleForAssignment(old, value)) {
          throw typeError(`__class__ assignment: '${value.qualname}' object layout differs from '${old.qualname}'`);
        }
        // The inline values are laid out over the old class's shared keys (object_set_class).
        if ((o as HeapInstance).values) instanceDict(o as HeapInstance);
        value.refcnt++;
        o.type = value;
        decref(old);
      },
    },
  },
  doc: 'The base class of the class hierarchy.\n\nWhen called, it accepts no arguments and returns a new featureless\ninstance that has no instance attributes and cannot be given any.\n',
});
