// types.GenericAlias (Objects/genericaliasobject.c): what `list[int]` evaluates to through the
// containers' __class_getitem__, so annotations such as `def f(x: dict[str, int])` work.
import { PyGCObject, PyObject, decref, newref } from './object.js';
import { CompareOp, PyType, TypeFlags } from './type.js';
import { defineType } from './define.js';
import { allocObject, freeObject } from './heap.js';
import { gcTrack, gcUntrack } from '../gc/track.js';
import { newStr } from './str.js';
import { Ellipsis } from './singletons.js';
import { call, equals, hash, newNotImplemented, reprString } from './abstract.js';
import { newBool } from './int.js';
import { PyTuple, emptyTuple, newTuple } from './tuple.js';
import { checkPositional, noKeywords } from './argcheck.js';

export class PyGenericAlias extends PyGCObject {
  constructor(readonly origin: PyObject, readonly args: PyTuple) {
    super(genericAliasType);
  }
}

/** sizeof(gaobject) */
const GA_SIZE = 64;

/** ga_repr_item: types by qualified name (bare for builtins), `...` for Ellipsis. */
function reprItem(o: PyObject): string {
  if (o === Ellipsis) return '...';
  if (o instanceof PyType) {
    const mod = o.moduleName;
    return mod === 'builtins' ? o.qualname : `${mod}.${o.qualname}`;
  }
  return reprString(o);
}

function gaRepr(o: PyObject): PyObject {
  const ga = o as PyGenericAlias;
  const args = ga.args.items;
  const inner = args.length === 0 ? '()' : args.map(reprItem).join(', ');
  return newStr(`${reprItem(ga.origin)}[${inner}]`);
}

export const genericAliasType = defineType({
  name: 'types.GenericAlias',
  flags: TypeFlags.HAVE_GC,
  layout: { basicsize: GA_SIZE },
  slots: {
    tp_dealloc: (o) => {
      const ga = o as PyGenericAlias;
      gcUntrack(ga);
      decref(ga.origin);
      decref(ga.args);
      freeObject(ga);
    },
    tp_traverse: (o, visit) => {
      visit((o as PyGenericAlias).origin);
      visit((o as PyGenericAlias).args);
    },
    tp_repr: gaRepr,
    // ga_new: GenericAlias(origin, args), what a __class_getitem__ = classmethod(GenericAlias) calls.
    tp_new: (_type, args, kwnames) => {
      noKeywords('GenericAlias', kwnames);
      checkPositional('GenericAlias', args.length, 2, 2);
      return newGenericAlias(args[0]!, args[1]!);
    },
    tp_call: (o, args, kwnames) => call((o as PyGenericAlias).origin, args, kwnames),
    tp_hash: (o) => hash((o as PyGenericAlias).origin) ^ hash((o as PyGenericAlias).args),
    tp_richcompare: (a, b, op) => {
      if (!(b instanceof PyGenericAlias) || (op !== CompareOp.EQ && op !== CompareOp.NE)) return newNotImplemented();
      const ga = a as PyGenericAlias;
      const eq = equals(ga.origin, b.origin) && equals(ga.args, b.args);
      return newBool(op === CompareOp.EQ ? eq : !eq);
    },
  },
  getsets: {
    __origin__: { get: (o) => newref((o as PyGenericAlias).origin) },
    __args__: { get: (o) => newref((o as PyGenericAlias).args) },
    __parameters__: { get: () => newref(emptyTuple) },
  },
});

/** Py_GenericAlias: `origin[args]`, a single argument becoming a 1-tuple. */
export function newGenericAlias(origin: PyObject, args: PyObject): PyObject {
  const tuple = args instanceof PyTuple ? newref(args) : newTuple([newref(args)]);
  const ga = new PyGenericAlias(newref(origin), tuple);
  allocObject(ga, GA_SIZE);
  gcTrack(ga);
  return ga;
}
