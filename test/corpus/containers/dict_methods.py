d = {"b": 1, "a": 2}
d["c"] = 3
del d["b"]
d["b"] = 4
print(d, list(d.keys()), list(d.values()), list(d.items()))
print(d.get("a"), d.get("zz"), d.get("zz", 0), d.setdefault("a", 9), d.setdefault("n", []))
print(d.pop("n"), d.pop("nope", "dflt"), d.popitem(), d)
d.update([("x", 1)], y=2)
d.update({"z": 3})
print(d, len(d), "x" in d, "q" not in d)
print(dict(zip("abc", range(3))), dict([(1, 2)], three=3), dict.fromkeys("ab", 0))
print({1: 2} | {3: 4}, {1: 2} == {1: 2.0}, {1: 2} != {1: 3})
e = {"k": 1}
e |= {"j": 2}
print(e, list(reversed(e)), list(reversed(e.items())))
ks = d.keys()
print(ks & {"a", "x"}, ks - {"a"}, ks | {"q"} >= {"q"}, d.items() & {("a", 2)})
print(ks, d.values(), d.items())
print(ks == {"a", "c", "b", "x", "y", "z"}, ks.isdisjoint(["q"]), ("a", 2) in d.items())
r = {}
r["self"] = r
print(r)

class Missing(dict):
    def __missing__(self, key):
        return key * 2

m = Missing(a=1)
print(m["a"], m["zz"], m)

for expr in ["{}['k']", "{}.popitem()", "{[]: 1}", "dict([1])", "dict([(1,)])", "{}.get()",
             "dict(1, 2)", "{1: 2} < {3: 4}"]:
    try:
        eval(expr)
    except Exception as e:
        print(type(e).__name__ + ":", e)

d = {1: 1}
try:
    for k in d:
        d[k + 1] = 1
except RuntimeError as e:
    print("RuntimeError:", e)
