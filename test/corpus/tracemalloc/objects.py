# The blocks tracemalloc sees for objects of each kind: instances and their dicts, __slots__
# instances, strings of each width, tuples and lists past the free lists' sizes, and a snapshot
# written to a file and read back.
import os
import tempfile
import tracemalloc


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


class Slotted:
    __slots__ = ('a', 'b', 'c')


def sizes_at(snapshot, line):
    return sorted(t.size for t in snapshot.traces if t.traceback[0].lineno == line and t.size != 48)


tracemalloc.start(2)
mine = tracemalloc.Filter(True, __file__)
points = [Point(i, -i) for i in range(10**6, 10**6 + 3)]
slotted = [Slotted() for _ in range(3)]
words = ['a' * 600, '\u00e9' * 600, '\u20ac' * 300, '\U0001f600' * 200]
wide = tuple(range(10**6, 10**6 + 30))
long_list = [None] * 700
points[0].z = 'extra'
snapshot = tracemalloc.take_snapshot().filter_traces([mine])
for line in range(24, 31):
    print(line, sizes_at(snapshot, line)[-6:], len(sizes_at(snapshot, line)))

path = os.path.join(tempfile.mkdtemp(), 'snap.pickle')
snapshot.dump(path)
loaded = tracemalloc.Snapshot.load(path)
print('loaded', len(loaded.traces) == len(snapshot.traces), loaded.traceback_limit,
      sum(t.size for t in loaded.traces) == sum(t.size for t in snapshot.traces))
top = loaded.statistics('traceback')[0]
print('top', top.size, top.count, [f.lineno for f in top.traceback])
os.remove(path)
tracemalloc.stop()
