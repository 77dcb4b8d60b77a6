// The methods of `type` (Objects/typeobject.c type_call, type_new, type_getattro,
// type_setattro, type_repr, type_mro, the __name__/__qualname__/__bases__... getsets).
import { PyObject, decref, newref } from './object.js';
import { PyType, TypeFlags } from './type.js';
import { extendType } from './define.js';
import { typeType } from './typeobject.js';
import { None } from './singletons.js';
import { PyStr, newStr } from './str.js';
import { PyTuple, newTuple } from './tuple.js';
import { newBool, newInt } from './int.js';
import { newNone, realIsInstance, realIsSubclass } from './abstract.js';
import { attributeError, typeError } from './exceptions.js';
import { fixupSlots } from './classslots.js';
import { basesTupleOf, clearHeapTypeObjects, mroTupleOf, setTypeAttr } from './typedict.js';
import { freeObject, heap } from './heap.js';
import { objectLayouts } from '../profiles/objects.js';
import { gcUntrack } from '../gc/track.js';
import { typeNewFromArgs } from './classobject.js';
import { newMappingProxy } from './mappingproxy.js';
import { instanceHooks } from './instance.js';
import { mergeClassNames, namesList } from './objectmethods.js';
import { newDict } from './dict.js';
import { newList } from './list.js';
import { keysSize } from './dictkeys.js';

/** type_call: type(x) gives x's type; otherwise tp_new, then tp_init when the result is an
 *  instance of the class called. */
export function typeCall(callable: PyObject, args: PyObject[], kwnames: readonly string[] | null): PyObject {
  const type = callable as PyType;
  if (type === typeType && args.length === 1 && !kwnames?.length) return newref(args[0]!.type);
  const tpNew = type.tp_new;
  if (!tpNew) throw typeError(`cannot create '${typeDisplayName(type)}' instances`);
  const obj = tpNew(type, args, kwnames);
  if (!obj.type.isSubtype(type)) return obj;
  const init = obj.type.tp_init;
  if (init) {
    try {
      init(obj, args, kwnames);
    } catch (e) {
      decref(obj);
      throw e;
    }
  }
  return obj;
}

function typeDisplayName(t: PyType): string {
  const mod = t.moduleName;
  return mod === 'builtins' ? t.qualname : `${mod}.${t.qualname}`;
}

/** type_new: `type(name, bases, dict, **kw)`; `type(x)` is handled by type_call. */
function typeNew(metatype: PyType, args: PyObject[], kwnames: readonly string[] | null): PyObject {
  const npos = args.length - (kwnames?.length ?? 0);
  if (metatype === typeType && npos === 1 && !kwnames?.length) return newref(args[0]!.type);
  if (npos !== 1 && npos !== 3) throw typeError('type() takes 1 or 3 arguments');
  return typeNewFromArgs(metatype, args, kwnames);
}

function typeInit(_self: PyObject, args: PyObject[], kwnames: readonly string[] | null): void {
  const npos = args.length - (kwnames?.length ?? 0);
  if (npos !== 1 && npos !== 3) throw typeError('type.__init__() takes 1 or 3 arguments');
}

/** type_repr: `<class 'module.Qualname'>` */
function typeRepr(o: PyObject): PyObject {
  const t = o as PyType;
  return newStr(`<class '${typeDisplayName(t)}'>`);
}

/** type_getattro: data descriptors of the metaclass, then the class's own MRO (binding its
 *  descriptors with no instance), then the metaclass's other attributes. */
export function typeGetAttr(o: PyObject, name: string): PyObject {
  const type = o as PyType;
  const meta = type.type;
  const metaAttr = meta.lookup(name);
  let metaGet: PyType['tp_descr_get'];
  if (metaAttr !== null) {
    metaGet = metaAttr.type.tp_descr_get;
    if (metaGet && metaAttr.type.tp_descr_set) return metaGet(metaAttr, type, meta);
  }
  const attr = type.lookup(name);
  if (attr !== null) {
    const get = attr.type.tp_descr_get;
    return get ? get(attr, null, type) : newref(attr);
  }
  if (metaGet) return metaGet(metaAttr!, type, meta);
  if (metaAttr !== null) return newref(metaAttr);
  throw attributeError(`type object '${type.qualname}' has no attribute '${name}'`);
}

/** type_setattro: builtin types are immutable; a class's dunders update its slots. */
function typeSetAttr(o: PyObject, name: string, value: PyObject | null): void {
  const type = o as PyType;
  if (!(type.flags & TypeFlags.HEAPTYPE)) {
    throw typeError(`cannot set '${name}' attribute of immutable type '${typeDisplayName(type)}'`);
  }
  const metaAttr = type.type.lookup(name);
  if (metaAttr !== null && metaAttr.type.tp_descr_set) {
    metaAttr.type.tp_descr_set(metaAttr, type, value);
    return;
  }
  if (!setTypeAttr(type, name, value)) throw attributeError(`type object '${type.qualname}' has no attribute '${name}'`);
  if (name.startsWith('__') && name.endsWith('__')) updateSlotsDeep(type);
}

function updateSlotsDeep(type: PyType): void {
  fixupSlots(type);
  for (const sub of type.subclasses) updateSlotsDeep(sub);
}

function heapOnly(type: PyType, what: string): void {
  if (!(type.flags & TypeFlags.HEAPTYPE)) {
    throw typeError(`cannot set '${what}' attribute of immutable type '${typeDisplayName(type)}'`);
  }
}

function strArg(value: PyObject | null, what: string, type: PyType): string {
  if (value === null) throw typeError(`cannot delete '${what}' attribute of immutable type '${typeDisplayName(type)}'`);
  if (!(value instanceof PyStr)) throw typeError(`can only assign string to ${type.qualname}.${what}, not '${value.type.name}'`);
  return value.value;
}

/** type_dealloc for classes (builtin types are never freed): leave the bases' subclass
 *  lists, drop the class's objects and the references it holds, free it. */
function typeDealloc(o: PyObject): void {
  const type = o as PyType;
  gcUntrack(type);
  instanceHooks.clearWeakrefs(type);
  for (const b of type.bases) {
    const i = b.subclasses.indexOf(type);
    if (i >= 0) b.subclasses.splice(i, 1);
  }
  clearHeapTypeObjects(type);
  const base = type.base;
  type.base = null;
  if (base) decref(base);
  freeObject(type);
}

/** type_traverse: a class refers to its dict, its tuples and its base. */
function typeTraverse(o: PyObject, visit: (c: PyObject) => void): void {
  const type = o as PyType;
  if (!(type.flags & TypeFlags.HEAPTYPE)) return;
  if (type.dictObject) visit(type.dictObject);
  if (type.mroTuple) visit(type.mroTuple);
  if (type.basesTuple) visit(type.basesTuple);
  if (type.base) visit(type.base);
}

extendType(typeType, {
  slots: {
    tp_dealloc: typeDealloc,
    tp_traverse: typeTraverse,
    tp_clear: (o) => clearHeapTypeObjects(o as PyType),
    tp_call: typeCall,
    tp_new: typeNew,
    tp_init: typeInit,
    tp_repr: typeRepr,
    tp_getattro: typeGetAttr,
    tp_setattro: typeSetAttr,
  },
  methods: {
    mro: { kind: 'noargs', fn: (self) => newListOf((self as PyType).mro) },
    __subclasses__: { kind: 'noargs', fn: (self) => newListOf((self as PyType).subclasses) },
    __dir__: {
      kind: 'noargs',
      fn: (self) => {
        const names = new Map<string, PyObject | null>();
        mergeClassNames(names, self as PyType);
        return namesList(names);
      },
    },
    __instancecheck__: { kind: 'o', fn: (self, inst) => newBool(realIsInstance(inst, self as PyType)) },
    __subclasscheck__: { kind: 'o', fn: (self, sub) => newBool(realIsSubclass(sub, self as PyType)) },
    // type___sizeof___impl (Objects/typeobject.c) counts the keys shared by the instances' dicts
    __sizeof__: {
      kind: 'noargs',
      fn: (self) => {
        const t = self as PyType;
        const layouts = objectLayouts(heap.profile);
        if (!(t.flags & TypeFlags.HEAPTYPE)) return newInt(layouts.staticTypeSize);
        return newInt(layouts.heapTypeSize + (t.cachedKeys ? keysSize(t.cachedKeys) : 0));
      },
    },
  },
  classMethods: {
    __prepare__: { kind: 'fastkw', fn: () => newDict() },
  },
  getsets: {
    __name__: {
      get: (o) => newStr((o as PyType).name.slice((o as PyType).name.lastIndexOf('.') + 1)),
      set: (o, v) => {
        const t = o as PyType;
        heapOnly(t, '__name__');
        t.name = strArg(v, '__name__', t);
      },
    },
    __qualname__: {
      get: (o) => newStr((o as PyType).qualname),
      set: (o, v) => {
        const t = o as PyType;
        heapOnly(t, '__qualname__');
        t.qualname = strArg(v, '__qualname__', t);
      },
    },
    __module__: {
      get: (o) => {
        const t = o as PyType;
        if (t.flags & TypeFlags.HEAPTYPE) {
          const m = t.dict.get('__module__');
          if (!m) throw attributeError('__module__');
          return newref(m);
        }
        return newStr(t.moduleName);
      },
      set: (o, v) => {
        const t = o as PyType;
        heapOnly(t, '__module__');
        if (v === null) throw typeError(`cannot delete '__module__' attribute of immutable type '${t.qualname}'`);
        setTypeAttr(t, '__module__', v);
      },
    },
    __bases__: { get: (o) => basesTupleOf(o as PyType) },
    __base__: { get: (o) => newref((o as PyType).base ?? None) },
    __mro__: { get: (o) => mroTupleOf(o as PyType) },
    __dict__: { get: (o) => newMappingProxy(o as PyType) },
    __doc__: {
      get: (o) => {
        const d = (o as PyType).dict.get('__doc__');
        if (!d) return newNone();
        const get = d.type.tp_descr_get;
        return get ? get(d, null, o as PyType) : newref(d);
      },
    },
    __basicsize__: { get: (o) => newInt((o as PyType).basicsize) },
    __itemsize__: { get: (o) => newInt((o as PyType).itemsize) },
    __flags__: { get: (o) => newInt((o as PyType).flags >>> 0) },
    __abstractmethods__: {
      get: (o) => {
        const v = (o as PyType).dict.get('__abstractmethods__');
        if (!v || o === typeType) throw attributeError('__abstractmethods__');
        return newref(v);
      },
      set: (o, v) => {
        const t = o as PyType;
        if (v === null) {
          if (!setTypeAttr(t, '__abstractmethods__', null)) throw attributeError('__abstractmethods__');
          t.flags &= ~TypeFlags.IS_ABSTRACT;
          return;
        }
        setTypeAttr(t, '__abstractmethods__', v);
        const n = (v as unknown as { items?: unknown[]; used?: number });
        const count = n.items?.length ?? n.used ?? 1;
        if (count > 0) t.flags |= TypeFlags.IS_ABSTRACT;
        else t.flags &= ~TypeFlags.IS_ABSTRACT;
        t.modified();
      },
    },
  },
  doc: "type(object) -> the object's type\ntype(name, bases, dict, **kwds) -> a new type",
});

function newListOf(types: readonly PyType[]): PyObject {
  for (const t of types) t.refcnt++;
  return newList(types.slice());
}

