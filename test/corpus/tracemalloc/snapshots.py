# Snapshots of tracemalloc: statistics by line, file and whole traceback, differences between
# two snapshots, filters by file, line and domain, the traced total and its peak.
import os
import tracemalloc


def where(frame):
    return f'{os.path.basename(frame.filename)}:{frame.lineno}'


def make(n, size):
    return [bytes(size) for _ in range(n)]


def outer(n):
    return inner(n)


def inner(n):
    return bytearray(n)


tracemalloc.start(5)
mine = tracemalloc.Filter(True, __file__)
first = tracemalloc.take_snapshot().filter_traces([mine])
keep = make(10, 1000)
deep = outer(30000)
temp = make(5, 4000)
second = tracemalloc.take_snapshot().filter_traces([mine])

print('by line')
for stat in second.statistics('lineno'):
    if stat.size >= 1000:
        print(' ', where(stat.traceback[0]), stat.size, stat.count)
print('by file')
for stat in second.statistics('filename'):
    print(' ', os.path.basename(stat.traceback[0].filename), stat.size >= 80000, len(stat.traceback))
print('by traceback')
for stat in second.statistics('traceback'):
    if stat.size >= 10000:
        print(' ', [where(f) for f in stat.traceback], stat.size, stat.count, stat.traceback.total_nframe)
print('cumulative')
for stat in second.statistics('lineno', cumulative=True):
    if stat.size >= 20000:
        print(' ', where(stat.traceback[0]), stat.size, stat.count)

del temp
third = tracemalloc.take_snapshot().filter_traces([mine])
print('compare lineno')
for diff in third.compare_to(second, 'lineno'):
    if abs(diff.size_diff) >= 1000:
        print(' ', where(diff.traceback[0]), diff.size, diff.size_diff, diff.count, diff.count_diff)
print('compare with first')
for diff in third.compare_to(first, 'traceback'):
    if diff.size_diff >= 10000:
        print(' ', len(diff.traceback), where(diff.traceback[0]), diff.size_diff, diff.count_diff)

only_make = third.filter_traces([tracemalloc.Filter(True, __file__, 12)])
not_make = third.filter_traces([tracemalloc.Filter(False, __file__, 12)])
in_any = third.filter_traces([tracemalloc.Filter(True, __file__, 16, all_frames=True)])
print('filters', sum(t.size for t in only_make.traces) >= 10000, len(only_make.traces),
      len(in_any.traces), sum(s.size for s in not_make.statistics('lineno')) >= 30000)
print('domain', len(third.filter_traces([tracemalloc.DomainFilter(True, 0)]).traces) == len(third.traces),
      len(third.filter_traces([tracemalloc.DomainFilter(False, 0)]).traces))
f = tracemalloc.Filter(True, 'x.py', 3)
print(f.inclusive, f.filename_pattern, f.lineno, f.all_frames, f.domain, tracemalloc.DomainFilter(False, 1).domain)

tb = tracemalloc.get_object_traceback(deep)
print('object traceback', len(tb), [where(f) for f in tb], tb.total_nframe)
print(tb.format(limit=1)[0].replace(__file__, 'FILE'))

current, peak = tracemalloc.get_traced_memory()
block = bytes(500000)
_, peak2 = tracemalloc.get_traced_memory()
del block
now, peak3 = tracemalloc.get_traced_memory()
print('peak', (peak2 - current) // 1000, (now - current) // 1000, 0 <= peak3 - peak2 < 200)
tracemalloc.reset_peak()
_, peak4 = tracemalloc.get_traced_memory()
print('reset_peak', peak4 < peak2, (peak2 - peak4) // 1000)
tracemalloc.clear_traces()
print('cleared', len(tracemalloc.take_snapshot().filter_traces([mine]).traces), tracemalloc.is_tracing())
tracemalloc.stop()
