# strftime's directives in the C locale, and strptime's basic directives.
import time

t = time.gmtime(10 ** 9)
print(time.strftime('%a %A %b %B %c %C %d %D %e %F %G %g %H %I %j %k %l %m %M %p %P %r %R %s %S %T %u %U %V %w %W %x %X %y %Y %z %Z %% %Q %', t))
print(repr(time.strftime('%n%t', t)))
print(repr(time.strftime('%Z|%z', (2020, 1, 1, 0, 0, 0, 0, 1, 0))), repr(time.strftime('%Z', time.localtime(0))))
print(repr(time.strftime('%Y|%y|%C|%G', (999, 1, 1, 0, 0, 0, 0, 1, 0))), repr(time.strftime('%Y', (12345, 1, 1, 0, 0, 0, 0, 1, 0))))
for y in (2004, 2005, 2008, 2010, 2020, 2021):
    for d in ((y, 1, 1), (y, 1, 3), (y, 12, 28), (y, 12, 31)):
        t = time.gmtime(time.mktime(d + (0, 0, 0, 0, 0, 0)))
        print(d, time.strftime('%G-%V %U %W %j %u %w %a %I%p', t))
for h in (0, 11, 12, 13, 23):
    print(h, time.strftime('%I %l %p', (2020, 1, 1, h, 0, 0, 0, 1, 0)))
print(time.strptime('2020-03-04 05:06:07', '%Y-%m-%d %H:%M:%S'))
print(time.strptime('Mar 4 2021 3PM', '%b %d %Y %I%p'))
print(time.strptime('100', '%j'))
print(time.strptime('Thu Jan  1 00:00:00 1970'))
print(time.strptime('friday 12 december 99', '%A %d %B %y'))
print(time.strptime('30/06/68 12:00 AM', '%d/%m/%y %I:%M %p'))
p = time.strptime('2020-01-01 +0130 UTC', '%Y-%m-%d %z %Z')
print(p, p.tm_zone, p.tm_gmtoff)
for s, f in (('2020-03-04x', '%Y-%m-%d'), ('20', '%Y-%m-%d'), ('20', '%q'), ('x', 'a%'), ('2021-02-29', '%Y-%m-%d')):
    try:
        time.strptime(s, f)
    except ValueError as e:
        print('ValueError', e)
try:
    time.strftime(1)
except TypeError as e:
    print('TypeError', e)
