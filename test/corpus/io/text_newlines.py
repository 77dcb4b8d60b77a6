# newline= for files: what reaches the disk, what reading returns, and .newlines.
import os

p = '/tmp/pml_io_nl.txt'
with open(p, 'wb') as f:
    f.write(b'unix\nwindows\r\nmac\rend')
for newline in [None, '', '\n', '\r', '\r\n']:
    with open(p, newline=newline) as f:
        lines = f.readlines()
        print(repr(newline), lines, repr(f.newlines))
with open(p) as f:
    print(repr(f.read()), repr(f.newlines))
for newline in [None, '', '\n', '\r', '\r\n']:
    with open(p, 'w', newline=newline) as f:
        f.write('a\nb\r\nc')
    print(repr(newline), open(p, 'rb').read())
os.remove(p)
