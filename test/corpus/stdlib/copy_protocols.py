import copy

# atomic and immutable values come back as themselves
for v in (1, 2.5, "s", b"b", None, (1, 2), frozenset({1}), len, int, range(3)):
    print(type(v).__name__, copy.copy(v) is v, copy.deepcopy(v) is v)

# shallow copies share items, deep copies do not
a = [1, [2, 3], {"k": [4]}]
s = copy.copy(a)
d = copy.deepcopy(a)
print(s == a, s is a, s[1] is a[1], d[1] is a[1], d[2]["k"] is a[2]["k"], d == a)
t = (1, [2])
print(copy.deepcopy(t) is t, copy.deepcopy(t) == t, copy.deepcopy((1, 2)) is not None)
print(copy.copy({1, 2}), copy.copy(bytearray(b"xy")), copy.copy({"a": 1}))

# recursive structures
r = [1]
r.append(r)
rc = copy.deepcopy(r)
print(rc[1] is rc, rc is not r, rc[0])
dd = {}
dd["self"] = dd
dc = copy.deepcopy(dd)
print(dc["self"] is dc)
tt = ([],)
tt[0].append(tt)
tc = copy.deepcopy(tt)
print(tc[0][0] is tc, tc is not tt)

# memo shares identical sub-objects
shared = [0]
pair = [shared, shared]
pc = copy.deepcopy(pair)
print(pc[0] is pc[1], pc[0] is not shared)
memo = {}
copy.deepcopy(shared, memo)
print(id(shared) in memo, memo[id(shared)] == [0])

# instances through __reduce_ex__
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return "Point(%r, %r)" % (self.x, self.y)

p = Point(1, [2])
pc = copy.copy(p)
pd = copy.deepcopy(p)
print(pc, pd, pc.y is p.y, pd.y is p.y, type(pd) is Point)

class Slotted:
    __slots__ = ("a", "b")
s = Slotted(); s.a = [1]
sc = copy.deepcopy(s)
print(sc.a, sc.a is s.a, hasattr(sc, "b"))

class WithState:
    def __init__(self):
        self.v = 1
    def __getstate__(self):
        print("getstate")
        return {"v": self.v * 10}
    def __setstate__(self, st):
        print("setstate", st)
        self.__dict__.update(st)
w = copy.copy(WithState())
print(w.v)

class Custom:
    def __init__(self, v):
        self.v = v
    def __copy__(self):
        print("__copy__")
        return Custom(self.v)
    def __deepcopy__(self, memo):
        print("__deepcopy__", type(memo).__name__)
        return Custom(copy.deepcopy(self.v, memo))
c = Custom([1])
print(copy.copy(c).v is c.v, copy.deepcopy(c).v is c.v)

class MyList(list):
    pass
ml = MyList([1, [2]])
ml.tag = "t"
mc = copy.deepcopy(ml)
print(type(mc).__name__, mc, mc.tag, mc[1] is ml[1])

class MyDict(dict):
    pass
md = MyDict(a=[1])
mdc = copy.copy(md)
print(type(mdc).__name__, mdc, mdc["a"] is md["a"])

class Reducer:
    def __reduce__(self):
        return "Reducer_global"
rr = Reducer()
print(copy.copy(rr) is rr, copy.deepcopy(rr) is rr)

class Bound:
    def m(self):
        return self
b = Bound()
bm = copy.deepcopy(b.m)
print(bm() is not b, type(bm()).__name__)

class NoReduce:
    def __reduce_ex__(self, proto):
        raise copy.Error("nope %d" % proto)
try:
    copy.copy(NoReduce())
except copy.Error as e:
    print("Error:", e)
print(copy.error is copy.Error, issubclass(copy.Error, Exception))
