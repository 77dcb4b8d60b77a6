# array_resize's over-allocation seen through sys.getsizeof and buffer_info while appending.
import array, sys

for code in 'bhiqd':
    a = array.array(code)
    seen = []
    last = None
    for i in range(300):
        size = sys.getsizeof(a)
        if size != last:
            seen.append((len(a), size))
            last = size
        a.append(i % 100)
    print(code, a.itemsize, seen)
    print(code, a.buffer_info()[1], len(a), sys.getsizeof(a), a.__sizeof__())
a = array.array('b')
for i in range(40):
    a.insert(0, i % 100)
print(len(a), sys.getsizeof(a), a[:5])
a = array.array('H')
a.extend(range(1000))
print(sys.getsizeof(a))
a.extend(array.array('H', range(100)))
print(sys.getsizeof(a))
a.fromlist(list(range(7)))
print(sys.getsizeof(a))
a.frombytes(b'\x01\x00' * 3)
print(sys.getsizeof(a), len(a))
