# What open() refuses and the errors of closed and wrong-direction files, with CPython's words.
import io
import os

d = '/tmp/pml_io_errdir'
os.mkdir(d)
p = d + '/file.txt'
with open(p, 'w') as f:
    f.write('data\n')

def attempt(label, fn):
    try:
        r = fn()
    except Exception as e:
        print(label, '->', type(e).__name__, e)
    else:
        print(label, '->', repr(r))

for mode in ['rr', 'q', 'rw', 'tb', '', '+', 'rt+b', 'wx', 'bt']:
    attempt(f'mode {mode!r}', lambda: open(p, mode))
attempt('binary encoding', lambda: open(p, 'rb', encoding='utf-8'))
attempt('binary errors', lambda: open(p, 'rb', errors='strict'))
attempt('binary newline', lambda: open(p, 'rb', newline=''))
attempt('unbuffered text', lambda: open(p, buffering=0))
attempt('bad newline', lambda: open(p, newline='x'))
attempt('bad encoding', lambda: open(p, encoding='no-such-codec'))
attempt('list', lambda: open([]))
attempt('float', lambda: open(1.5))
attempt('closefd', lambda: open(p, closefd=False))
attempt('missing', lambda: open(d + '/missing.txt'))
attempt('missing dir', lambda: open(d + '/nodir/x.txt', 'w'))
attempt('directory', lambda: open(d))
attempt('directory w', lambda: open(d, 'w'))
attempt('under a file', lambda: open(p + '/x'))
attempt('exclusive', lambda: open(p, 'x'))

r = open(p)
attempt('write on reader', lambda: r.write('x'))
attempt('nonzero cur seek', lambda: r.seek(1, 1))
attempt('nonzero end seek', lambda: r.seek(-1, 2))
attempt('negative seek', lambda: r.seek(-1))
attempt('bad whence', lambda: r.seek(0, 5))
r.close()
for name in ['read', 'readline', 'tell', 'write', 'fileno', 'flush']:
    attempt('closed text ' + name, lambda: getattr(r, name)() if name != 'write' else r.write('x'))
attempt('closed text next', lambda: next(r))
b = open(p, 'rb')
attempt('write on binary reader', lambda: b.write(b'x'))
b.close()
for name in ['read', 'readline', 'peek', 'tell', 'seek']:
    attempt('closed binary ' + name, lambda: getattr(b, name)(0) if name == 'seek' else getattr(b, name)())
w = open(p, 'ab')
attempt('read on writer', lambda: w.read())
attempt('write str to binary', lambda: w.write('text'))
w.close()
attempt('write to closed', lambda: w.write(b'x'))
fio = io.FileIO(p)
attempt('FileIO write', lambda: fio.write(b'x'))
attempt('FileIO bad whence', lambda: fio.seek(0, 7))
fio.close()
attempt('FileIO closed read', lambda: fio.read())
t = open(p, 'w')
attempt('text write bytes', lambda: t.write(b'bytes'))
attempt('text read on writer', lambda: t.read())
t.close()
os.remove(p)
os.rmdir(d)
