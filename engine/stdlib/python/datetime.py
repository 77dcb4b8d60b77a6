"""Dates, times and durations (the basics of CPython's datetime module).

date, time, datetime, timedelta, tzinfo and fixed-offset timezone, with CPython's reprs, string
forms, arithmetic, comparisons and hashes. The simulated machine's zone is UTC, so naive local
times (now(), fromtimestamp(), timestamp()) are UTC, read from the virtual clock.
"""

import _strptime
import time as _time

__all__ = ('date', 'datetime', 'time', 'timedelta', 'timezone', 'tzinfo', 'MINYEAR', 'MAXYEAR', 'UTC')

MINYEAR = 1
MAXYEAR = 9999
_MAX_DELTA_DAYS = 999999999

_DAYS_IN_MONTH = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
_DAYS_BEFORE_MONTH = [0, 0]
for _n in _DAYS_IN_MONTH[1:-1]:
    _DAYS_BEFORE_MONTH.append(_DAYS_BEFORE_MONTH[-1] + _n)
del _n
_MONTH_NAMES = [None, 'Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
_DAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']


# ---------------------------------------------------------------- the calendar

def _is_leap(year):
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _days_in_month(year, month):
    return 29 if month == 2 and _is_leap(year) else _DAYS_IN_MONTH[month]


def _days_before_year(year):
    y = year - 1
    return y * 365 + y // 4 - y // 100 + y // 400


def _ymd_to_ordinal(year, month, day):
    """Day number of a date, 0001-01-01 being day 1."""
    return (_days_before_year(year) + _DAYS_BEFORE_MONTH[month] + (month > 2 and _is_leap(year)) + day)


def _ordinal_to_ymd(n):
    """The date of a day number: 400-year cycles, then centuries, 4-year cycles and years."""
    n -= 1
    cycles400, n = divmod(n, 146097)
    year = cycles400 * 400 + 1
    cycles100, n = divmod(n, 36524)
    cycles4, n = divmod(n, 1461)
    years, n = divmod(n, 365)
    year += cycles100 * 100 + cycles4 * 4 + years
    if years == 4 or cycles100 == 4:
        return year - 1, 12, 31
    month = (n + 50) >> 5
    before = _DAYS_BEFORE_MONTH[month] + (month > 2 and _is_leap(year))
    if before > n:
        month -= 1
        before -= _days_in_month(year, month)
    return year, month, n - before + 1


def _iso_week1_monday(year):
    first = _ymd_to_ordinal(year, 1, 1)
    monday = first - (first + 6) % 7
    if (first + 6) % 7 > 3:
        monday += 7
    return monday


def _index(value):
    if isinstance(value, float):
        raise TypeError(f"'{type(value).__name__}' object cannot be interpreted as an integer")
    return value.__index__()


def _check_date_fields(year, month, day):
    year, month, day = _index(year), _index(month), _index(day)
    if not MINYEAR <= year <= MAXYEAR:
        raise ValueError(f'year {year} is out of range')
    if not 1 <= month <= 12:
        raise ValueError('month must be in 1..12')
    if not 1 <= day <= _days_in_month(year, month):
        raise ValueError('day is out of range for month')
    return year, month, day


def _check_time_fields(hour, minute, second, microsecond, fold):
    hour, minute, second, microsecond = _index(hour), _index(minute), _index(second), _index(microsecond)
    if not 0 <= hour <= 23:
        raise ValueError('hour must be in 0..23')
    if not 0 <= minute <= 59:
        raise ValueError('minute must be in 0..59')
    if not 0 <= second <= 59:
        raise ValueError('second must be in 0..59')
    if not 0 <= microsecond <= 999999:
        raise ValueError('microsecond must be in 0..999999')
    if fold not in (0, 1):
        raise ValueError('fold must be either 0 or 1')
    return hour, minute, second, microsecond, fold


def _check_tzinfo(tz):
    if tz is not None and not isinstance(tz, tzinfo):
        raise TypeError(f"tzinfo argument must be None or of a tzinfo subclass, not type '{type(tz).__name__}'")


def _class_name(obj):
    return f'{type(obj).__module__}.{type(obj).__qualname__}'


def _divide_and_round(a, b):
    """a / b rounded half to even, in integers."""
    q, r = divmod(a, b)
    r *= 2
    if (r > b if b > 0 else r < b) or (r == b and q % 2 == 1):
        q += 1
    return q


def _format_offset(off, sep=':'):
    """+HH:MM[:SS[.ffffff]] for a UTC offset, '' for None."""
    if off is None:
        return ''
    sign = '+'
    if off.days < 0:
        sign = '-'
        off = -off
    hh, rest = divmod(off, timedelta(hours=1))
    mm, rest = divmod(rest, timedelta(minutes=1))
    text = f'{sign}{hh:02d}{sep}{mm:02d}'
    if rest.seconds or rest.microseconds:
        text += f'{sep}{rest.seconds:02d}'
        if rest.microseconds:
            text += f'.{rest.microseconds:06d}'
    return text


def _format_time(hh, mm, ss, us, timespec):
    forms = {
        'hours': '{:02d}',
        'minutes': '{:02d}:{:02d}',
        'seconds': '{:02d}:{:02d}:{:02d}',
        'milliseconds': '{:02d}:{:02d}:{:02d}.{:03d}',
        'microseconds': '{:02d}:{:02d}:{:02d}.{:06d}',
    }
    if timespec == 'auto':
        timespec = 'microseconds' if us else 'seconds'
    elif timespec == 'milliseconds':
        us //= 1000
    if timespec not in forms:
        raise ValueError('Unknown timespec value')
    return forms[timespec].format(hh, mm, ss, us)


def _strftime(fmt, timetuple, microsecond, utcoffset, zone):
    """strftime with the directives datetime handles itself: %f, %z, %Z."""
    if not isinstance(fmt, str):
        raise TypeError(f'strftime() argument 1 must be str, not {type(fmt).__name__}')
    out = []
    i = 0
    while i < len(fmt):
        ch = fmt[i]
        if ch == '%' and i + 1 < len(fmt):
            code = fmt[i + 1]
            i += 2
            if code == 'f':
                out.append(f'{microsecond:06d}')
            elif code == 'z':
                out.append(_format_offset(utcoffset, ''))
            elif code == 'Z':
                out.append((zone or '').replace('%', '%%'))
            else:
                out.append('%' + code)
            continue
        out.append(ch)
        i += 1
    return _time.strftime(''.join(out), timetuple)


def _struct_time(y, m, d, hh, mm, ss, dst):
    wday = (_ymd_to_ordinal(y, m, d) + 6) % 7
    yday = _DAYS_BEFORE_MONTH[m] + (m > 2 and _is_leap(y)) + d
    return _time.struct_time((y, m, d, hh, mm, ss, wday, yday, dst))


def _ordered(cls):
    """Gives a class its rich comparisons from one method, _cmp(other, equality): a negative,
    zero or positive number, or NotImplemented."""
    tests = {'__eq__': (True, lambda c: c == 0), '__lt__': (False, lambda c: c < 0),
             '__le__': (False, lambda c: c <= 0), '__gt__': (False, lambda c: c > 0),
             '__ge__': (False, lambda c: c >= 0)}

    def comparison(name, equality, test):
        def compare(self, other):
            c = self._cmp(other, equality)
            return c if c is NotImplemented else test(c)
        compare.__name__ = compare.__qualname__ = name
        return compare

    for name, (equality, test) in tests.items():
        setattr(cls, name, comparison(name, equality, test))
    return cls


# ---------------------------------------------------------------- timedelta

_US_PER = {'microseconds': 1, 'milliseconds': 1000, 'seconds': 10 ** 6, 'minutes': 60 * 10 ** 6,
           'hours': 3600 * 10 ** 6, 'days': 86400 * 10 ** 6, 'weeks': 7 * 86400 * 10 ** 6}


@_ordered
class timedelta:
    """A duration: days, seconds (0..86399) and microseconds (0..999999), normalised."""

    __slots__ = ('_days', '_seconds', '_microseconds', '_hashcode')

    def __new__(cls, days=0, seconds=0, microseconds=0, milliseconds=0, minutes=0, hours=0, weeks=0):
        given = {'microseconds': microseconds, 'milliseconds': milliseconds, 'seconds': seconds,
                 'minutes': minutes, 'hours': hours, 'days': days, 'weeks': weeks}
        total = 0
        leftover = 0.0
        # Whole parts add up exactly; fractions of a microsecond add up as floats and are rounded
        # half to even once at the end, as CPython's delta_new does.
        for name, value in given.items():
            factor = _US_PER[name]
            if isinstance(value, int):
                total += value * factor
            elif isinstance(value, float):
                whole = int(value)
                total += whole * factor
                fraction = (value - whole) * factor
                whole_us = int(fraction)
                total += whole_us
                leftover += fraction - whole_us
            else:
                raise TypeError(f'unsupported type for timedelta {name} component: {type(value).__name__}')
        if leftover:
            rounded = round(leftover)
            if abs(rounded - leftover) == 0.5:
                odd = total & 1
                rounded = 2 * round((leftover + odd) * 0.5) - odd
            total += int(rounded)
        return cls._from_microseconds(total)

    @classmethod
    def _from_microseconds(cls, total):
        seconds, us = divmod(total, 10 ** 6)
        days, seconds = divmod(seconds, 86400)
        if abs(days) > _MAX_DELTA_DAYS:
            raise OverflowError(f'days={days}; must have magnitude <= {_MAX_DELTA_DAYS}')
        self = object.__new__(cls)
        self._days = days
        self._seconds = seconds
        self._microseconds = us
        self._hashcode = -1
        return self

    @property
    def days(self):
        return self._days

    @property
    def seconds(self):
        return self._seconds

    @property
    def microseconds(self):
        return self._microseconds

    def _to_microseconds(self):
        return (self._days * 86400 + self._seconds) * 10 ** 6 + self._microseconds

    def total_seconds(self):
        return self._to_microseconds() / 10 ** 6

    def __repr__(self):
        parts = []
        if self._days:
            parts.append(f'days={self._days}')
        if self._seconds:
            parts.append(f'seconds={self._seconds}')
        if self._microseconds:
            parts.append(f'microseconds={self._microseconds}')
        return f'{_class_name(self)}({", ".join(parts) or "0"})'

    def __str__(self):
        mm, ss = divmod(self._seconds, 60)
        hh, mm = divmod(mm, 60)
        text = f'{hh}:{mm:02d}:{ss:02d}'
        if self._days:
            text = f'{self._days} day{"s" if abs(self._days) != 1 else ""}, {text}'
        if self._microseconds:
            text += f'.{self._microseconds:06d}'
        return text

    def __add__(self, other):
        if isinstance(other, timedelta):
            return timedelta._from_microseconds(self._to_microseconds() + other._to_microseconds())
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return timedelta._from_microseconds(self._to_microseconds() - other._to_microseconds())
        return NotImplemented

    def __rsub__(self, other):
        if isinstance(other, timedelta):
            return -self + other
        return NotImplemented

    def __neg__(self):
        return timedelta._from_microseconds(-self._to_microseconds())

    def __pos__(self):
        return self

    def __abs__(self):
        return -self if self._days < 0 else self

    def __mul__(self, other):
        if isinstance(other, int):
            return timedelta._from_microseconds(self._to_microseconds() * other)
        if isinstance(other, float):
            a, b = other.as_integer_ratio()
            return timedelta._from_microseconds(_divide_and_round(self._to_microseconds() * a, b))
        return NotImplemented

    __rmul__ = __mul__

    def __floordiv__(self, other):
        if isinstance(other, timedelta):
            return self._to_microseconds() // other._to_microseconds()
        if isinstance(other, int):
            return timedelta._from_microseconds(self._to_microseconds() // other)
        return NotImplemented

    def __truediv__(self, other):
        if isinstance(other, timedelta):
            return self._to_microseconds() / other._to_microseconds()
        if isinstance(other, int):
            return timedelta._from_microseconds(_divide_and_round(self._to_microseconds(), other))
        if isinstance(other, float):
            a, b = other.as_integer_ratio()
            return timedelta._from_microseconds(_divide_and_round(b * self._to_microseconds(), a))
        return NotImplemented

    def __mod__(self, other):
        if isinstance(other, timedelta):
            return timedelta._from_microseconds(self._to_microseconds() % other._to_microseconds())
        return NotImplemented

    def __divmod__(self, other):
        if isinstance(other, timedelta):
            q, r = divmod(self._to_microseconds(), other._to_microseconds())
            return q, timedelta._from_microseconds(r)
        return NotImplemented

    def _state(self):
        return (self._days, self._seconds, self._microseconds)

    def _cmp(self, other, equality):
        if not isinstance(other, timedelta):
            return NotImplemented
        a, b = self._state(), other._state()
        return (a > b) - (a < b)

    def __hash__(self):
        if self._hashcode == -1:
            self._hashcode = hash(self._state())
        return self._hashcode

    def __bool__(self):
        return bool(self._days or self._seconds or self._microseconds)

    def __reduce__(self):
        return (type(self), self._state())


timedelta.min = timedelta(-_MAX_DELTA_DAYS)
timedelta.max = timedelta(days=_MAX_DELTA_DAYS, hours=23, minutes=59, seconds=59, microseconds=999999)
timedelta.resolution = timedelta(microseconds=1)


# ---------------------------------------------------------------- time zones

class tzinfo:
    """The abstract base of time zones: utcoffset, dst and tzname of a datetime."""

    __slots__ = ()

    def tzname(self, dt):
        raise NotImplementedError('tzinfo subclass must override tzname()')

    def utcoffset(self, dt):
        raise NotImplementedError('tzinfo subclass must override utcoffset()')

    def dst(self, dt):
        raise NotImplementedError('tzinfo subclass must override dst()')

    def fromutc(self, dt):
        if not isinstance(dt, datetime):
            raise TypeError('fromutc() requires a datetime argument')
        if dt.tzinfo is not self:
            raise ValueError('dt.tzinfo is not self')
        offset = dt.utcoffset()
        if offset is None:
            raise ValueError('fromutc() requires a non-None utcoffset() result')
        dst = dt.dst()
        if dst is None:
            raise ValueError('fromutc() requires a non-None dst() result')
        delta = offset - dst
        if delta:
            dt += delta
            dst = dt.dst()
            if dst is None:
                raise ValueError('fromutc(): dt.dst gave inconsistent results; cannot convert')
        return dt + dst


class timezone(tzinfo):
    """A fixed offset from UTC."""

    __slots__ = ('_offset', '_name')
    _Omitted = object()

    def __new__(cls, offset, name=_Omitted):
        if not isinstance(offset, timedelta):
            raise TypeError(f"timezone() argument 1 must be datetime.timedelta, not {type(offset).__name__}")
        if name is cls._Omitted:
            if not offset:
                return cls.utc
            name = None
        elif not isinstance(name, str):
            raise TypeError(f'timezone() argument 2 must be str, not {type(name).__name__}')
        if not -timedelta(hours=24) < offset < timedelta(hours=24):
            raise ValueError('offset must be a timedelta strictly between -timedelta(hours=24) and '
                             f'timedelta(hours=24), not {offset!r}.')
        return cls._create(offset, name)

    @classmethod
    def _create(cls, offset, name=None):
        self = tzinfo.__new__(cls)
        self._offset = offset
        self._name = name
        return self

    def __getinitargs__(self):
        return (self._offset,) if self._name is None else (self._offset, self._name)

    def __eq__(self, other):
        if isinstance(other, timezone):
            return self._offset == other._offset
        return NotImplemented

    def __hash__(self):
        return hash(self._offset)

    def __repr__(self):
        if self is self.utc:
            return 'datetime.timezone.utc'
        if self._name is None:
            return f'{_class_name(self)}({self._offset!r})'
        return f'{_class_name(self)}({self._offset!r}, {self._name!r})'

    def __str__(self):
        return self.tzname(None)

    def utcoffset(self, dt):
        return self._offset

    def tzname(self, dt):
        if self._name is not None:
            return self._name
        if not self._offset:
            return 'UTC'
        return 'UTC' + _format_offset(self._offset)

    def dst(self, dt):
        return None

    def fromutc(self, dt):
        if not isinstance(dt, datetime):
            raise TypeError('fromutc() argument must be a datetime instance or None')
        if dt.tzinfo is not self:
            raise ValueError('fromutc: dt.tzinfo is not self')
        return dt + self._offset


timezone.utc = timezone._create(timedelta(0))
timezone.min = timezone._create(-timedelta(hours=23, minutes=59))
timezone.max = timezone._create(timedelta(hours=23, minutes=59))
UTC = timezone.utc


# ---------------------------------------------------------------- date

@_ordered
class date:
    """A date of the proleptic Gregorian calendar."""

    __slots__ = ('_year', '_month', '_day', '_hashcode')

    def __new__(cls, year, month, day):
        self = object.__new__(cls)
        self._year, self._month, self._day = _check_date_fields(year, month, day)
        self._hashcode = -1
        return self

    @classmethod
    def fromtimestamp(cls, t):
        y, m, d = _time.localtime(t)[:3]
        return cls(y, m, d)

    @classmethod
    def today(cls):
        return cls.fromtimestamp(_time.time())

    @classmethod
    def fromordinal(cls, n):
        if not 1 <= n <= _ymd_to_ordinal(MAXYEAR, 12, 31):
            raise ValueError(f'ordinal must be >= 1')
        return cls(*_ordinal_to_ymd(n))

    @classmethod
    def fromisoformat(cls, text):
        if not isinstance(text, str):
            raise TypeError('fromisoformat: argument must be str')
        try:
            if len(text) == 10 and text[4] == '-' and text[7] == '-':
                return cls(int(text[:4]), int(text[5:7]), int(text[8:]))
            if len(text) == 8 and text.isdigit():
                return cls(int(text[:4]), int(text[4:6]), int(text[6:]))
        except ValueError:
            pass
        raise ValueError(f'Invalid isoformat string: {text!r}')

    @classmethod
    def fromisocalendar(cls, year, week, day):
        if not MINYEAR <= year <= MAXYEAR:
            raise ValueError(f'Year is out of range: {year}')
        if not 0 < week < 53:
            last_week = 53 if (_ymd_to_ordinal(year, 1, 1) % 7 == 4
                               or (_ymd_to_ordinal(year, 1, 1) % 7 == 3 and _is_leap(year))) else 52
            if week != 53 or last_week != 53:
                raise ValueError(f'Invalid week: {week}')
        if not 0 < day < 8:
            raise ValueError(f'Invalid weekday: {day} (range is [1, 7])')
        return cls(*_ordinal_to_ymd(_iso_week1_monday(year) + (week - 1) * 7 + day - 1))

    @property
    def year(self):
        return self._year

    @property
    def month(self):
        return self._month

    @property
    def day(self):
        return self._day

    def __repr__(self):
        return f'{_class_name(self)}({self._year}, {self._month}, {self._day})'

    def isoformat(self):
        return f'{self._year:04d}-{self._month:02d}-{self._day:02d}'

    __str__ = isoformat

    def ctime(self):
        weekday = self.toordinal() % 7 or 7
        return f'{_DAY_NAMES[weekday - 1]} {_MONTH_NAMES[self._month]} {self._day:2d} 00:00:00 {self._year:04d}'

    def timetuple(self):
        return _struct_time(self._year, self._month, self._day, 0, 0, 0, -1)

    def strftime(self, fmt):
        return _strftime(fmt, self.timetuple(), 0, None, None)

    def __format__(self, spec):
        if not isinstance(spec, str):
            raise TypeError(f'must be str, not {type(spec).__name__}')
        return self.strftime(spec) if spec else str(self)

    def toordinal(self):
        return _ymd_to_ordinal(self._year, self._month, self._day)

    def weekday(self):
        return (self.toordinal() + 6) % 7

    def isoweekday(self):
        return self.toordinal() % 7 or 7

    def isocalendar(self):
        year = self._year
        monday = _iso_week1_monday(year)
        today = self.toordinal()
        week, day = divmod(today - monday, 7)
        if week < 0:
            year -= 1
            week, day = divmod(today - _iso_week1_monday(year), 7)
        elif week >= 52 and today >= _iso_week1_monday(year + 1):
            year += 1
            week = 0
        return _IsoCalendarDate(year, week + 1, day + 1)

    def replace(self, year=None, month=None, day=None):
        return type(self)(self._year if year is None else year, self._month if month is None else month,
                          self._day if day is None else day)

    def _date_key(self):
        return (self._year, self._month, self._day)

    def _cmp(self, other, equality):
        if not isinstance(other, date) or isinstance(other, datetime):
            return NotImplemented
        a, b = self._date_key(), other._date_key()
        return (a > b) - (a < b)

    def _bytes(self):
        return bytes([self._year >> 8, self._year & 255, self._month, self._day])

    def __hash__(self):
        if self._hashcode == -1:
            self._hashcode = hash(self._bytes())
        return self._hashcode

    def __add__(self, other):
        if isinstance(other, timedelta):
            n = self.toordinal() + other.days
            if 0 < n <= _ymd_to_ordinal(MAXYEAR, 12, 31):
                return type(self).fromordinal(n)
            raise OverflowError('result out of range')
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return self + timedelta(-other.days)
        if isinstance(other, date) and not isinstance(other, datetime):
            return timedelta(self.toordinal() - other.toordinal())
        return NotImplemented

    def __reduce__(self):
        return (type(self), (self._year, self._month, self._day))


date.min = date(1, 1, 1)
date.max = date(9999, 12, 31)
date.resolution = timedelta(days=1)


class _IsoCalendarDate(tuple):
    """(year, week, weekday) with names."""

    def __new__(cls, year, week, weekday):
        return super().__new__(cls, (year, week, weekday))

    year = property(lambda self: self[0])
    week = property(lambda self: self[1])
    weekday = property(lambda self: self[2])

    def __repr__(self):
        return f'datetime.IsoCalendarDate(year={self[0]}, week={self[1]}, weekday={self[2]})'


_IsoCalendarDate.__name__ = _IsoCalendarDate.__qualname__ = 'IsoCalendarDate'


# ---------------------------------------------------------------- time

@_ordered
class time:
    """A time of day, optionally with a tzinfo."""

    __slots__ = ('_hour', '_minute', '_second', '_microsecond', '_tzinfo', '_fold', '_hashcode')

    def __new__(cls, hour=0, minute=0, second=0, microsecond=0, tzinfo=None, *, fold=0):
        self = object.__new__(cls)
        self._hour, self._minute, self._second, self._microsecond, self._fold = _check_time_fields(
            hour, minute, second, microsecond, fold)
        _check_tzinfo(tzinfo)
        self._tzinfo = tzinfo
        self._hashcode = -1
        return self

    hour = property(lambda self: self._hour)
    minute = property(lambda self: self._minute)
    second = property(lambda self: self._second)
    microsecond = property(lambda self: self._microsecond)
    tzinfo = property(lambda self: self._tzinfo)
    fold = property(lambda self: self._fold)

    def __repr__(self):
        fields = [self._hour, self._minute]
        if self._second or self._microsecond:
            fields.append(self._second)
        if self._microsecond:
            fields.append(self._microsecond)
        text = f'{_class_name(self)}({", ".join(map(str, fields))}'
        if self._fold:
            text += ', fold=1'
        if self._tzinfo is not None:
            text += f', tzinfo={self._tzinfo!r}'
        return text + ')'

    def isoformat(self, timespec='auto'):
        text = _format_time(self._hour, self._minute, self._second, self._microsecond, timespec)
        return text + _format_offset(self.utcoffset())

    __str__ = isoformat

    def utcoffset(self):
        return None if self._tzinfo is None else self._tzinfo.utcoffset(None)

    def tzname(self):
        return None if self._tzinfo is None else self._tzinfo.tzname(None)

    def dst(self):
        return None if self._tzinfo is None else self._tzinfo.dst(None)

    def strftime(self, fmt):
        tt = (1900, 1, 1, self._hour, self._minute, self._second, 0, 1, -1)
        return _strftime(fmt, tt, self._microsecond, self.utcoffset(), self.tzname())

    def __format__(self, spec):
        return self.strftime(spec) if spec else str(self)

    def replace(self, hour=None, minute=None, second=None, microsecond=None, tzinfo=True, *, fold=None):
        return type(self)(
            self._hour if hour is None else hour, self._minute if minute is None else minute,
            self._second if second is None else second, self._microsecond if microsecond is None else microsecond,
            self._tzinfo if tzinfo is True else tzinfo, fold=self._fold if fold is None else fold)

    def _key(self):
        return (self._hour, self._minute, self._second, self._microsecond)

    def _cmp(self, other, equality):
        if not isinstance(other, time):
            return NotImplemented
        if equality and self.utcoffset() != other.utcoffset():
            return 1
        a, b = self._key(), other._key()
        return (a > b) - (a < b)

    def __hash__(self):
        if self._hashcode == -1:
            self._hashcode = hash(self._key())
        return self._hashcode

    def __bool__(self):
        return True


time.min = time(0, 0, 0)
time.max = time(23, 59, 59, 999999)
time.resolution = timedelta(microseconds=1)


# ---------------------------------------------------------------- datetime

class datetime(date):
    """A date and a time of day, optionally with a tzinfo."""

    __slots__ = ('_hour', '_minute', '_second', '_microsecond', '_tzinfo', '_fold')

    def __new__(cls, year, month, day, hour=0, minute=0, second=0, microsecond=0, tzinfo=None, *, fold=0):
        self = object.__new__(cls)
        self._year, self._month, self._day = _check_date_fields(year, month, day)
        self._hour, self._minute, self._second, self._microsecond, self._fold = _check_time_fields(
            hour, minute, second, microsecond, fold)
        _check_tzinfo(tzinfo)
        self._tzinfo = tzinfo
        self._hashcode = -1
        return self

    hour = property(lambda self: self._hour)
    minute = property(lambda self: self._minute)
    second = property(lambda self: self._second)
    microsecond = property(lambda self: self._microsecond)
    tzinfo = property(lambda self: self._tzinfo)
    fold = property(lambda self: self._fold)

    # -- constructors

    @classmethod
    def _from_timestamp(cls, t, utc, tz):
        if isinstance(t, float):
            whole = int(t // 1)
            us = round((t - whole) * 1e6)
            if us >= 1000000:
                whole += 1
                us -= 1000000
        else:
            whole, us = _index(t), 0
        fields = (_time.gmtime if utc else _time.localtime)(whole)
        result = cls(*fields[:6], us, tz)
        return result

    @classmethod
    def fromtimestamp(cls, t, tz=None):
        _check_tzinfo(tz)
        if tz is None:
            return cls._from_timestamp(t, False, None)
        return tz.fromutc(cls._from_timestamp(t, True, tz))

    @classmethod
    def utcfromtimestamp(cls, t):
        return cls._from_timestamp(t, True, None)

    @classmethod
    def now(cls, tz=None):
        return cls.fromtimestamp(_time.time(), tz)

    @classmethod
    def utcnow(cls):
        return cls.utcfromtimestamp(_time.time())

    @classmethod
    def today(cls):
        return cls.fromtimestamp(_time.time())

    @classmethod
    def fromordinal(cls, n):
        return cls.combine(date.fromordinal(n), time())

    @classmethod
    def combine(cls, date_part, time_part, tzinfo=True):
        if not isinstance(date_part, date):
            raise TypeError("combine() argument 1 must be datetime.date, not " + type(date_part).__name__)
        if not isinstance(time_part, time):
            raise TypeError("combine() argument 2 must be datetime.time, not " + type(time_part).__name__)
        if tzinfo is True:
            tzinfo = time_part.tzinfo
        return cls(date_part.year, date_part.month, date_part.day, time_part.hour, time_part.minute,
                   time_part.second, time_part.microsecond, tzinfo, fold=time_part.fold)

    @classmethod
    def fromisoformat(cls, text):
        if not isinstance(text, str):
            raise TypeError('fromisoformat: argument must be str')
        try:
            day_part = date.fromisoformat(text[:10])
            rest = text[11:]
            if len(text) > 10 and text[10] not in 'T ':
                raise ValueError
            tz = None
            for sign in '+-':
                if sign in rest:
                    rest, _, offset = rest.partition(sign)
                    hh, mm = int(offset[:2]), int(offset[3:5]) if len(offset) > 2 else 0
                    delta = timedelta(hours=hh, minutes=mm)
                    tz = timezone(-delta if sign == '-' else delta)
            if rest.endswith('Z'):
                rest, tz = rest[:-1], timezone.utc
            pieces = [int(p) for p in rest.replace('.', ':').split(':')] if rest else []
            if len(pieces) == 4:
                frac = rest.rpartition('.')[2]
                pieces[3] = int((frac + '000000')[:6])
            return cls(day_part.year, day_part.month, day_part.day, *pieces, tzinfo=tz)
        except (ValueError, IndexError):
            raise ValueError(f'Invalid isoformat string: {text!r}') from None

    @classmethod
    def strptime(cls, text, fmt):
        fields, fraction, _ = _strptime._strptime(text, fmt)
        zone, gmtoff = fields[9], fields[10]
        tz = None
        if gmtoff is not None:
            tz = timezone(timedelta(seconds=gmtoff), zone) if zone else timezone(timedelta(seconds=gmtoff))
        return cls(*fields[:6], fraction, tz)

    # -- parts

    def date(self):
        return date(self._year, self._month, self._day)

    def time(self):
        return time(self._hour, self._minute, self._second, self._microsecond, fold=self._fold)

    def timetz(self):
        return time(self._hour, self._minute, self._second, self._microsecond, self._tzinfo, fold=self._fold)

    def replace(self, year=None, month=None, day=None, hour=None, minute=None, second=None,
                microsecond=None, tzinfo=True, *, fold=None):
        pick = lambda new, old: old if new is None else new
        return type(self)(
            pick(year, self._year), pick(month, self._month), pick(day, self._day), pick(hour, self._hour),
            pick(minute, self._minute), pick(second, self._second), pick(microsecond, self._microsecond),
            self._tzinfo if tzinfo is True else tzinfo, fold=pick(fold, self._fold))

    def utcoffset(self):
        return None if self._tzinfo is None else self._tzinfo.utcoffset(self)

    def tzname(self):
        return None if self._tzinfo is None else self._tzinfo.tzname(self)

    def dst(self):
        return None if self._tzinfo is None else self._tzinfo.dst(self)

    def timetuple(self):
        dst = self.dst()
        flag = -1 if dst is None else int(bool(dst))
        return _struct_time(self._year, self._month, self._day, self._hour, self._minute, self._second, flag)

    def utctimetuple(self):
        offset = self.utcoffset()
        moment = self if offset is None else self - offset
        return _struct_time(moment._year, moment._month, moment._day, moment._hour, moment._minute,
                            moment._second, 0)

    def timestamp(self):
        if self._tzinfo is None:
            return (self - _EPOCH_NAIVE).total_seconds()
        return (self - _EPOCH).total_seconds()

    def astimezone(self, tz=None):
        if tz is None:
            tz = timezone.utc
        _check_tzinfo(tz)
        offset = self.utcoffset()
        utc = (self if offset is None else self - offset).replace(tzinfo=tz)
        return tz.fromutc(utc)

    # -- text

    def __repr__(self):
        fields = [self._year, self._month, self._day, self._hour, self._minute]
        if self._second or self._microsecond:
            fields.append(self._second)
        if self._microsecond:
            fields.append(self._microsecond)
        text = f'{_class_name(self)}({", ".join(map(str, fields))}'
        if self._fold:
            text += ', fold=1'
        if self._tzinfo is not None:
            text += f', tzinfo={self._tzinfo!r}'
        return text + ')'

    def isoformat(self, sep='T', timespec='auto'):
        text = f'{self._year:04d}-{self._month:02d}-{self._day:02d}{sep}'
        text += _format_time(self._hour, self._minute, self._second, self._microsecond, timespec)
        return text + _format_offset(self.utcoffset())

    def __str__(self):
        return self.isoformat(sep=' ')

    def ctime(self):
        weekday = self.toordinal() % 7 or 7
        return (f'{_DAY_NAMES[weekday - 1]} {_MONTH_NAMES[self._month]} {self._day:2d} '
                f'{self._hour:02d}:{self._minute:02d}:{self._second:02d} {self._year:04d}')

    def strftime(self, fmt):
        return _strftime(fmt, self.timetuple(), self._microsecond, self.utcoffset(), self.tzname())

    # -- arithmetic and comparison

    def _naive_microseconds(self):
        days = self.toordinal()
        seconds = self._hour * 3600 + self._minute * 60 + self._second
        return (days * 86400 + seconds) * 10 ** 6 + self._microsecond

    def _utc_microseconds(self):
        offset = self.utcoffset()
        us = self._naive_microseconds()
        return us if offset is None else us - offset._to_microseconds()

    def __add__(self, other):
        if not isinstance(other, timedelta):
            return NotImplemented
        total = self._naive_microseconds() + other._to_microseconds()
        days, us = divmod(total, 86400 * 10 ** 6)
        if not 0 < days <= _ymd_to_ordinal(MAXYEAR, 12, 31):
            raise OverflowError('date value out of range')
        seconds, us = divmod(us, 10 ** 6)
        hh, rest = divmod(seconds, 3600)
        mm, ss = divmod(rest, 60)
        return type(self)(*_ordinal_to_ymd(days), hh, mm, ss, us, self._tzinfo)

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return self + -other
        if not isinstance(other, datetime):
            return NotImplemented
        mine, theirs = self.utcoffset(), other.utcoffset()
        if (mine is None) != (theirs is None):
            raise TypeError("can't subtract offset-naive and offset-aware datetimes")
        if self._tzinfo is other._tzinfo:
            return timedelta(microseconds=self._naive_microseconds() - other._naive_microseconds())
        return timedelta(microseconds=self._utc_microseconds() - other._utc_microseconds())

    def _cmp(self, other, equality):
        if not isinstance(other, datetime):
            if isinstance(other, date) and not equality:
                raise TypeError(f"can't compare {_class_name(self)} to {_class_name(other)}")
            return NotImplemented
        mine, theirs = self.utcoffset(), other.utcoffset()
        if self._tzinfo is other._tzinfo or (mine is None and theirs is None):
            a, b = self._naive_microseconds(), other._naive_microseconds()
        elif mine is None or theirs is None:
            if equality:
                return 1
            raise TypeError("can't compare offset-naive and offset-aware datetimes")
        else:
            a, b = self._utc_microseconds(), other._utc_microseconds()
        return (a > b) - (a < b)

    def __hash__(self):
        if self._hashcode == -1:
            offset = self.utcoffset()
            if offset is None:
                us = self._microsecond
                self._hashcode = hash(self._bytes() + bytes([self._hour, self._minute, self._second,
                                                             us >> 16, (us >> 8) & 255, us & 255]))
            else:
                days = self.toordinal()
                seconds = self._hour * 3600 + self._minute * 60 + self._second
                self._hashcode = hash(timedelta(days, seconds, self._microsecond) - offset)
        return self._hashcode

    def __reduce__(self):
        return (type(self), (self._year, self._month, self._day, self._hour, self._minute, self._second,
                             self._microsecond, self._tzinfo))


datetime.min = datetime(1, 1, 1)
datetime.max = datetime(9999, 12, 31, 23, 59, 59, 999999)
datetime.resolution = timedelta(microseconds=1)

_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
_EPOCH_NAIVE = datetime(1970, 1, 1)
