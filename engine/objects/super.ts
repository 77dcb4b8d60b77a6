// super (Objects/typeobject.c super_init, super_getattro, super_descr_get): attribute lookup that
// starts after a given class in the MRO of an instance's (or a class's) type.
import { PyGCObject, PyObject, newref, xdecref } from './object.js';
import { PyType, TypeFlags } from './type.js';
import { defineType } from './define.js';
import { allocObject, freeObject } from './heap.js';
import { gcTrack, gcUntrack } from '../gc/track.js';
import { None } from './singletons.js';
import { newStr } from './str.js';
import { genericGetAttr } from './abstract.js';
import { runtimeError, typeError } from './exceptions.js';

export class PySuper extends PyGCObject {
  /** The class named in super(type, obj): lookup starts after it. */
  thisType: PyType | null = null;
  obj: PyObject | null = null;
  /** The type whose MRO is searched: type(obj), or obj itself when obj is a class. */
  objType: PyType | null = null;
}

/** The frame facts that argument-less super() reads (the __class__ cell and the first argument),
 *  answered by the VM for the running frame. */
export const superFrame = {
  arguments: (): [PyObject, PyObject] => {
    throw runtimeError('super(): no arguments');
  },
};

/** supercheck: the type to search, given super(type, obj). */
function superCheck(type: PyType, obj: PyObject): PyType {
  if (obj instanceof PyType && obj.isSubtype(type)) return obj;
  if (obj.type.isSubtype(type)) return obj.type;
  throw typeError('super(type, obj): obj must be an instance or subtype of type');
}

function superInit(self: PyObject, args: PyObject[], kwnames: readonly string[] | null): void {
  if (kwnames?.length) throw typeError('super() takes no keyword arguments');
  if (args.length > 2) throw typeError(`super() takes at most 2 arguments (${args.length} given)`);
  let type: PyObject;
  let obj: PyObject | null;
  if (args.length === 0) [type, obj] = superFrame.arguments();
  else {
    type = args[0]!;
    obj = args[1] ?? null;
    if (obj === None) obj = null;
  }
  if (!(type instanceof PyType)) throw typeError(`super() argument 1 must be a type, not ${type.type.name}`);
  const s = self as PySuper;
  const objType = obj ? superCheck(type, obj) : null;
  const olds = [s.thisType, s.obj, s.objType];
  s.thisType = newref(type);
  s.obj = obj ? newref(obj) : null;
  s.objType = objType ? newref(objType) : null;
  for (const o of olds) xdecref(o);
}

/** super_getattro: the MRO of objType after thisType, binding what it finds to obj. */
function superGetAttr(self: PyObject, name: string): PyObject {
  const s = self as PySuper;
  const start = s.objType;
  if (start && name !== '__class__') {
    const mro = start.mro;
    let i = mro.indexOf(s.thisType!) + 1;
    for (; i < mro.length; i++) {
      const found = mro[i]!.dict.get(name);
      if (found === undefined) continue;
      const get = found.type.tp_descr_get;
      if (!get) return newref(found);
      return get(found, s.obj === start ? null : s.obj, start);
    }
  }
  return genericGetAttr(self, name);
}

export const superType = defineType({
  name: 'super',
  flags: TypeFlags.BASETYPE | TypeFlags.HAVE_GC,
  layout: { basicsize: 40 },
  slots: {
    tp_new: (type) => {
      const s = new PySuper(type);
      allocObject(s, type.basicsize);
      gcTrack(s);
      return s;
    },
    tp_init: superInit,
    tp_getattro: superGetAttr,
    tp_dealloc: (o) => {
      const s = o as PySuper;
      gcUntrack(s);
      xdecref(s.thisType);
      xdecref(s.obj);
      xdecref(s.objType);
      freeObject(s);
    },
    tp_traverse: (o, visit) => {
      const s = o as PySuper;
      if (s.thisType) visit(s.thisType);
      if (s.obj) visit(s.obj);
      if (s.objType) visit(s.objType);
    },
    tp_repr: (o) => {
      const s = o as PySuper;
      const t = s.thisType ? s.thisType.qualname : 'NULL';
      if (!s.objType) return newStr(`<super: <class '${t}'>, NULL>`);
      return newStr(`<super: <class '${t}'>, <${s.objType.qualname} object>>`);
    },
    tp_descr_get: (descr, obj) => {
      const s = descr as PySuper;
      if (obj === null || obj === None || s.obj) return newref(descr);
      const bound = new PySuper(s.type);
      allocObject(bound, s.type.basicsize);
      superInit(bound, [s.thisType!, obj], null);
      gcTrack(bound);
      return bound;
    },
  },
  getsets: {
    __thisclass__: { get: (o) => newref((o as PySuper).thisType ?? None) },
    __self__: { get: (o) => newref((o as PySuper).obj ?? None) },
    __self_class__: { get: (o) => newref((o as PySuper).objType ?? None) },
  },
});
