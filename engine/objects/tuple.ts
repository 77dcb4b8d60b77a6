// tuple (Objects/tupleobject.c): immutable arrays of references, GC-tracked from birth, with the
// empty tuple as a singleton.
import { PyGCObject, PyObject, decref } from './object.js';
import { TypeFlags } from './type.js';
import { defineType } from './define.js';
import { allocObject, allocStatic, freeObject } from './heap.js';
import { gcTrack, gcUntrack } from '../gc/track.js';

export class PyTuple extends PyGCObject {
  constructor(type: PyObject['type'], public items: PyObject[]) {
    super(type);
  }
}

/** offsetof(PyTupleObject, ob_item) */
export const TUPLE_HEADER = 24;

export const tupleType = defineType({
  name: 'tuple',
  flags: TypeFlags.BASETYPE | TypeFlags.HAVE_GC | TypeFlags.TUPLE_SUBCLASS | TypeFlags.SEQUENCE | TypeFlags.MATCH_SELF,
  layout: { basicsize: TUPLE_HEADER, itemsize: 8 },
  slots: {
    tp_dealloc: deallocTuple,
    tp_traverse: (o, visit) => {
      for (const item of (o as PyTuple).items) visit(item);
    },
  },
});

function deallocTuple(o: PyObject): void {
  const t = o as PyTuple;
  gcUntrack(t);
  const items = t.items;
  t.items = [];
  for (let i = 0; i < items.length; i++) decref(items[i]!);
  freeObject(t);
}

/** The () singleton, static in 3.11's runtime state. */
export const emptyTuple = new PyTuple(tupleType, []);
allocStatic(emptyTuple, TUPLE_HEADER);
emptyTuple.refcnt = 1 << 20;

/** PyTuple_New filled with `items`, whose references the tuple takes over. */
export function newTuple(items: PyObject[]): PyTuple {
  if (items.length === 0) {
    emptyTuple.refcnt++;
    return emptyTuple;
  }
  const t = new PyTuple(tupleType, items);
  allocObject(t, TUPLE_HEADER + 8 * items.length);
  gcTrack(t);
  return t;
}
