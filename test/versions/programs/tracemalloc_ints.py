# The size tracemalloc records for a one-digit int: sizeof(PyLongObject), padding included, where
# _PyLong_FromMedium makes it (3.11+), the header and one digit before; sys.getsizeof says 28 in both.
# (Blocks of 50 bytes and more are left out: a comprehension's list may come from a free list.)
import sys
import tracemalloc

tracemalloc.start()
numbers = list(range(10**6, 10**6 + 500))
doubled = [n * 2 for n in numbers]
negated = [-n for n in numbers]
summed = [n + 7 for n in numbers]
snapshot = tracemalloc.take_snapshot()
for line in range(8, 12):
    small = [t.size for t in snapshot.traces if t.traceback[0].lineno == line and t.size < 50]
    print(line, sorted(set(small)), len(small) >= 500, sys.getsizeof(numbers[0]))
tracemalloc.stop()
