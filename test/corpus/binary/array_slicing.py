# Slices copy exactly; slice assignment and deletion resize under array_resize's rules.
import array, sys

b = array.array('q', range(5))
print(sys.getsizeof(b))
b[1:3] = array.array('q', [7, 8, 9, 10])
print(b, sys.getsizeof(b))
del b[::2]
print(b, sys.getsizeof(b))
b *= 3
print(b, sys.getsizeof(b))
print(b * 2, sys.getsizeof(b * 2), sys.getsizeof(b[2:5]), sys.getsizeof(b[::3]))
b += b
print(len(b), sys.getsizeof(b))
a = array.array('i', range(10))
print(a[2:8:2], a[::-1], a[-3:], a[5:2], a[100:])
a[::2] = array.array('i', [0] * 5)
print(a)
a[2:2] = array.array('i', [-1, -2])
print(a, sys.getsizeof(a))
a[:] = a
print(a)
del a[1:4]
print(a, sys.getsizeof(a))
del a[:]
print(a, sys.getsizeof(a), a.buffer_info()[1])
a = array.array('i', range(40))
del a[:30]
print(len(a), sys.getsizeof(a))
for key, value in ((slice(0, 1), [1]), (slice(0, 1), array.array('h', [1])), (slice(None, None, 2), array.array('i', [1]))):
    try:
        a[key] = value
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
