# open() on a descriptor (closefd decides who closes it) and through an opener.
import os

p = '/tmp/pml_io_fd.txt'
fd = os.open(p, os.O_RDWR | os.O_CREAT | os.O_TRUNC, 0o644)
f = open(fd, 'w', closefd=False)
print(f.name == fd, f.mode, f.buffer.raw.closefd)
f.write('through a descriptor\n')
f.close()
print(os.lseek(fd, 0, os.SEEK_CUR), os.fstat(fd).st_size)
with open(fd, 'r') as g:
    g.seek(0)
    print(repr(g.read()))
try:
    os.fstat(fd)
except OSError as e:
    print('OSError:', e.strerror)
calls = []
def opener(path, flags):
    calls.append((path, flags & os.O_ACCMODE))
    return os.open(path, flags)
with open(p, 'a', opener=opener) as h:
    h.write('via opener\n')
with open(p, opener=opener) as h:
    print(h.read().splitlines())
print(calls)
try:
    open(p, opener=lambda path, flags: -1)
except ValueError as e:
    print('ValueError:', e)
try:
    open(-1)
except ValueError as e:
    print('ValueError:', e)
os.remove(p)
