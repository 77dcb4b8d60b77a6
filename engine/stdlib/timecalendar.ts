// Broken-down time (struct tm) in the proleptic Gregorian calendar, as glibc's gmtime/timegm
// compute it, and strftime's directives in the C locale. The simulated machine's zone is UTC, so
// local time and UTC are the same calendar.

/** struct tm with Python's conventions: month 1-12, weekday 0 = Monday, day of year from 1. */
export interface BrokenDownTime {
  year: number;
  mon: number;
  mday: number;
  hour: number;
  min: number;
  sec: number;
  wday: number;
  yday: number;
  isdst: number;
}

export const DAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
export const MONTH_NAMES = [
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November',
  'December',
];

export function isLeap(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

const DAYS_BEFORE_MONTH = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];

/** Day of the year, from 1. */
export function dayOfYear(year: number, mon: number, mday: number): number {
  return DAYS_BEFORE_MONTH[mon - 1]! + (mon > 2 && isLeap(year) ? 1 : 0) + mday;
}

/** Days from 1970-01-01 to a civil date (any month and day, carried over). */
export function daysFromCivil(year: number, mon: number, mday: number): number {
  // Normalise the month first, then count in 400-year eras starting on March 1st.
  year += Math.floor((mon - 1) / 12);
  mon = ((((mon - 1) % 12) + 12) % 12) + 1;
  const y = mon <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (mon + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + mday - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The civil date of a day number counted from 1970-01-01. */
export function civilFromDays(days: number): { year: number; mon: number; mday: number } {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const mday = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const mon = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (mon <= 2 ? 1 : 0), mon, mday };
}

/** Weekday of a day number, 0 = Monday (1970-01-01 was a Thursday). */
export function weekdayOfDays(days: number): number {
  return (((days + 3) % 7) + 7) % 7;
}

/** gmtime: whole seconds since the epoch as UTC broken-down time. */
export function gmtime(seconds: number): BrokenDownTime {
  const days = Math.floor(seconds / 86400);
  const rem = seconds - days * 86400;
  const { year, mon, mday } = civilFromDays(days);
  return {
    year, mon, mday,
    hour: Math.floor(rem / 3600),
    min: Math.floor((rem % 3600) / 60),
    sec: rem % 60,
    wday: weekdayOfDays(days),
    yday: dayOfYear(year, mon, mday),
    isdst: 0,
  };
}

/** timegm: UTC broken-down time (fields may overflow, as mktime allows) as seconds. */
export function timegm(t: BrokenDownTime): number {
  return daysFromCivil(t.year, t.mon, t.mday) * 86400 + t.hour * 3600 + t.min * 60 + t.sec;
}

function pad(n: number, width: number, fill = '0'): string {
  const s = String(Math.abs(n)).padStart(width, fill);
  return n < 0 ? `-${s}` : s;
}

/** ISO 8601 week-numbering year and week (%G, %V). */
function isoWeek(t: BrokenDownTime): { year: number; week: number } {
  const wdayMon = t.wday; // 0 = Monday
  // The Thursday of this week decides which year the week belongs to.
  const thursdayYday = t.yday - wdayMon + 3;
  let year = t.year;
  if (thursdayYday < 1) {
    year -= 1;
    const daysPrev = isLeap(year) ? 366 : 365;
    return { year, week: Math.floor((thursdayYday + daysPrev - 1) / 7) + 1 };
  }
  const daysThis = isLeap(year) ? 366 : 365;
  if (thursdayYday > daysThis) return { year: year + 1, week: 1 };
  return { year, week: Math.floor((thursdayYday - 1) / 7) + 1 };
}

/** strftime in the C locale (glibc's directives), zone UTC. Unknown directives stay as written. */
export function strftime(format: string, t: BrokenDownTime, zone: string): string {
  const sundayWday = (t.wday + 1) % 7;
  const hour12 = t.hour % 12 === 0 ? 12 : t.hour % 12;
  const directive = (c: string): string | null => {
    switch (c) {
      case 'a': return DAY_NAMES[t.wday]!.slice(0, 3);
      case 'A': return DAY_NAMES[t.wday]!;
      case 'b': case 'h': return MONTH_NAMES[t.mon - 1]!.slice(0, 3);
      case 'B': return MONTH_NAMES[t.mon - 1]!;
      case 'c': return `${directive('a')} ${directive('b')} ${directive('e')} ${directive('T')} ${t.year}`;
      case 'C': return String(Math.floor(t.year / 100));
      case 'd': return pad(t.mday, 2);
      case 'D': return `${directive('m')}/${directive('d')}/${directive('y')}`;
      case 'e': return pad(t.mday, 2, ' ');
      case 'F': return `${pad(t.year, 1)}-${directive('m')}-${directive('d')}`;
      case 'G': return String(isoWeek(t).year);
      case 'g': return pad(isoWeek(t).year % 100, 2);
      case 'H': return pad(t.hour, 2);
      case 'I': return pad(hour12, 2);
      case 'j': return pad(t.yday, 3);
      case 'k': return pad(t.hour, 2, ' ');
      case 'l': return pad(hour12, 2, ' ');
      case 'm': return pad(t.mon, 2);
      case 'M': return pad(t.min, 2);
      case 'n': return '\n';
      case 'p': return t.hour < 12 ? 'AM' : 'PM';
      case 'P': return t.hour < 12 ? 'am' : 'pm';
      case 'r': return `${directive('I')}:${directive('M')}:${directive('S')} ${directive('p')}`;
      case 'R': return `${directive('H')}:${directive('M')}`;
      case 's': return String(timegm(t));
      case 'S': return pad(t.sec, 2);
      case 't': return '\t';
      case 'T': return `${directive('H')}:${directive('M')}:${directive('S')}`;
      case 'u': return String(t.wday + 1);
      case 'U': return pad(Math.floor((t.yday - 1 + 7 - sundayWday) / 7), 2);
      case 'V': return pad(isoWeek(t).week, 2);
      case 'w': return String(sundayWday);
      case 'W': return pad(Math.floor((t.yday - 1 + 7 - t.wday) / 7), 2);
      case 'x': return directive('D');
      case 'X': return directive('T');
      case 'y': return pad(((t.year % 100) + 100) % 100, 2);
      case 'Y': return String(t.year);
      case 'z': return '+0000';
      case 'Z': return zone;
      case '%': return '%';
      default: return null;
    }
  };
  let out = '';
  for (let i = 0; i < format.length; i++) {
    const ch = format[i]!;
    if (ch !== '%' || i + 1 >= format.length) {
      out += ch;
      continue;
    }
    const r = directive(format[i + 1]!);
    if (r === null) {
      out += ch;
      continue;
    }
    out += r;
    i++;
  }
  return out;
}

/** asctime's fixed layout: "Thu Jan  1 00:00:00 1970". */
export function asctime(t: BrokenDownTime): string {
  return `${DAY_NAMES[t.wday]!.slice(0, 3)} ${MONTH_NAMES[t.mon - 1]!.slice(0, 3)} ${pad(t.mday, 2, ' ')} ${pad(t.hour, 2)}:${pad(t.min, 2)}:${pad(t.sec, 2)} ${t.year}`;
}
