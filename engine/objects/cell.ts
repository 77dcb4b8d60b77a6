// Cell objects (Objects/cellobject.c): the boxes that closures share a variable through.
import { PyGCObject, PyObject, newref, xdecref } from './object.js';
import { TypeFlags } from './type.js';
import { defineType } from './define.js';
import { allocObject, freeObject } from './heap.js';
import { gcTrack, gcUntrack } from '../gc/track.js';
import { newStr } from './str.js';
import { valueError } from './exceptions.js';
import { richCompare } from './abstract.js';
import { NotImplemented } from './singletons.js';
import { newInt } from './int.js';

export class PyCell extends PyGCObject {
  ref: PyObject | null = null;
}

/** sizeof(PyCellObject) */
const CELL_SIZE = 24;

export const cellType = defineType({
  name: 'cell',
  flags: TypeFlags.HAVE_GC,
  layout: { basicsize: CELL_SIZE },
  slots: {
    tp_dealloc: (o) => {
      const c = o as PyCell;
      gcUntrack(c);
      const r = c.ref;
      c.ref = null;
      xdecref(r);
      freeObject(c);
    },
    tp_traverse: (o, visit) => {
      const r = (o as PyCell).ref;
      if (r) visit(r);
    },
    tp_clear: (o) => {
      const c = o as PyCell;
      const r = c.ref;
      c.ref = null;
      xdecref(r);
    },
    tp_repr: (o) => {
      const c = o as PyCell;
      if (!c.ref) return newStr(`<cell at 0x${c.addr.toString(16)}: empty>`);
      return newStr(`<cell at 0x${c.addr.toString(16)}: ${c.ref.type.name} object at 0x${c.ref.addr.toString(16)}>`);
    },
    tp_richcompare: (a, b, op) => {
      if (!(b instanceof PyCell)) {
        NotImplemented.refcnt++;
        return NotImplemented;
      }
      const x = (a as PyCell).ref;
      const y = b.ref;
      if (x && y) return richCompare(x, y, op);
      // an empty cell sorts before a full one
      return richCompare(newInt(x ? 1 : 0), newInt(y ? 1 : 0), op);
    },
  },
  getsets: {
    cell_contents: {
      get: (o) => {
        const r = (o as PyCell).ref;
        if (!r) throw valueError('Cell is empty');
        return newref(r);
      },
      set: (o, v) => {
        const c = o as PyCell;
        const old = c.ref;
        c.ref = v ? newref(v) : null;
        xdecref(old);
      },
    },
  },
});

/** PyCell_New: a cell holding `value` (borrowed) or empty. */
export function newCell(value: PyObject | null): PyCell {
  const c = new PyCell(cellType);
  if (value) c.ref = newref(value);
  allocObject(c, CELL_SIZE);
  gcTrack(c);
  return c;
}
