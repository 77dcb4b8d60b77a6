# collections: deque rotation and maxlen, namedtuple features, ChainMap scoping, Counter arithmetic.
from collections import deque, namedtuple, ChainMap, Counter, OrderedDict, defaultdict
d = deque(range(5), maxlen=5)
d.append(5)
d.appendleft(-1)
print(d, d.maxlen, len(d))
d.rotate(2)
print(d)
d.rotate(-3)
print(d, d[0], d[-1], d.index(3), d.count(2), 4 in d)
d.extendleft("ab")
print(d, list(reversed(d)), d.pop(), d.popleft(), d)
d.clear()
print(d, deque(), deque("xyz", maxlen=2))
Point = namedtuple("Point", "x y", defaults=[0])
p = Point(3)
print(p, p._asdict(), p._replace(y=9), Point._make([7, 8]), Point._fields, Point._field_defaults, p.x, p[0], p == (3, 0))
Emp = namedtuple("Emp", ["name", "class", "def"], rename=True)
print(Emp._fields, Emp("a", "b", "c"))
x, y = Point(1, 2)
print(x + y, tuple(Point(5, 6)), Point.__doc__, type(p).__mro__[1].__name__)
try:
    namedtuple("Bad", "a a")
except ValueError as e:
    print("ValueError:", e)
defaults = {"theme": "light", "lang": "en"}
user = {"theme": "dark"}
cm = ChainMap(user, defaults)
print(cm["theme"], cm["lang"], len(cm), sorted(cm), cm.maps)
child = cm.new_child({"lang": "fr"})
child["extra"] = 1
print(child["lang"], child.parents["lang"], child.maps[0], dict(child))
c1 = Counter(a=3, b=1, c=0)
c2 = Counter(a=1, b=2, d=4)
print(c1 + c2, c1 - c2, c1 | c2, c1 & c2, +c1, -Counter(a=-2))
c1.update("aab")
c1.subtract({"b": 5})
print(c1, c1.total(), sorted(c1.elements()), Counter("hello world").most_common(3))
od = OrderedDict(a=1, b=2, c=3)
od.move_to_end("a")
print(od, list(od.keys()), od == OrderedDict(b=2, c=3, a=1), od == {"a": 1, "b": 2, "c": 3})
tree = lambda: defaultdict(tree)
t = tree()
t["a"]["b"]["c"] = 1
print(t["a"]["b"]["c"], "x" in t, len(t["a"]))
dd = defaultdict(int)
for ch in "banana":
    dd[ch] += 1
print(sorted(dd.items()), dd["missing"], len(dd))
