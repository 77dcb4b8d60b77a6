import sys
from collections import deque, namedtuple, defaultdict, OrderedDict, Counter, ChainMap

d = deque([1, 2, 3])
d.append(4)
d.appendleft(0)
print(d, d.pop(), d.popleft(), d, len(d), d[0], d[-1], 2 in d)
d.rotate(1)
print(d)
d.rotate(-2)
print(d)
d.extendleft("ab")
print(d, d.count("a"), d.index(3))
d.insert(2, "x")
d.remove("a")
d.reverse()
print(d, list(reversed(d)))
bounded = deque(range(10), maxlen=3)
bounded.append(99)
bounded.appendleft(-1)
print(bounded, bounded.maxlen, deque(), deque("ab") == deque("ab"), deque([1]) + deque([2]), deque([1, 2]) * 2)
print(sys.getsizeof(deque()), sys.getsizeof(deque(range(63))), sys.getsizeof(deque(range(64))), sys.getsizeof(deque(range(200))))
grow = deque()
sizes = []
for i in range(300):
    grow.appendleft(i)
    sizes.append(sys.getsizeof(grow))
print(sorted(set(sizes)))
for i in range(290):
    grow.pop()
print(sys.getsizeof(grow), len(grow))
for expr in ["deque().pop()", "deque().popleft()", "deque([1])[5]", "deque([1]).remove(2)", "deque([1], maxlen=-1)",
             "deque([1], maxlen=1).insert(0, 2)"]:
    try:
        eval(expr)
    except Exception as e:
        print(type(e).__name__ + ":", e)
it = iter(d)
d.append(1)
try:
    next(it)
except RuntimeError as e:
    print("RuntimeError:", e)

Point = namedtuple("Point", "x y")
p = Point(1, y=2)
print(p, p.x, p.y, p[0], p._asdict(), p._replace(x=5), Point._make([3, 4]), Point._fields, p == (1, 2))
x, y = p
print(x + y, hash(p) == hash((1, 2)), type(p).__name__, Point.__doc__)
P3 = namedtuple("P3", ["a", "b", "c"], defaults=[0, 9])
print(P3(1), P3(1, 2, 3), P3._field_defaults)
for args in [("Bad", "x x"), ("Bad", "_x"), ("Bad", "def"), ("1a", "x")]:
    try:
        namedtuple(*args)
    except ValueError as e:
        print("ValueError:", e)

dd = defaultdict(list)
dd["a"].append(1)
dd["b"]
print(dd, dd["a"], "c" in dd, dict(dd))
counts = defaultdict(int)
for w in "the cat and the hat".split():
    counts[w] += 1
print(counts)

od = OrderedDict(b=2, a=1)
od["c"] = 3
od.move_to_end("b")
print(od, list(od), list(od.keys()), list(od.values()), list(od.items()))
od.move_to_end("c", last=False)
print(od, od.popitem(), od.popitem(last=False), od)
print(OrderedDict(a=1, b=2) == OrderedDict(b=2, a=1), OrderedDict(a=1, b=2) == {"b": 2, "a": 1}, OrderedDict())

c = Counter("abracadabra")
print(c, c.most_common(2), c["z"], sorted(c.elements())[:6], c.total())
c.update("aaz")
c.subtract({"b": 5})
print(c, c + Counter("zz"), c - Counter("a"), Counter(a=3) & Counter(a=1, b=2), Counter(a=1) | Counter(a=2, b=1))
print(Counter(), Counter({"x": 2}), +Counter(a=-1, b=2), -Counter(a=-1))

cm = ChainMap({"a": 1}, {"a": 2, "b": 3})
print(cm, cm["a"], cm["b"], len(cm), list(cm), cm.get("z", 0), "b" in cm)
child = cm.new_child({"c": 4})
child["a"] = 100
print(child, child.parents, dict(child))
try:
    del cm["b"]
except KeyError as e:
    print("KeyError:", e)
