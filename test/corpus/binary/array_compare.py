# Comparisons item by item (across typecodes too), concatenation and repetition.
import array

a = array.array('i', [1, 2, 3])
for other in (array.array('i', [1, 2, 3]), array.array('i', [1, 2, 4]), array.array('i', [1, 2]),
              array.array('d', [1.0, 2.0, 3.0]), array.array('b', [0]), array.array('i')):
    print(other, a == other, a != other, a < other, a <= other, a > other, a >= other)
print(a == [1, 2, 3], a != (1, 2, 3))
try:
    a < [1]
except TypeError as e:
    print('TypeError:', e)
print(array.array('u', 'ab') == array.array('u', 'ab'), array.array('u', 'ab') < array.array('u', 'b'))
print(array.array('d', [float('nan')]) == array.array('d', [float('nan')]))
print(a + array.array('i', [4]), a * 2, 2 * a, a * 0, a * -1)
for other in ([4], array.array('h', [4]), 'x'):
    try:
        a + other
    except TypeError as e:
        print('TypeError:', e)
try:
    a += [1]
except TypeError as e:
    print('TypeError:', e)
try:
    a.extend(array.array('d', [1.0]))
except TypeError as e:
    print('TypeError:', e)
print(bool(array.array('b')), bool(a), len(a * 3), list(iter(a)), [x for x in reversed(a)])
it = iter(a)
print(next(it), list(it), list(it))
