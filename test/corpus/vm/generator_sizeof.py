# A generator's size counts its suspended frame: one slot per local variable and per entry of the
# value stack its code needs, whether it has started, is paused or has finished.
import sys


def one():
    yield 1


def with_locals(a, b):
    total = a + b
    for i in range(total):
        yield i * a


squares = (n * n for n in range(10))
print(sys.getsizeof(one()), sys.getsizeof(with_locals(1, 2)), sys.getsizeof(squares))
g = with_locals(2, 3)
before = sys.getsizeof(g)
next(g)
paused = sys.getsizeof(g)
list(g)
print(before == paused == sys.getsizeof(g), g.__sizeof__() == before - 16)
