# bytearray(list) and bytearray(tuple) of exact ints are allocated at their exact size; a
# sequence holding anything else (bools, ints of a subclass) grows item by item like an iterator.
import sys


class MyInt(int):
    pass


for source in ([1] * 1000, (1,) * 1000, [True] * 1000, [MyInt(1)] * 1000, iter([1] * 1000), range(200), [], ()):
    b = bytearray(source)
    print(type(source).__name__, len(b), sys.getsizeof(b))

for bad in ([1, 300, "x"], [1, "x", 300], (1, -1), [2 ** 70]):
    try:
        bytearray(bad)
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__, e)

b = bytearray(b"abc")
b.__init__([7, 8])
print(b, sys.getsizeof(b))
