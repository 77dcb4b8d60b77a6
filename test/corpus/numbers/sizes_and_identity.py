import sys

# int sizes follow the number of 30-bit digits
for e in (0, 1, 29, 30, 31, 59, 60, 61, 90, 100, 1000, 10000):
    n = 2 ** e
    print(e, sys.getsizeof(n), sys.getsizeof(-n), (n).__sizeof__())
print(sys.getsizeof(0), sys.getsizeof(True), sys.getsizeof(False), sys.getsizeof(-1))
print(sys.getsizeof(1.5), sys.getsizeof(1j), sys.getsizeof(float('inf')))

# the small-int cache: -5..256 are shared, others are built each time
a = [int(s) for s in ('-6', '-5', '0', '255', '256', '257', '1000')]
b = [int(s) for s in ('-6', '-5', '0', '255', '256', '257', '1000')]
print([x is y for x, y in zip(a, b)])
x = 300
y = x + 0
print(x == y, x is y)
one = 1
print(int(True) is one, (5 > 3) is True, bool(7) is True)

# a dead float's memory is reused by the next float (its free list)
f = float('1.25')
addr = id(f)
del f
g = float('2.5')
print(id(g) == addr)
ids = set()
for i in range(5):
    ids.add(id(float(i) + 0.5))
print(len(ids))
