# dict behaviour and sizes: insertion order, views, update, setdefault, pop, resize steps.
import sys
d = {}
sizes = []
for i in range(40):
    d[i] = i
    sizes.append(sys.getsizeof(d))
print(sizes)
print(sys.getsizeof({}), sys.getsizeof({"a": 1}), sys.getsizeof(dict(a=1, b=2)), sys.getsizeof(dict.fromkeys(range(10))))
d = {"b": 1, "a": 2}
d["c"] = 3
del d["b"]
d["b"] = 4
print(d, list(d), list(d.values()), list(d.items()), list(reversed(d)))
ks = d.keys()
d["z"] = 0
print(ks, len(ks), "z" in ks, ks & {"a", "q"}, ks | {"q"}, ks - {"a"}, ks ^ {"a", "w"})
print(d.items() & {("a", 2)}, d.get("nope"), d.get("nope", 5), d.setdefault("a", 99), d.setdefault("n", []), d)
print(d.pop("z"), d.pop("zz", "dflt"), d.popitem(), d)
try:
    d.pop("missing")
except KeyError as e:
    print("KeyError:", e)
try:
    {}.popitem()
except KeyError as e:
    print("KeyError:", e)
d.update({"x": 1}, y=2)
d.update([("w", 3)])
print(d, d | {"x": 100}, {"x": 100} | d)
d |= {"k": 5}
print(d, d.copy() == d, d.copy() is d)
print(dict(sorted(d.items(), key=lambda kv: str(kv[1]))))
print({1: "a", 1.0: "b", True: "c"}, {(1, 2): "t", frozenset([1]): "f"})
try:
    {[1]: 2}
except TypeError as e:
    print("TypeError:", e)
try:
    for k in d:
        d["new" + str(k)] = 1
except RuntimeError as e:
    print("RuntimeError:", e)
print(dict.fromkeys("abc"), dict(zip(range(3), "xyz")), dict([(1, 2)], three=3))
class Missing(dict):
    def __missing__(self, key):
        return key * 2
m = Missing(a=1)
print(m["a"], m["bb"], m.get("bb"), "bb" in m)
from collections import defaultdict, OrderedDict, Counter
dd = defaultdict(list)
for w in "apple avocado banana blueberry cherry".split():
    dd[w[0]].append(w)
print(dict(dd), dd.default_factory)
od = OrderedDict.fromkeys("abcde")
od.move_to_end("b")
od.move_to_end("e", last=False)
print(list(od), od.popitem(last=False))
c = Counter("mississippi")
print(c.most_common(2), c["s"], c["z"], sorted(c.elements())[:5], c + Counter("sip"), c - Counter("ssss"))
big = {i: i for i in range(1000)}
for i in range(990):
    del big[i]
print(len(big), sys.getsizeof(big), list(big)[:3])
big.clear()
print(sys.getsizeof(big), big)
print(sys.getsizeof({i: None for i in range(5)}), sys.getsizeof({i: None for i in range(6)}), sys.getsizeof({str(i): None for i in range(11)}))
