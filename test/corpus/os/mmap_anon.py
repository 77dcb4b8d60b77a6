# An anonymous mmap: reading, writing, seeking, searching, slicing, resizing, the buffer
# protocol and CPython's errors.
import mmap
import struct


def attempt(what, f):
    try:
        print(what, repr(f()))
    except Exception as e:
        print(what, type(e).__name__, e)


m = mmap.mmap(-1, 16)
print(m)
print(len(m), m.tell(), m.closed, m[:4])
print(m.write(b'hello, '), m.tell())
m.write(b'world\n')
attempt('write past end', lambda: m.write(b'too long!'))
m.write_byte(ord('!'))
print(m.tell(), m[:])
m.seek(0)
print(m.read(5), m.read_byte(), m.tell())
print(m.readline(), m.readline(), m.readline())
attempt('read_byte at end', m.read_byte)
m.seek(-3, 2)
print(m.tell(), m.read())
m.seek(2)
m.seek(3, 1)
print(m.tell())
attempt('seek -1', lambda: m.seek(-1))
attempt('seek past', lambda: m.seek(17))
attempt('whence 3', lambda: m.seek(0, 3))
attempt('size', m.size)

m.seek(0)
print(m.find(b'o'), m.find(b'o', 5), m.rfind(b'o'), m.find(b'xyz'), m.find(b'o', -5), m.rfind(b'l', 0, 4))
m.seek(8)
print('from pos', m.find(b'o'), m.rfind(b'l'))
attempt('find str', lambda: m.find('o'))

print(m[0], m[-1], m[7:12], m[::3], m[100:])
m[0] = ord('H')
m[7:12] = b'WORLD'
m[1:5:2] = b'EL'
print(m[:])
attempt('index', lambda: m[16])
attempt('key', lambda: m['a'])
attempt('value', lambda: m.__setitem__(0, 256))
attempt('value type', lambda: m.__setitem__(0, b'x'))
attempt('slice size', lambda: m.__setitem__(slice(0, 2), b'abc'))
attempt('delete', lambda: m.__delitem__(0))

m.move(0, 7, 5)
print(m[:])
attempt('move', lambda: m.move(12, 0, 5))

m.resize(24)
print(len(m), m[:])
m.resize(8)
print(len(m), m[:], m.tell())
attempt('resize -1', lambda: m.resize(-1))

view = memoryview(m)
struct.pack_into('<ih', m, 0, 1_000_000, -2)
print(struct.unpack_from('<ih', m, 0), view[:6].tobytes(), view.readonly, view.nbytes)
attempt('resize exported', lambda: m.resize(4))
attempt('close exported', m.close)
view.release()
print(m.flush(), m.madvise(mmap.MADV_NORMAL))

with mmap.mmap(-1, 4) as n:
    n[:] = b'abcd'
    print(n[:], n.closed)
print(n.closed, n)
attempt('closed read', n.read)
attempt('closed len', lambda: len(n))
n.close()

r = mmap.mmap(-1, 8, access=mmap.ACCESS_READ)
print(r, memoryview(r).readonly)
attempt('readonly write', lambda: r.write(b'x'))
attempt('readonly item', lambda: r.__setitem__(0, 1))
attempt('readonly resize', lambda: r.resize(3))
attempt('readonly pack', lambda: struct.pack_into('b', r, 0, 1))
c = mmap.mmap(-1, 8, access=mmap.ACCESS_COPY)
c[0] = 7
print(c, c[:2])
attempt('copy resize', lambda: c.resize(3))
print(mmap.mmap(-1, 8, flags=mmap.MAP_PRIVATE, prot=mmap.PROT_READ))

attempt('length -1', lambda: mmap.mmap(-1, -1))
attempt('length 0', lambda: mmap.mmap(-1, 0))
attempt('offset -1', lambda: mmap.mmap(-1, 10, offset=-1))
attempt('offset 1', lambda: mmap.mmap(-1, 10, offset=1))
attempt('bad fd', lambda: mmap.mmap(99, 10))
attempt('access', lambda: mmap.mmap(-1, 10, access=7))
attempt('both', lambda: mmap.mmap(-1, 10, flags=mmap.MAP_PRIVATE, access=mmap.ACCESS_READ))
print(mmap.error is OSError, mmap.PAGESIZE, mmap.ALLOCATIONGRANULARITY, mmap.MAP_SHARED, mmap.MAP_PRIVATE, mmap.ACCESS_COPY)
