// property (Objects/descrobject.c property_descr_get/set, property_init, property_copy): a data
// descriptor calling its getter, setter and deleter, with 3.11's error messages naming it.
import { PyGCObject, PyObject, decref, newref, xdecref } from './object.js';
import { TypeFlags } from './type.js';
import { defineType } from './define.js';
import { allocObject, freeObject } from './heap.js';
import { gcTrack, gcUntrack } from '../gc/track.js';
import { None } from './singletons.js';
import { PyStr } from './str.js';
import { call, getAttrOrNull, isTrue, newNone } from './abstract.js';
import { attributeError, typeError } from './exceptions.js';
import { unpackArgs, type ParamSpec } from './args.js';
import { newBool } from './int.js';

const PROPERTY_PARAMS: ParamSpec = { fname: 'property', names: ['fget', 'fset', 'fdel', 'doc'] };

export class PyProperty extends PyGCObject {
  fget: PyObject | null = null;
  fset: PyObject | null = null;
  fdel: PyObject | null = null;
  doc: PyObject | null = null;
  /** Set by __set_name__: the attribute name the messages use. */
  name: PyObject | null = null;
  getterDoc = false;
}

function nameOf(p: PyProperty): string {
  return p.name instanceof PyStr ? `property '${p.name.value}'` : 'property';
}

function missing(p: PyProperty, obj: PyObject, what: string): unknown {
  return attributeError(`${nameOf(p)} of '${obj.type.qualname}' object has no ${what}`);
}

function fieldOrNull(o: PyObject): PyObject | null {
  return o === None ? null : newref(o);
}

/** property_init: fget, fset, fdel, doc; the getter's docstring when no doc is given. */
function propertyInit(self: PyObject, args: PyObject[], kwnames: readonly string[] | null): void {
  const p = self as PyProperty;
  const [fget, fset, fdel, doc] = unpackArgs(PROPERTY_PARAMS, args, kwnames);
  const olds = [p.fget, p.fset, p.fdel, p.doc];
  p.fget = fget ? fieldOrNull(fget) : null;
  p.fset = fset ? fieldOrNull(fset) : null;
  p.fdel = fdel ? fieldOrNull(fdel) : null;
  p.doc = doc ? fieldOrNull(doc) : null;
  p.getterDoc = false;
  if (!p.doc && p.fget) {
    const d = getAttrOrNull(p.fget, '__doc__');
    if (d && d !== None) {
      p.doc = d;
      p.getterDoc = true;
    } else xdecref(d);
  }
  for (const o of olds) xdecref(o);
}

/** property_copy: a new property with one accessor replaced (getter/setter/deleter). */
function copyWith(p: PyProperty, which: 'fget' | 'fset' | 'fdel', fn: PyObject): PyObject {
  const type = p.type;
  const pick = (k: 'fget' | 'fset' | 'fdel'): PyObject => (k === which ? fn : p[k] ?? None);
  const doc = p.getterDoc && which === 'fget' ? None : p.doc ?? None;
  const copy = call(type, [pick('fget'), pick('fset'), pick('fdel'), doc]);
  if (copy instanceof PyProperty && p.name) copy.name = newref(p.name);
  return copy;
}

export const propertyType = defineType({
  name: 'property',
  flags: TypeFlags.BASETYPE | TypeFlags.HAVE_GC,
  layout: { basicsize: 64 },
  slots: {
    tp_new: (type) => {
      const p = new PyProperty(type);
      allocObject(p, type.basicsize);
      gcTrack(p);
      return p;
    },
    tp_init: propertyInit,
    tp_dealloc: (o) => {
      const p = o as PyProperty;
      gcUntrack(p);
      for (const f of [p.fget, p.fset, p.fdel, p.doc, p.name]) xdecref(f);
      freeObject(p);
    },
    tp_traverse: (o, visit) => {
      const p = o as PyProperty;
      for (const f of [p.fget, p.fset, p.fdel, p.doc, p.name]) if (f) visit(f);
    },
    tp_descr_get: (descr, obj) => {
      const p = descr as PyProperty;
      if (obj === null || obj === None) return newref(descr);
      if (!p.fget) throw missing(p, obj, 'getter');
      return call(p.fget, [obj]);
    },
    tp_descr_set: (descr, obj, value) => {
      const p = descr as PyProperty;
      const fn = value === null ? p.fdel : p.fset;
      if (!fn) throw missing(p, obj, value === null ? 'deleter' : 'setter');
      decref(value === null ? call(fn, [obj]) : call(fn, [obj, value]));
    },
  },
  methods: {
    getter: { kind: 'o', fn: (self, fn) => copyWith(self as PyProperty, 'fget', fn) },
    setter: { kind: 'o', fn: (self, fn) => copyWith(self as PyProperty, 'fset', fn) },
    deleter: { kind: 'o', fn: (self, fn) => copyWith(self as PyProperty, 'fdel', fn) },
    __set_name__: {
      kind: 'fast',
      fn: (self, args) => {
        if (args.length !== 2) throw typeError(`__set_name__() takes 2 positional arguments but ${args.length} were given`);
        const p = self as PyProperty;
        const old = p.name;
        p.name = newref(args[1]!);
        xdecref(old);
        return newNone();
      },
    },
  },
  getsets: {
    fget: { get: (o) => newref((o as PyProperty).fget ?? None) },
    fset: { get: (o) => newref((o as PyProperty).fset ?? None) },
    fdel: { get: (o) => newref((o as PyProperty).fdel ?? None) },
    __doc__: {
      get: (o) => newref((o as PyProperty).doc ?? None),
      set: (o, v) => {
        const p = o as PyProperty;
        const old = p.doc;
        p.doc = v ? newref(v) : null;
        xdecref(old);
      },
    },
    __isabstractmethod__: {
      get: (o) => {
        const p = o as PyProperty;
        for (const f of [p.fget, p.fset, p.fdel]) {
          const flag = f ? getAttrOrNull(f, '__isabstractmethod__') : null;
          if (flag === null) continue;
          const abstract = isTrue(flag);
          decref(flag);
          if (abstract) return newBool(true);
        }
        return newBool(false);
      },
    },
  },
});
