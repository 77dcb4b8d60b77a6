// time.struct_time (Modules/timemodule.c struct_time_type_desc): a struct sequence of nine
// visible fields plus tm_zone and tm_gmtoff, which only attribute access reaches.
import { PyObject, newref } from '../objects/object.js';
import { newInt } from '../objects/int.js';
import { newStr } from '../objects/str.js';
import { None } from '../objects/singletons.js';
import { PyStructSeq, newStructSeq, newStructSeqType, structSeqField } from '../objects/structseq.js';
import type { BrokenDownTime } from './timecalendar.js';

const FIELDS = ['tm_year', 'tm_mon', 'tm_mday', 'tm_hour', 'tm_min', 'tm_sec', 'tm_wday', 'tm_yday', 'tm_isdst', 'tm_zone', 'tm_gmtoff'];

export const structTimeType = newStructSeqType({
  name: 'time.struct_time',
  fields: FIELDS,
  visible: 9,
  constructible: true,
  doc: 'The time value as returned by gmtime(), localtime(), and strptime(), and\n accepted by asctime(), mktime() and strftime().',
});

/** tm_zone of a struct_time, borrowed; null for anything else. */
export function structTimeZone(o: PyObject): PyObject | null {
  return o instanceof PyStructSeq && o.type.isSubtype(structTimeType) ? structSeqField(o, FIELDS.indexOf('tm_zone')) : null;
}

/** A struct_time for a broken-down time; `zone` and `gmtoff` are null for None. */
export function newStructTime(tm: BrokenDownTime, zone: string | null, gmtoff: number | null): PyStructSeq {
  const fields = [tm.year, tm.mon, tm.mday, tm.hour, tm.min, tm.sec, tm.wday, tm.yday, tm.isdst];
  return newStructSeq(structTimeType, [...fields.map((v) => newInt(v)), zone === null ? newref(None) : newStr(zone),
    gmtoff === null ? newref(None) : newInt(gmtoff)]);
}
