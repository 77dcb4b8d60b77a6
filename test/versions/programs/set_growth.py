# How sets grow: add one at a time, set() from iterables of each size, update from a set, a dict
# and an iterator, comprehensions, and what removing leaves behind.
import sys
size = sys.getsizeof

def added(n):
    s = set()
    seen = []
    for i in range(n):
        s.add(i)
        if not seen or seen[-1][1] != size(s):
            seen.append((i + 1, size(s)))
    return seen

print('add', added(300))
for n in (0, 1, 4, 5, 6, 10, 19, 20, 21, 22, 50, 100):
    src = list(range(n))
    u = set()
    u.update(set(src))
    w = set()
    w.update(dict.fromkeys(src))
    x = {0}
    x.update(iter(src))
    print('build', n, size(set(src)), size({i for i in src}), size(frozenset(src)), size(u), size(w), size(x))
s = set(range(100))
for i in range(90):
    s.discard(i)
print('discard', size(s))
s -= {95, 96}
print('isub', size(s))
s = set(range(100))
s.difference_update(range(80))
print('difference_update', size(s))
s.clear()
print('clear', size(s))
