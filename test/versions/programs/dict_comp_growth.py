# Dicts filled by comprehensions, by dict() from pairs and keywords, by fromkeys and update, and
# how a comprehension's dict grows while it runs.
import sys
size = sys.getsizeof

for n in (0, 1, 5, 6, 10, 11, 21, 22, 43, 44, 86, 100, 1000):
    pairs = [(i, i) for i in range(n)]
    u = {}
    u.update(pairs)
    v = {}
    v.update(dict(pairs))
    print('build', n, size({i: i for i in range(n)}), size({'k%d' % i: i for i in range(n)}), size(dict(pairs)),
          size(dict.fromkeys(range(n))), size(u), size(v), size(dict(pairs).copy()))
seen = []
def watch(d, i):
    if not seen or seen[-1][1] != size(d):
        seen.append((i, size(d)))
    return i
holder = {}
res = {i: watch(holder, holder.setdefault(i, i)) for i in range(200)}
print('setdefault', seen)
print('kwargs', size(dict(a=1, b=2, c=3)), size(dict(a=1, b=2, c=3, d=4, e=5, f=6)), size(dict({'a': 1}, b=2)))
d = {i: i for i in range(100)}
for i in range(95):
    del d[i]
print('deleted', size(d))
d[1000] = 1
print('after insert', size(d))
