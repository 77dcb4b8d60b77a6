# BytesIO: writing past the end, seeking, reading lines, truncating, readinto, closed streams.
import io

b = io.BytesIO()
print(b.write(b'first line\n'), b.write(bytearray(b'second\n')), b.write(memoryview(b'third')))
print(b.tell(), b.getvalue())
print(b.seek(0), b.readline(), b.readline(4), b.readline(), b.readline(), b.readline())
b.seek(0)
print(list(b))
b.seek(0)
print(b.readlines(), b.read(), b.read(5))
print(b.seek(3), b.seek(2, io.SEEK_CUR), b.seek(-3, io.SEEK_END), b.read())
print(b.seek(30), b.write(b'!'), b.getvalue())
print(b.truncate(5), b.tell(), b.getvalue(), b.truncate(), b.getvalue())
print(b.readable(), b.writable(), b.seekable(), b.isatty(), b.closed)
for bad in [lambda: b.seek(-1), lambda: b.seek(0, 3), lambda: b.truncate(-2), lambda: b.write('text'),
            lambda: b.fileno(), lambda: b.detach()]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
src = io.BytesIO(b'0123456789')
buf = bytearray(4)
print(src.readinto(buf), buf, src.read1(2), src.readinto(memoryview(buf)[1:]), buf, src.readinto(buf), buf)
with io.BytesIO(b'ctx') as c:
    print(c.read())
print(c.closed)
for bad in [c.read, c.getvalue, c.tell, lambda: c.write(b'x'), c.readline, lambda: iter(c)]:
    try:
        bad()
    except ValueError as e:
        print('ValueError', e)
b2 = io.BytesIO(b'abc')
b2.__init__(b'xyz')
print(b2.read(), io.BytesIO(None).getvalue(), io.BytesIO(initial_bytes=b'kw').getvalue())
