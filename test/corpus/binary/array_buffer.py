# An array lends its storage to memoryview; while lent it cannot be resized.
import array, struct

a = array.array('i', [1, 2, 3])
m = memoryview(a)
print(m.format, m.itemsize, m.nbytes, m.shape, m.strides, m.readonly, m.tolist())
for op in (lambda: a.append(4), lambda: a.extend([1]), lambda: a.pop(), lambda: a.remove(1),
           lambda: a.frombytes(b'\x00' * 4), lambda: a.fromlist([1]), lambda: a.insert(0, 1),
           lambda: a.__delitem__(0), lambda: a.__iadd__(array.array('i', [1])), lambda: a.__imul__(2),
           lambda: a.__delitem__(slice(0, 0))):
    try:
        op()
        print('ok')
    except BufferError as e:
        print('BufferError:', e)
a[0] = 9
a[0:1] = array.array('i', [8])
a.reverse()
a.byteswap()
a.byteswap()
a *= 1
print(a, m.tolist())
m[1] = 42
print(a)
m.release()
a.append(5)
print(a)
with memoryview(a) as m2:
    print(m2.cast('B')[:4].tolist(), bytes(m2[:1]))
a.append(6)
d = array.array('d', [1.5, 2.5])
print(memoryview(d).tolist(), struct.unpack_from('<d', d, 8), bytes(d)[:8].hex())
buf = array.array('b', [0] * 8)
struct.pack_into('<h', buf, 2, -2)
print(buf)
print(bytearray(array.array('h', [1, 2])), bytes(array.array('B', [65, 66])))
x = array.array('b', [1, 2])
x.frombytes(array.array('b', [3, 4]))
print(x)
try:
    x.frombytes(x)
except BufferError as e:
    print('BufferError:', e)
