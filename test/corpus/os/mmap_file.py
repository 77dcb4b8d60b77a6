# A file mapped with mmap: shared writes reach the file, private ones do not, resize grows the
# file, and the access modes and open modes decide what may be mapped.
import mmap
import os
import tempfile


def attempt(what, f):
    try:
        print(what, repr(f()))
    except Exception as e:
        print(what, type(e).__name__, e)


d = tempfile.mkdtemp()
path = os.path.join(d, 'data.bin')
with open(path, 'wb') as f:
    f.write(b'0123456789' * 3)


def content():
    with open(path, 'rb') as f:
        return f.read()


with open(path, 'r+b') as f:
    m = mmap.mmap(f.fileno(), 0)
    print(m, m.size(), len(m))
    m[0:5] = b'HELLO'
    print('shared write seen by read():', content()[:10])
    f.seek(20)
    f.write(b'abc')
    f.flush()
    print('file write seen by the map:', m[20:23])
    print(m.flush(), m.flush(0, 10))
    attempt('flush unaligned', lambda: m.flush(1, 10))
    attempt('flush range', lambda: m.flush(0, 100))
    m.resize(40)
    print('resized', os.path.getsize(path), m.size(), len(m))
    m[35:40] = b'vwxyz'
    m.resize(36)
    print('shrunk', os.path.getsize(path), m[30:])
    m.close()
print(content())

with open(path, 'r+b') as f:
    attempt('too long', lambda: mmap.mmap(f.fileno(), 100))
    attempt('offset beyond', lambda: mmap.mmap(f.fileno(), 0, offset=8192))
    attempt('offset unaligned', lambda: mmap.mmap(f.fileno(), 4, offset=3))
    ro = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
    print(ro, ro[:5])
    cp = mmap.mmap(f.fileno(), 5, access=mmap.ACCESS_COPY)
    cp[0:1] = b'Z'
    print(cp, cp[:5], cp.flush(), content()[:5])
    pr = mmap.mmap(f.fileno(), 5, flags=mmap.MAP_PRIVATE)
    pr[0:1] = b'Q'
    print(pr[:5], content()[:5])
    wr = mmap.mmap(f.fileno(), 5, access=mmap.ACCESS_WRITE)
    wr[0:1] = b'W'
    print(wr, content()[:5])
print('after the file closed:', wr[:5], wr.size())
for x in (ro, cp, pr, wr):
    x.close()

with open(os.path.join(d, 'empty'), 'wb+') as e:
    attempt('empty file', lambda: mmap.mmap(e.fileno(), 0))
with open(path, 'rb') as r:
    attempt('read-only fd shared', lambda: mmap.mmap(r.fileno(), 0))
    attempt('read-only fd, ACCESS_READ', lambda: mmap.mmap(r.fileno(), 0, access=mmap.ACCESS_READ)[:3])
    attempt('read-only fd, PROT_READ', lambda: mmap.mmap(r.fileno(), 0, prot=mmap.PROT_READ)[:3])
    attempt('read-only fd, ACCESS_COPY', lambda: mmap.mmap(r.fileno(), 0, access=mmap.ACCESS_COPY)[:3])
with open(path, 'ab') as w:
    attempt('append fd', lambda: mmap.mmap(w.fileno(), 0))

# The mapping keeps its own descriptor.
fd = os.open(path, os.O_RDWR)
m = mmap.mmap(fd, 0)
nxt = os.open(path, os.O_RDONLY)
print('descriptors', nxt - fd)
os.close(nxt)
m.close()
nxt = os.open(path, os.O_RDONLY)
print('after close', nxt - fd)
os.close(nxt)
os.close(fd)
