# struct_time: nine visible fields, two hidden ones, tuple behaviour and its errors.
import sys
import time

t = time.gmtime(0)
print(t)
print(len(t), t[:3], t[-1], t.tm_wday, t.tm_yday)
print(t.tm_zone, t.tm_gmtoff, time.localtime(0).tm_zone)
print(sys.getsizeof(t), time.struct_time.n_fields, time.struct_time.n_sequence_fields, time.struct_time.n_unnamed_fields)
print(t == (1970, 1, 1, 0, 0, 0, 3, 1, 0), isinstance(t, tuple))
print(time.struct_time.__module__, time.struct_time.__name__, type(t).__mro__)
u = time.struct_time((2020, 1, 2, 3, 4, 5, 6, 7, 0))
print(u, u.tm_zone, u.tm_gmtoff)
print(time.struct_time((1, 2, 3, 4, 5, 6, 7, 8, 9, 'X', 5)).tm_zone)
for bad in ((1, 2, 3), tuple(range(12))):
    try:
        time.struct_time(bad)
    except TypeError as e:
        print('TypeError', e)
year, mon, *rest = time.gmtime(10 ** 9)
print(year, mon, rest)
print(time.tzname, time.timezone, time.altzone, time.daylight)
