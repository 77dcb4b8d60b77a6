// The time module (Modules/timemodule.c) on the simulated machine's virtual clock (os/clock.ts):
// every clock reads simulated time, sleep advances it, and the machine's zone is UTC.
import { PyObject, decref, newref } from '../objects/object.js';
import { PyFloat, newFloat } from '../objects/float.js';
import { newBool, newInt } from '../objects/int.js';
import { PyStr, newStr } from '../objects/str.js';
import { PyTuple, newTuple, tupleType } from '../objects/tuple.js';
import { None } from '../objects/singletons.js';
import { index, call, getAttr, reprString } from '../objects/abstract.js';
import { KeyboardInterrupt, OSError, OverflowError, newException, pyErr, typeError, valueError } from '../objects/exceptions.js';
import type { NativeCode, NativeFunctionDef } from '../objects/native.js';
import { checkTupleRange } from '../objects/unicode/args.js';
import { vm } from '../vm/eval.js';
import { importModuleLevel } from '../vm/imports.js';
import { monotonicNs, processCpuNs, realtimeNs, sleepFor } from '../os/clock.js';
import { asctime, gmtime, strftime, timegm, type BrokenDownTime } from './timecalendar.js';
import { StrptimeError, strptime, type ParsedTime } from './timeparse.js';
import { newStructTime, structTimeType, structTimeZone } from './timestruct.js';
import type { NativeModuleDef } from './moduledef.js';

/** The simulated machine's time zone: UTC, no daylight saving time. */
const ZONE = 'UTC';
/** glibc names UTC "GMT" in what gmtime() fills in. */
const GMTIME_ZONE = 'GMT';

const NS = 1_000_000_000;
/** time_t's range on x86-64 Linux. */
const TIME_T_MAX = 2 ** 63;
/** _PyTime_t's range, in nanoseconds. */
const PYTIME_MAX_NS = 2 ** 63;

/** _PyTime_AsSecondsDouble: nanoseconds as float seconds. */
function seconds(ns: number | bigint): PyObject {
  return newFloat(Number(ns) / NS);
}

/** _PyTime_ObjectToTime_t with _PyTime_ROUND_FLOOR: whole seconds from an int or a float. */
function timeTArg(o: PyObject): number {
  if (o instanceof PyFloat) {
    if (Number.isNaN(o.value)) throw valueError('Invalid value NaN (not a number)');
    const s = Math.floor(o.value);
    if (!(Math.abs(s) < TIME_T_MAX)) throw pyErr(OverflowError, 'timestamp out of range for platform time_t');
    return s;
  }
  const i = index(o);
  const v = i.value;
  decref(i);
  if (typeof v === 'bigint' && (v >= BigInt(TIME_T_MAX) || v < -BigInt(TIME_T_MAX))) {
    throw pyErr(OverflowError, 'timestamp out of range for platform time_t');
  }
  return Number(v);
}

/** gmtime()'s and localtime()'s secs: now when absent or None. */
function secondsOrNow(args: PyObject[], name: string): number {
  if (args.length > 1) throw typeError(`${name} expected at most 1 argument, got ${args.length}`);
  const a = args[0];
  if (a === undefined || a === None) return Math.floor(Number(realtimeNs() / BigInt(NS)));
  return timeTArg(a);
}

/** glibc's gmtime range: years that fit a C int. */
function brokenDown(secs: number): BrokenDownTime {
  const tm = gmtime(secs);
  if (Math.abs(tm.year) > 2 ** 31 - 1 - 1900) throw pyErr(OverflowError, 'timestamp out of range for platform time_t');
  return tm;
}

/** _PyTime_FromSecondsObject with _PyTime_ROUND_TIMEOUT: a duration in nanoseconds. */
function durationNs(o: PyObject): number {
  let ns: number;
  if (o instanceof PyFloat) {
    if (Number.isNaN(o.value)) throw valueError('Invalid value NaN (not a number)');
    ns = o.value * NS;
    ns = ns < 0 ? Math.floor(ns) : Math.ceil(ns);
    if (!(Math.abs(ns) < PYTIME_MAX_NS)) throw pyErr(OverflowError, 'timestamp out of range for platform time_t');
  } else {
    const i = index(o);
    ns = Number(i.value) * NS;
    decref(i);
  }
  if (!(Math.abs(ns) < PYTIME_MAX_NS)) throw pyErr(OverflowError, 'timestamp too large to convert to C _PyTime_t');
  return ns;
}

/** time.sleep: the machine's clock moves on at once. A pending interrupt still stops it. */
function sleep(_m: PyObject, secs: PyObject): PyObject {
  const ns = durationNs(secs);
  if (ns < 0) throw valueError('sleep length must be non-negative');
  const flag = vm.interruptFlag;
  if (flag && Atomics.load(flag, 0) !== 0) {
    Atomics.store(flag, 0, 0);
    throw newException(KeyboardInterrupt, []);
  }
  sleepFor(ns);
  return newref(None);
}

/** gettmarg: a 9-tuple (or struct_time) as broken-down time in C's conventions, checked by
 *  checktm when `check` (month 0-11, weekday 0 = Sunday, day of year from 0). */
function tupleArg(o: PyObject, fname: string): number[] {
  if (!(o instanceof PyTuple) || !o.type.isSubtype(tupleType)) throw typeError('Tuple or struct_time argument required');
  if (o.items.length !== 9) throw typeError(`${fname}(): illegal time tuple argument`);
  const v = o.items.map((x) => {
    const i = index(x);
    const n = Number(i.value);
    decref(i);
    return n;
  });
  // year, month - 1, mday, hour, min, sec, (wday + 1) % 7, yday - 1, isdst
  return [v[0]!, v[1]! - 1, v[2]!, v[3]!, v[4]!, v[5]!, (v[6]! + 1) % 7, v[7]! - 1, v[8]!];
}

/** checktm: ranges strftime and asctime index arrays by, zeros taken for the lowest value. */
function checkedTm(c: number[]): BrokenDownTime {
  let [year, mon, mday, hour, min, sec, wday, yday, isdst] = c as [number, number, number, number, number, number, number, number, number];
  if (mon === -1) mon = 0;
  else if (mon < 0 || mon > 11) throw valueError('month out of range');
  if (mday === 0) mday = 1;
  else if (mday < 0 || mday > 31) throw valueError('day of month out of range');
  if (hour < 0 || hour > 23) throw valueError('hour out of range');
  if (min < 0 || min > 59) throw valueError('minute out of range');
  if (sec < 0 || sec > 61) throw valueError('seconds out of range');
  if (wday < 0) throw valueError('day of week out of range');
  if (yday === -1) yday = 0;
  else if (yday < 0 || yday > 365) throw valueError('day of year out of range');
  return { year, mon: mon + 1, mday, hour, min, sec, wday: (wday + 6) % 7, yday: yday + 1, isdst };
}

/** The zone a time tuple names: a struct_time's tm_zone, the local zone for a plain tuple. */
function zoneOf(o: PyObject): string {
  const zone = structTimeZone(o);
  return zone instanceof PyStr ? zone.value : ZONE;
}

function nowTm(): BrokenDownTime {
  return brokenDown(Math.floor(Number(realtimeNs() / BigInt(NS))));
}

function strArg(o: PyObject, fname: string, pos: number): string {
  if (!(o instanceof PyStr)) throw typeError(`${fname}() argument ${pos} must be str, not ${o.type.name}`);
  return o.value;
}

function timeStrftime(_m: PyObject, args: PyObject[]): PyObject {
  if (args.length < 1 || args.length > 2) throw typeError(`strftime expected at least 1 argument, got ${args.length}`);
  const format = strArg(args[0]!, 'strftime', 1);
  if (format.includes('\0')) throw valueError('embedded null character');
  const tup = args[1];
  const tm = tup === undefined ? nowTm() : checkedTm(tupleArg(tup, 'strftime'));
  tm.isdst = Math.max(-1, Math.min(1, tm.isdst));
  return newStr(strftime(format, tm, tup === undefined ? ZONE : zoneOf(tup)));
}

function timeAsctime(_m: PyObject, args: PyObject[]): PyObject {
  if (args.length > 1) throw typeError(`asctime expected at most 1 argument, got ${args.length}`);
  const tm = args.length ? checkedTm(tupleArg(args[0]!, 'asctime')) : nowTm();
  return newStr(asctime(tm));
}

function timeCtime(_m: PyObject, args: PyObject[]): PyObject {
  return newStr(asctime(brokenDown(secondsOrNow(args, 'ctime'))));
}

/** mktime in UTC: fields may overflow and are carried, as C's mktime does. */
function timeMktime(_m: PyObject, t: PyObject): PyObject {
  const c = tupleArg(t, 'mktime');
  const secs = timegm({ year: c[0]!, mon: c[1]! + 1, mday: c[2]!, hour: c[3]!, min: c[4]!, sec: c[5]!, wday: 0, yday: 0, isdst: 0 });
  if (!Number.isFinite(secs) || Math.abs(secs) >= TIME_T_MAX) throw pyErr(OverflowError, 'mktime argument out of range');
  return newFloat(secs);
}

/** Runs the parser, turning its errors into ValueError. */
function parseTime(args: PyObject[], fname: string): ParsedTime {
  if (args.length < 1 || args.length > 2) throw typeError(`${fname} expected at least 1 argument, got ${args.length}`);
  const text = strArg(args[0]!, fname, 1);
  const format = args.length > 1 ? strArg(args[1]!, fname, 2) : '%a %b %d %H:%M:%S %Y';
  try {
    return strptime(text, format, (s) => {
      const o = newStr(s);
      const r = reprString(o);
      decref(o);
      return r;
    });
  } catch (e) {
    if (e instanceof StrptimeError) throw valueError(e.message);
    throw e;
  }
}

function timeStrptime(_m: PyObject, args: PyObject[]): PyObject {
  const parsed = parseTime(args, 'strptime');
  return newStructTime(parsed.tm, parsed.zone, parsed.gmtoff);
}

/** _strptime._strptime (Lib/_strptime.py): the struct_time's eleven fields as a tuple, the
 *  microseconds of %f, and the microseconds of the %z offset, for datetime.strptime. */
function strptimeFields(_m: PyObject, args: PyObject[]): PyObject {
  const { tm, zone, gmtoff, fraction } = parseTime(args, '_strptime');
  const fields = [tm.year, tm.mon, tm.mday, tm.hour, tm.min, tm.sec, tm.wday, tm.yday, tm.isdst].map((v) => newInt(v) as PyObject);
  fields.push(zone === null ? newref(None) : newStr(zone), gmtoff === null ? newref(None) : newInt(gmtoff));
  return newTuple([newTuple(fields), newInt(fraction), gmtoff === null ? newref(None) : newInt(0)]);
}

/** A function that takes its one argument through PyArg_ParseTuple ("O:name"): its argument
 *  errors name it bare, "clock_getres() takes exactly 1 argument (0 given)". */
function oneParsedArg(fname: string, fn: (m: PyObject, arg: PyObject) => PyObject): NativeCode {
  return {
    kind: 'fastkw',
    fn: (m, args, kwnames) => {
      if (kwnames) throw typeError(`${fname}() takes no keyword arguments`);
      checkTupleRange(fname, args, 1, 1);
      return fn(m, args[0]!);
    },
  };
}

/** The clocks get_clock_info describes: CPython's names for them, read from the virtual clock. */
const CLOCK_INFO: Record<string, { implementation: string; monotonic: boolean; adjustable: boolean }> = {
  time: { implementation: 'clock_gettime(CLOCK_REALTIME)', monotonic: false, adjustable: true },
  monotonic: { implementation: 'clock_gettime(CLOCK_MONOTONIC)', monotonic: true, adjustable: false },
  perf_counter: { implementation: 'clock_gettime(CLOCK_MONOTONIC)', monotonic: true, adjustable: false },
  process_time: { implementation: 'clock_gettime(CLOCK_PROCESS_CPUTIME_ID)', monotonic: true, adjustable: false },
  thread_time: { implementation: 'clock_gettime(CLOCK_THREAD_CPUTIME_ID)', monotonic: true, adjustable: false },
};

function getClockInfo(_m: PyObject, name: PyObject): PyObject {
  const info = CLOCK_INFO[strArg(name, 'get_clock_info', 1)];
  if (!info) throw valueError('unknown clock');
  const types = importModuleLevel('types', null, None, 0);
  const namespace = getAttr(types, 'SimpleNamespace');
  decref(types);
  const values = [newStr(info.implementation), newBool(info.monotonic), newBool(info.adjustable), newFloat(1e-9)];
  try {
    return call(namespace, values, ['implementation', 'monotonic', 'adjustable', 'resolution']);
  } finally {
    for (const v of values) decref(v);
    decref(namespace);
  }
}

/** The clock ids clock_gettime accepts, and what each reads. */
const CLOCK_IDS: Record<string, { id: number; read: () => number | bigint }> = {
  CLOCK_REALTIME: { id: 0, read: realtimeNs },
  CLOCK_MONOTONIC: { id: 1, read: monotonicNs },
  CLOCK_PROCESS_CPUTIME_ID: { id: 2, read: processCpuNs },
  CLOCK_THREAD_CPUTIME_ID: { id: 3, read: processCpuNs },
  CLOCK_MONOTONIC_RAW: { id: 4, read: monotonicNs },
  CLOCK_BOOTTIME: { id: 7, read: monotonicNs },
  CLOCK_TAI: { id: 11, read: () => realtimeNs() + 37n * BigInt(NS) },
};

function clockRead(o: PyObject): number | bigint {
  const i = index(o);
  const id = Number(i.value);
  decref(i);
  const clock = Object.values(CLOCK_IDS).find((c) => c.id === id);
  if (!clock) throw pyErr(OSError, '[Errno 22] Invalid argument');
  return clock.read();
}

const noargs = (fn: () => PyObject) => ({ kind: 'noargs' as const, fn: () => fn() });

const functions: NativeFunctionDef[] = [
  { name: 'time', code: noargs(() => seconds(realtimeNs())) },
  { name: 'time_ns', code: noargs(() => newInt(realtimeNs())) },
  { name: 'monotonic', code: noargs(() => seconds(monotonicNs())) },
  { name: 'monotonic_ns', code: noargs(() => newInt(monotonicNs())) },
  { name: 'perf_counter', code: noargs(() => seconds(monotonicNs())) },
  { name: 'perf_counter_ns', code: noargs(() => newInt(monotonicNs())) },
  { name: 'process_time', code: noargs(() => seconds(processCpuNs())) },
  { name: 'process_time_ns', code: noargs(() => newInt(processCpuNs())) },
  { name: 'thread_time', code: noargs(() => seconds(processCpuNs())) },
  { name: 'thread_time_ns', code: noargs(() => newInt(processCpuNs())) },
  { name: 'sleep', code: { kind: 'o', fn: sleep } },
  { name: 'gmtime', code: { kind: 'fast', fn: (_m, args) => newStructTime(brokenDown(secondsOrNow(args, 'gmtime')), GMTIME_ZONE, 0) } },
  { name: 'localtime', code: { kind: 'fast', fn: (_m, args) => newStructTime(brokenDown(secondsOrNow(args, 'localtime')), ZONE, 0) } },
  { name: 'mktime', code: { kind: 'o', fn: timeMktime } },
  { name: 'asctime', code: { kind: 'fast', fn: timeAsctime } },
  { name: 'ctime', code: { kind: 'fast', fn: timeCtime } },
  { name: 'strftime', code: { kind: 'fast', fn: timeStrftime } },
  { name: 'strptime', code: { kind: 'fast', fn: timeStrptime } },
  { name: 'get_clock_info', code: oneParsedArg('get_clock_info', getClockInfo) },
  { name: 'clock_gettime', code: oneParsedArg('clock_gettime', (_m, id) => seconds(clockRead(id))) },
  // CPython's format string names clock_gettime_ns "clock_gettime" in its argument errors.
  { name: 'clock_gettime_ns', code: oneParsedArg('clock_gettime', (_m, id) => newInt(clockRead(id))) },
  { name: 'clock_getres', code: oneParsedArg('clock_getres', (_m, id) => (clockRead(id), newFloat(1e-9))) },
  { name: 'tzset', code: noargs(() => newref(None)) },
];

export const timeModule: NativeModuleDef = {
  name: 'time',
  functions,
  attributes: () => {
    const attrs: Record<string, PyObject> = {
      struct_time: newref(structTimeType),
      timezone: newInt(0),
      altzone: newInt(0),
      daylight: newInt(0),
      tzname: newTuple([newStr(ZONE), newStr(ZONE)]),
      _STRUCT_TM_ITEMS: newInt(11),
    };
    for (const [name, c] of Object.entries(CLOCK_IDS)) attrs[name] = newInt(c.id);
    return attrs;
  },
};

/** _strptime: the parser datetime.strptime uses (CPython's is Lib/_strptime.py). */
const strptimeModule: NativeModuleDef = {
  name: '_strptime',
  functions: [{ name: '_strptime', code: { kind: 'fast', fn: strptimeFields } }],
  attributes: () => ({}),
};

export const TIME_MODULES: NativeModuleDef[] = [timeModule, strptimeModule];
