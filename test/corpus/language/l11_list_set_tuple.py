# list, tuple and set behaviour: growth sizes, slicing, sort stability, set algebra, identity.
import sys
lst = []
seen = []
for i in range(70):
    lst.append(i)
    s = sys.getsizeof(lst)
    if not seen or seen[-1] != s:
        seen.append(s)
print(seen)
print(sys.getsizeof([]), sys.getsizeof([1, 2, 3]), sys.getsizeof(list(range(10))), sys.getsizeof([0] * 10), sys.getsizeof([None] * 100))
print(sys.getsizeof(()), sys.getsizeof((1,)), sys.getsizeof(tuple(range(10))), sys.getsizeof(set()), sys.getsizeof(set(range(5))), sys.getsizeof(set(range(50))), sys.getsizeof(frozenset("abc")))
a = list(range(10))
print(a[2:8:2], a[::-1], a[-3:], a[:-7], a[8:2:-2], a[100:], a[::3])
a[2:5] = ["x"]
print(a)
a[::2] = [0] * len(a[::2])
print(a)
del a[1::3]
print(a)
try:
    a[::2] = [1]
except ValueError as e:
    print("ValueError:", e)
b = [3, 1, 2]
b.extend(range(2))
b.insert(0, 9)
b.insert(-1, 8)
b.insert(100, 7)
print(b, b.index(2), b.count(1), b.pop(), b.pop(0), b)
b.remove(1)
b.reverse()
print(b, sorted(b), sorted(b, reverse=True), b * 2, b + [0], [] * 5)
try:
    b.remove(42)
except ValueError as e:
    print("ValueError:", e)
try:
    [].pop()
except IndexError as e:
    print("IndexError:", e)
records = [("b", 2), ("a", 2), ("c", 1), ("d", 1), ("e", 3)]
print(sorted(records, key=lambda r: r[1]), sorted(records, key=lambda r: (r[1], r[0]), reverse=True))
s1, s2 = set("abcdef"), set("defxyz")
print(sorted(s1 & s2), sorted(s1 | s2), sorted(s1 - s2), sorted(s1 ^ s2), s1 <= s1 | s2, s1.isdisjoint({"q"}), {1, 2} < {1, 2, 3})
s1.add("q"); s1.discard("zz"); s1.update([1, 2])
try:
    s1.remove("zz")
except KeyError as e:
    print("KeyError:", e)
print(len(s1), frozenset({1, 2}) == {1, 2}, hash(frozenset()) == hash(frozenset()), {frozenset({1}): 1})
t = (1, 2, [3])
t[2].append(4)
print(t, t.count(1), t.index(2), t + (5,), t * 2, (1,) * 0 is (), tuple([]) is ())
try:
    t[0] = 5
except TypeError as e:
    print("TypeError:", e)
try:
    hash(t)
except TypeError as e:
    print("TypeError:", e)
x = [1, 2]
y = x
y += [3]
z = x
z = z + [4]
print(x, y, z, x is y, x is z)
nested = [[1, 2], [3]]
shallow = nested.copy()
shallow[0].append(99)
print(nested, shallow, nested == shallow, nested is shallow)
print(list(zip([1, 2, 3], "ab")), list(enumerate("xy", start=5)), [min(3, 1, 2), max([4, 9, 2]), sum([1.5, 2.5])])
print([1, 2] < [1, 3], (1, 2) < (1, 2, 0), [[]] == [[]], [1, [2]] == [1, [2]], "a" < "b" < "c")
print(sys.getsizeof(list(range(5))), sys.getsizeof([i for i in range(5)]), sys.getsizeof([*range(5)]))
