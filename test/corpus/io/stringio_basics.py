# StringIO: text in memory, print(file=...), seek/tell in characters, truncate, iteration.
import io
import sys

s = io.StringIO()
print('alpha', 42, sep=':', file=s)
print('beta', end='|', file=s)
s.write('gamma\n')
s.writelines(['d\n', 'e\n'])
print(repr(s.getvalue()), s.tell())
s.seek(0)
print(repr(s.readline()), repr(s.readline(3)), repr(s.read(4)), s.tell())
print(s.readlines())
s.seek(0)
print([line for line in s])
print(s.seek(0, 2), s.seek(0, 1), s.seek(3))
print(s.write('XY'), repr(s.getvalue()))
print(s.truncate(), repr(s.getvalue()), s.tell())
s.seek(10)
s.write('!')
print(repr(s.getvalue()))
u = io.StringIO('héllo wörld ✓ \U0001f600')
print(u.read(3), u.tell(), u.read(), u.tell(), len(u.getvalue()))
print(sys.getsizeof(io.StringIO()), sys.getsizeof(u))
print(u.readable(), u.writable(), u.seekable(), u.isatty(), u.line_buffering, u.encoding, u.errors, u.newlines)
for bad in [lambda: u.seek(1, 1), lambda: u.seek(-1), lambda: u.seek(0, 9), lambda: u.write(b'x'),
            lambda: io.StringIO(b'x'), lambda: io.StringIO('', newline=5), lambda: io.StringIO('', newline='x'),
            lambda: u.truncate(-1), u.fileno, u.detach]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
u.close()
for bad in [u.read, u.getvalue, lambda: u.write('x'), u.tell]:
    try:
        bad()
    except ValueError as e:
        print('ValueError', e)
with io.StringIO('a\nb') as ctx:
    print(ctx.readlines())
print(ctx.closed)
