# open() in text mode: w, r, a, x, r+, w+, a+; tell/seek positions; reading lines.
import os

p = '/tmp/pml_io_text.txt'
with open(p, 'w') as f:
    print(f.write('line 1\nline 2\n'), f.tell())
    f.writelines(['line 3\n', 'line 4'])
with open(p) as f:
    print(repr(f.read()))
with open(p, 'r') as f:
    print(repr(f.readline()), f.tell(), repr(f.read(4)), f.tell(), f.readlines())
with open(p, 'a') as f:
    print(f.tell(), f.write('\nappended\n'), f.tell())
with open(p) as f:
    for n, line in enumerate(f, 1):
        print(n, repr(line))
try:
    open(p, 'x')
except FileExistsError as e:
    print('FileExistsError:', e)
with open(p, 'r+') as f:
    print(repr(f.read(6)))
    f.seek(0)
    f.write('LINE')
    print(f.tell())
    f.seek(0)
    print(repr(f.readline()))
with open(p, 'w+') as f:
    print(repr(f.read()))
    f.write('fresh\ncontent\n')
    f.seek(0)
    print(f.readlines())
with open(p, 'a+') as f:
    print(repr(f.read()), f.tell())
    f.write('tail\n')
    f.seek(0)
    print(repr(f.read()))
q = '/tmp/pml_io_new.txt'
with open(q, 'x') as f:
    f.write('exclusive')
print(open(q).read(), os.path.getsize(q))
with open(p) as f:
    print(f.seek(0, 2), repr(f.read()), f.seek(6), repr(f.read(3)))
os.remove(p)
os.remove(q)
