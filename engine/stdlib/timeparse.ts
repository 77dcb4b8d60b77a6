// time.strptime's parser (Lib/_strptime.py): each directive becomes a regular-expression group,
// the text must match from its start, and the fields found fill a broken-down time with
// strptime's defaults (1900-01-01 00:00:00). Locale-dependent names are the C locale's.
import { DAY_NAMES, MONTH_NAMES, dayOfYear, daysFromCivil, weekdayOfDays, civilFromDays, type BrokenDownTime } from './timecalendar.js';

const alternatives = (names: string[]): string => `(${[...names].sort((a, b) => b.length - a.length).join('|')})`;

const DIRECTIVE_PATTERNS: Record<string, string> = {
  d: '(3[01]|[12]\\d|0[1-9]|[1-9]| [1-9])',
  f: '(\\d{1,6})',
  H: '(2[0-3]|[0-1]\\d|\\d)',
  I: '(1[0-2]|0[1-9]|[1-9])',
  j: '(36[0-6]|3[0-5]\\d|[12]\\d\\d|0[1-9]\\d|00[1-9]|[1-9]\\d|0[1-9]|[1-9])',
  m: '(1[0-2]|0[1-9]|[1-9])',
  M: '([0-5]\\d|\\d)',
  S: '(6[0-1]|[0-5]\\d|\\d)',
  U: '(5[0-3]|[0-4]\\d|\\d)',
  W: '(5[0-3]|[0-4]\\d|\\d)',
  w: '([0-6])',
  u: '([1-7])',
  y: '(\\d\\d)',
  Y: '(\\d\\d\\d\\d)',
  z: '([+-]\\d\\d:?[0-5]\\d(?::?[0-5]\\d(?:\\.\\d{1,6})?)?|Z)',
  a: alternatives(DAY_NAMES.map((d) => d.slice(0, 3))),
  A: alternatives(DAY_NAMES),
  b: alternatives(MONTH_NAMES.map((m) => m.slice(0, 3))),
  B: alternatives(MONTH_NAMES),
  p: '(am|pm)',
  Z: '(utc|gmt)',
};

/** The C locale's composite directives, spelled in simple ones. */
const COMPOSITES: Record<string, string> = { c: '%a %b %d %H:%M:%S %Y', x: '%m/%d/%y', X: '%H:%M:%S' };

export class StrptimeError extends Error {}

export interface ParsedTime {
  tm: BrokenDownTime;
  /** Microseconds from %f. */
  fraction: number;
  zone: string | null;
  gmtoff: number | null;
}

/** _strptime's pattern(): the format as a regular expression and the directive of each group. */
function compile(format: string): { regex: RegExp; fields: string[] } {
  const fields: string[] = [];
  let source = '';
  const expand = (fmt: string): void => {
    for (let i = 0; i < fmt.length; i++) {
      const ch = fmt[i]!;
      if (ch !== '%') {
        source += /\s/.test(ch) ? '\\s+' : ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        if (/\s/.test(ch)) while (i + 1 < fmt.length && /\s/.test(fmt[i + 1]!)) i++;
        continue;
      }
      if (i + 1 >= fmt.length) throw new StrptimeError(`stray % in format '${format}'`);
      const d = fmt[++i]!;
      if (d === '%') source += '%';
      else if (COMPOSITES[d]) expand(COMPOSITES[d]!);
      else if (DIRECTIVE_PATTERNS[d]) {
        source += DIRECTIVE_PATTERNS[d];
        fields.push(d);
      } else throw new StrptimeError(`'${d}' is a bad directive in format '%${d}'`);
    }
  };
  expand(format);
  return { regex: new RegExp(`^(?:${source})`, 'i'), fields };
}

function nameIndex(names: string[], text: string, abbreviated: boolean): number {
  const t = text.toLowerCase();
  return names.findIndex((n) => (abbreviated ? n.slice(0, 3) : n).toLowerCase() === t);
}

/** _strptime: the broken-down time `text` denotes under `format`. */
export function strptime(text: string, format: string, repr: (s: string) => string): ParsedTime {
  const { regex, fields } = compile(format);
  const m = regex.exec(text);
  if (!m) throw new StrptimeError(`time data ${repr(text)} does not match format ${repr(format)}`);
  if (m[0].length !== text.length) throw new StrptimeError(`unconverted data remains: ${text.slice(m[0].length)}`);
  let year = 1900, mon = 1, mday = 1, hour = 0, min = 0, sec = 0;
  let wday: number | null = null, yday: number | null = null;
  let ampm: string | null = null, hour12: number | null = null;
  let zone: string | null = null, gmtoff: number | null = null, isdst = -1, fraction = 0;
  fields.forEach((d, i) => {
    const v = m[i + 1]!;
    switch (d) {
      case 'Y': year = Number(v); break;
      case 'y': year = Number(v) + (Number(v) <= 68 ? 2000 : 1900); break;
      case 'm': mon = Number(v); break;
      case 'b': case 'B': mon = nameIndex(MONTH_NAMES, v, d === 'b') + 1; break;
      case 'd': mday = Number(v); break;
      case 'H': hour = Number(v); break;
      case 'I': hour12 = Number(v); break;
      case 'p': ampm = v.toLowerCase(); break;
      case 'M': min = Number(v); break;
      case 'S': sec = Number(v); break;
      case 'j': yday = Number(v); break;
      case 'a': case 'A': wday = nameIndex(DAY_NAMES, v, d === 'a'); break;
      case 'w': wday = (Number(v) + 6) % 7; break;
      case 'u': wday = Number(v) - 1; break;
      case 'Z': zone = v; isdst = 0; break;
      case 'z': gmtoff = v.toUpperCase() === 'Z' ? 0 : zoneOffset(v); break;
      case 'f': fraction = Number(v.padEnd(6, '0')); break;
      default: break; // %U, %W: parsed, and ignored as _strptime ignores them without a weekday
    }
  });
  if (hour12 !== null) hour = ampm === 'pm' ? (hour12 % 12) + 12 : hour12 % 12;
  if (yday !== null && !fields.includes('m') && !fields.includes('b') && !fields.includes('B') && !fields.includes('d')) {
    const date = civilFromDays(daysFromCivil(year, 1, 1) + yday - 1);
    year = date.year;
    mon = date.mon;
    mday = date.mday;
  }
  if (mday > daysInMonth(year, mon)) throw new StrptimeError('day is out of range for month');
  const days = daysFromCivil(year, mon, mday);
  return {
    tm: {
      year, mon, mday, hour, min, sec,
      wday: wday ?? weekdayOfDays(days),
      yday: yday ?? dayOfYear(year, mon, mday),
      isdst,
    },
    fraction,
    zone,
    gmtoff,
  };
}

function daysInMonth(year: number, mon: number): number {
  return daysFromCivil(year, mon + 1, 1) - daysFromCivil(year, mon, 1);
}

function zoneOffset(z: string): number {
  const digits = z.slice(1).replace(/:/g, '');
  const seconds = Number(digits.slice(0, 2)) * 3600 + Number(digits.slice(2, 4)) * 60 + Number(digits.slice(4, 6) || '0');
  return z[0] === '-' ? -seconds : seconds;
}
