# tracemalloc sees each large block with its requested size and the line that asked for it.
import tracemalloc

def build(n):
    return bytearray(n)

def grow(items, n):
    for i in range(n):
        items.append(i)
    return items

print(tracemalloc.is_tracing())
tracemalloc.start()
print(tracemalloc.is_tracing(), tracemalloc.get_traceback_limit())
first = tracemalloc.take_snapshot()
a = build(100000)
b = bytes(50000)
c = grow([], 5000)
second = tracemalloc.take_snapshot()
for diff in second.compare_to(first, 'lineno'):
    if diff.size_diff >= 1000:
        print(diff.traceback[0].lineno, diff.size_diff, diff.count_diff, diff.count)
for stat in second.statistics('filename'):
    if stat.size >= 100000:
        print('one file', stat.size // 100000)
for stat in second.statistics('traceback'):
    if stat.size >= 50000:
        print(len(stat.traceback), stat.traceback[0].lineno, stat.size, stat.count)

before = tracemalloc.get_traced_memory()[0]
del a
after = tracemalloc.get_traced_memory()[0]
print((before - after) // 1024)
tracemalloc.stop()
print(tracemalloc.is_tracing(), tracemalloc.get_traced_memory())
try:
    tracemalloc.take_snapshot()
except RuntimeError as e:
    print(e)
try:
    tracemalloc.start(0)
except ValueError as e:
    print(e)
tracemalloc.start(3)
print(tracemalloc.get_traceback_limit())
x = build(20000)
tb = tracemalloc.get_object_traceback(x)
print(len(tb), [f.lineno for f in tb])
tracemalloc.stop()
