// time.struct_time (Modules/timemodule.c struct_time_type_desc, a PyStructSequence): a tuple of
// nine visible fields plus tm_zone and tm_gmtoff, which only attribute access reaches.
import { PyObject, decref, newref } from '../objects/object.js';
import { PyTuple, tupleType } from '../objects/tuple.js';
import { PyType, TypeFlags } from '../objects/type.js';
import { defineType } from '../objects/define.js';
import { allocObject, freeObject } from '../objects/heap.js';
import { gcTrack, gcUntrack } from '../gc/track.js';
import { newInt } from '../objects/int.js';
import { newStr } from '../objects/str.js';
import { None } from '../objects/singletons.js';
import { collect, reprString } from '../objects/abstract.js';
import { typeError } from '../objects/exceptions.js';
import type { BrokenDownTime } from './timecalendar.js';

const VISIBLE = ['tm_year', 'tm_mon', 'tm_mday', 'tm_hour', 'tm_min', 'tm_sec', 'tm_wday', 'tm_yday', 'tm_isdst'] as const;
const N_FIELDS = VISIBLE.length + 2;

export class PyStructTime extends PyTuple {
  constructor(type: PyType, items: PyObject[], public zone: PyObject, public gmtoff: PyObject) {
    super(type, items);
  }
}

const getsets: Record<string, { get: (o: PyObject) => PyObject }> = {};
VISIBLE.forEach((f, i) => {
  getsets[f] = { get: (o) => newref((o as PyTuple).items[i]!) };
});
getsets.tm_zone = { get: (o) => newref((o as PyStructTime).zone) };
getsets.tm_gmtoff = { get: (o) => newref((o as PyStructTime).gmtoff) };

/** structseq_new: struct_time(sequence) with 9 to 11 items, the hidden ones None when missing. */
function structTimeNew(type: PyType, args: PyObject[], kwnames: readonly string[] | null): PyObject {
  if (kwnames && kwnames.length) throw typeError(`structseq() got an unexpected keyword argument '${kwnames[0]}'`);
  if (args.length === 0) throw typeError("structseq() missing required argument 'sequence' (pos 1)");
  if (args.length > 2) throw typeError(`structseq() takes at most 2 arguments (${args.length} given)`);
  const items = collect(args[0]!);
  if (items.length < VISIBLE.length || items.length > N_FIELDS) {
    const n = items.length;
    for (const x of items) decref(x);
    const bound = n < VISIBLE.length ? `at least ${VISIBLE.length}` : `at most ${N_FIELDS}`;
    throw typeError(`time.struct_time() takes an ${bound}-sequence (${n}-sequence given)`);
  }
  const zone = items[9] ?? newref(None);
  const gmtoff = items[10] ?? newref(None);
  return allocStructTime(type, items.slice(0, VISIBLE.length), zone, gmtoff);
}

function allocStructTime(type: PyType, items: PyObject[], zone: PyObject, gmtoff: PyObject): PyStructTime {
  const t = new PyStructTime(type, items, zone, gmtoff);
  // A struct sequence allocates a slot for every field, hidden ones included.
  allocObject(t, 24 + 8 * N_FIELDS);
  gcTrack(t);
  return t;
}

export const structTimeType = defineType({
  name: 'time.struct_time',
  base: tupleType,
  flags: TypeFlags.HAVE_GC | TypeFlags.TUPLE_SUBCLASS,
  layout: { basicsize: 24, itemsize: 8 },
  slots: {
    tp_new: structTimeNew,
    tp_dealloc: (o) => {
      const t = o as PyStructTime;
      gcUntrack(t);
      const items = t.items;
      t.items = [];
      for (const x of items) decref(x);
      decref(t.zone);
      decref(t.gmtoff);
      freeObject(t);
    },
    tp_traverse: (o, visit) => {
      const t = o as PyStructTime;
      for (const x of t.items) visit(x);
      visit(t.zone);
      visit(t.gmtoff);
    },
    tp_repr: (o) => {
      const items = (o as PyTuple).items;
      return newStr(`time.struct_time(${VISIBLE.map((f, i) => `${f}=${reprString(items[i]!)}`).join(', ')})`);
    },
  },
  getsets,
  attributes: () => ({ n_fields: newInt(N_FIELDS), n_sequence_fields: newInt(VISIBLE.length), n_unnamed_fields: newInt(0) }),
  doc: 'The time value as returned by gmtime(), localtime(), and strptime(), and\n accepted by asctime(), mktime() and strftime().',
});

/** A struct_time for a broken-down time; `zone` and `gmtoff` are null for None. */
export function newStructTime(tm: BrokenDownTime, zone: string | null, gmtoff: number | null): PyStructTime {
  const fields = [tm.year, tm.mon, tm.mday, tm.hour, tm.min, tm.sec, tm.wday, tm.yday, tm.isdst];
  return allocStructTime(structTimeType, fields.map((v) => newInt(v)), zone === null ? newref(None) : newStr(zone),
    gmtoff === null ? newref(None) : newInt(gmtoff));
}
