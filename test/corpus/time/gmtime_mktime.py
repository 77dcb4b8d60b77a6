# gmtime/localtime/mktime agree with the proleptic Gregorian calendar (zone UTC).
import time

for s in (-86400 * 365 * 3000, -1, 0, 951782400, 1e9, 1.7, -1.5, 4102444800, 253402300799):
    print(s, time.gmtime(s)[:], time.mktime(time.gmtime(s)))
print(time.localtime(123456789) == time.gmtime(123456789))
print(time.mktime((2020, 1, 1, 0, 0, 0, 0, 1, 0)), time.mktime((2020, 13, 1, 0, 0, 0, 0, 1, 0)))
print(time.mktime((2021, 2, 29, 25, 61, 0, 0, 0, -1)))
print(time.ctime(0), '|', time.asctime(time.gmtime(1e9)))
print(time.asctime((2020, 0, 0, 0, 0, 0, 0, 0, 0)), '|', time.asctime((2020, 1, 1, 0, 0, 0, -1, 1, 0)))
for bad in ('x', float('nan'), 1e300, 10 ** 30, None.__class__):
    try:
        print(time.gmtime(bad))
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__, e)
for f in (time.asctime, time.mktime, lambda t: time.strftime('%Y', t)):
    for a in ((1, 2, 3), [2020, 1, 1, 0, 0, 0, 0, 1, 0], (2020, 1, 1, 0, 0, 0.5, 0, 1, 0), (2020, 13, 1, 0, 0, 0, 0, 1, 0),
              (2020, 1, 32, 0, 0, 0, 0, 1, 0), (2020, 1, 1, 25, 0, 0, 0, 1, 0), (2020, 1, 1, 0, 60, 0, 0, 1, 0),
              (2020, 1, 1, 0, 0, 62, 0, 1, 0), (2020, 1, 1, 0, 0, 0, -2, 1, 0), (2020, 1, 1, 0, 0, 0, 0, 367, 0), 'x'):
        try:
            print(repr(f(a)))
        except (TypeError, ValueError) as e:
            print(type(e).__name__, e)
