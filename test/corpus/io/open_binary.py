# Binary files: the buffered reader and writer, readinto a bytearray and a memoryview, peek and
# read1, unbuffered FileIO, seeking relative to the end.
import os

p = '/tmp/pml_io_bin.dat'
with open(p, 'wb') as f:
    print(f.write(bytes(range(16))), f.write(b'\xff' * 4), f.tell())
with open(p, 'rb') as f:
    print(f.read(4), f.tell(), f.peek(2)[:2], f.read1(3), f.tell())
    buf = bytearray(5)
    print(f.readinto(buf), buf)
    view = memoryview(buf)
    print(f.readinto(view[2:4]), buf)
    print(f.seek(-3, 2), f.read(), f.read(), f.tell())
with open(p, 'ab') as f:
    f.write(b'END')
with open(p, 'r+b') as f:
    f.seek(2)
    f.write(b'\x00\x00')
    f.seek(0)
    print(f.read(6))
    print(f.seek(0, 2), f.tell())
with open(p, 'rb', buffering=0) as raw:
    print(type(raw).__name__, raw.read(3), raw.readall()[-3:], raw.read())
    raw.seek(0)
    target = bytearray(8)
    print(raw.readinto(target), target)
with open(p, 'rb') as f:
    lines = f.readlines()
    print(len(lines), lines[-1][-3:])
with open(p, 'wb') as f:
    f.write(b'a\nbb\nccc')
with open(p, 'rb') as f:
    print(list(f))
os.unlink(p)
