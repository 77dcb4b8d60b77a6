# The list-like methods and the byte-level ones.
import array

e = array.array('i', [1, 2])
e.insert(0, 5)
e.insert(-10, 6)
e.insert(100, 7)
print(e, e.count(5), e.index(7), e.index(5, 1), 5 in e, 99 in e, len(e))
e.remove(5)
print(e, e.pop(), e.pop(0), e)
e.reverse()
print(e, e.tolist(), e.tobytes())
e.extend(e)
print(e)
f = array.array('h', [1, 256, -2])
f.byteswap()
print(f)
g = array.array('d', [1.0, 2.0, float('nan')])
print(g.count(2), g.index(2), g.count(float('nan')), 2 in g)
print(array.array('q', [2**62]).index(2**62), array.array('Q', [2**64 - 1]).tolist())
b = array.array('B')
b.frombytes(b'\x01\x02\x03')
b.fromlist([4, 5])
print(b, b.tobytes(), bytes(b))
c = array.array('i', [3, 1, 2])
print(c.__copy__(), c.__deepcopy__({}), sorted(c), list(reversed(c)), max(c), sum(c))
for call in ((c.pop, 10), (array.array('i').pop,), (c.remove, 42), (c.index, 42), (c.index, 3, 1),
             (c.frombytes, b'abc'), (c.fromlist, (1,)), (array.array('f').tounicode,), (c.fromunicode, 'x'),
             (c.__getitem__, 10), (c.__setitem__, 10, 1), (c.__getitem__, 'x'), (c.__delitem__, 5)):
    try:
        call[0](*call[1:])
    except (IndexError, ValueError, TypeError) as ex:
        print(type(ex).__name__, ex)
print(array.array('i', [1, 2, 3]).__reduce_ex__(2))
try:
    hash(c)
except TypeError as ex:
    print('TypeError:', ex)
