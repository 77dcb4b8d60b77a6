# printf-style formatting of str and bytes.
print("%s|%r|%a" % ("é", "é", "é"))
print("%5d|%-5d|%05d|%+d|% d|%.3d" % (42, 42, 42, 42, 42, 42))
print("%x %X %#x %#o %o" % (255, 255, 255, 8, 8))
print("%f %.2f %10.3f %-10.1f| %e %E %g %G" % (3.14159, 3.14159, 3.14159, 3.14159, 12345.678, 0.000123, 1e-5, 1e20))
print("%c%c%c" % (72, "i", 33), "%%", "%(a)s=%(b)05.1f" % {"a": "pi", "b": 3.14159})
print("%*d|%-*d|%.*f" % (6, 1, 6, 2, 2, 2.71828))
print("%s" % (1,), "%s" % ((1, 2),), "%s" % [1, 2], "abc" % [])
print(b"%s %d %x %c %c %r" % (b"ab", 5, 255, 65, b"z", "q"))
print(bytearray(b"%05.1f") % 2.25)
for fmt, args in [("%d", "x"), ("%s %s", (1,)), ("%s", (1, 2)), ("%z", 1), ("%", ()), ("%(a)s", 1), ("%c", 1114112), ("%x", 1.5)]:
    try:
        print(fmt % args)
    except (TypeError, ValueError, OverflowError) as e:
        print(repr(fmt), type(e).__name__, e)
