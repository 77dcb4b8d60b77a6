// os.stat_result (Modules/posixmodule.c stat_result_fields, Objects/structseq.c): a struct
// sequence of 10 visible items (with integer times) and 9 more fields readable only by name
// (float times, nanosecond times, st_blksize, st_blocks, st_rdev).
import { PyObject, decref, newref } from '../../objects/object.js';
import { PyTuple, tupleType } from '../../objects/tuple.js';
import { TypeFlags, type PyType } from '../../objects/type.js';
import { defineType } from '../../objects/define.js';
import { allocObject, freeObject } from '../../objects/heap.js';
import { gcTrack, gcUntrack } from '../../gc/track.js';
import { newStr } from '../../objects/str.js';
import { newInt } from '../../objects/int.js';
import { newFloat } from '../../objects/float.js';
import { reprString } from '../../objects/abstract.js';
import type { StatInfo } from '../../os/fdtable.js';

const VISIBLE = ['st_mode', 'st_ino', 'st_dev', 'st_nlink', 'st_uid', 'st_gid', 'st_size', 'st_atime', 'st_mtime', 'st_ctime'];
const HIDDEN = ['st_atime', 'st_mtime', 'st_ctime', 'st_atime_ns', 'st_mtime_ns', 'st_ctime_ns', 'st_blksize', 'st_blocks', 'st_rdev'];

class PyStatResult extends PyTuple {
  constructor(type: PyType, items: PyObject[], readonly hidden: PyObject[]) {
    super(type, items);
  }
}

const getsets: Record<string, { get: (o: PyObject) => PyObject }> = {};
VISIBLE.slice(0, 7).forEach((f, i) => {
  getsets[f] = { get: (o) => newref((o as PyStatResult).items[i]!) };
});
HIDDEN.forEach((f, i) => {
  getsets[f] = { get: (o) => newref((o as PyStatResult).hidden[i]!) };
});

export const statResultType = defineType({
  name: 'os.stat_result',
  base: tupleType,
  flags: TypeFlags.HAVE_GC | TypeFlags.TUPLE_SUBCLASS,
  layout: { basicsize: 24, itemsize: 8 },
  slots: {
    tp_dealloc: (o) => {
      const t = o as PyStatResult;
      gcUntrack(t);
      const held = [...t.items, ...t.hidden];
      t.items = [];
      t.hidden.length = 0;
      for (const x of held) decref(x);
      freeObject(t);
    },
    tp_traverse: (o, visit) => {
      const t = o as PyStatResult;
      for (const x of [...t.items, ...t.hidden]) visit(x);
    },
    tp_repr: (o) => {
      const items = (o as PyStatResult).items;
      return newStr(`os.stat_result(${VISIBLE.map((f, i) => `${f}=${reprString(items[i]!)}`).join(', ')})`);
    },
  },
  getsets,
});

const NS = 1_000_000_000n;

/** The stat_result of a node's fields (fill_time: whole seconds, float seconds, nanoseconds). */
export function newStatResult(st: StatInfo): PyObject {
  const times = [st.atimeNs, st.mtimeNs, st.ctimeNs];
  const floorSec = (ns: bigint): bigint => (ns >= 0n ? ns / NS : -((-ns + NS - 1n) / NS));
  const items = [
    newInt(st.mode), newInt(st.ino), newInt(st.dev), newInt(st.nlink), newInt(st.uid), newInt(st.gid), newInt(st.size),
    ...times.map((t) => newInt(floorSec(t))),
  ];
  const hidden = [
    ...times.map((t) => newFloat(Number(floorSec(t)) + Number(t - floorSec(t) * NS) * 1e-9)),
    ...times.map((t) => newInt(t)),
    newInt(4096), newInt(Math.ceil(st.size / 4096) * 8), newInt(st.rdev),
  ];
  const r = new PyStatResult(statResultType, items, hidden);
  // A struct sequence's block holds every field, the hidden ones after the visible items.
  allocObject(r, 24 + 8 * (items.length + hidden.length));
  gcTrack(r);
  return r;
}


// structseq's class attributes: how many fields in all, visible, and visible without a name.
for (const [k, v] of [['n_fields', 19], ['n_sequence_fields', 10], ['n_unnamed_fields', 3]] as const) {
  statResultType.dict.set(k, newInt(v));
}
