# Storage shrinks only when 16 or more items go at once.
import array, sys

c = array.array('b', range(20))
sizes = []
for i in range(18):
    c.pop()
    sizes.append(sys.getsizeof(c))
print(sizes)
d = array.array('i', range(100))
print(sys.getsizeof(d))
del d[80:]
print(len(d), sys.getsizeof(d))
del d[70:]
print(len(d), sys.getsizeof(d))
del d[60:]
print(len(d), sys.getsizeof(d))
d.pop()
print(len(d), sys.getsizeof(d))
e = array.array('d', [0.0] * 50)
e[10:40] = array.array('d')
print(len(e), sys.getsizeof(e))
e *= 0
print(len(e), sys.getsizeof(e), e.buffer_info()[1])
f = array.array('h', range(30))
f.extend(array.array('h'))
print(sys.getsizeof(f))
