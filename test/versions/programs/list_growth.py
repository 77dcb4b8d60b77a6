# How lists grow: append one at a time, extend by iterables of each kind, insert, repetition,
# concatenation, the list constructor, comprehensions, and shrinking by pop and slices.
import sys
size = sys.getsizeof

def appended(n):
    a = []
    seen = []
    for i in range(n):
        a.append(i)
        if not seen or seen[-1][1] != size(a):
            seen.append((i + 1, size(a)))
    return seen

print('append', appended(120))
for n in (1, 2, 3, 5, 8, 9, 16, 17, 100):
    a = []
    a.extend(range(n))
    b = []
    b.extend([0] * n)
    c = []
    c.extend(tuple(range(n)))
    d = []
    d.extend(i for i in range(n))
    e = [0]
    e.extend(range(n))
    f = [n, n, n]
    f.extend([7] * n)
    print('extend', n, size(a), size(b), size(c), size(d), size(e), size(f))
for n in (0, 1, 2, 3, 7, 10, 33):
    print('build', n, size([0] * n), size([0, 1] * n), size(list(range(n))), size(list(i for i in range(n))),
          size([i for i in range(n)]), size(list(tuple(range(n)))), size([0] * n + [1]))
a = []
ins = []
for i in range(40):
    a.insert(0, i)
    ins.append(size(a))
print('insert', ins)
r = [1, 2, 3]
r *= 5
s = list(range(10))
s += [1]
print('inplace', size(r), size(s))
shrink = []
while a:
    a.pop()
    shrink.append(size(a))
print('pop', shrink)
t = list(range(50))
del t[10:]
u = list(range(50))
u[5:] = []
v = list(range(20))
v[2:3] = range(30)
print('slices', size(t), size(u), size(v))
