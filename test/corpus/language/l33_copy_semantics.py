# copy: shallow vs deep, memo with shared references and cycles, __copy__/__deepcopy__ hooks.
import copy
orig = {"list": [1, [2, 3]], "tuple": (4, [5]), "str": "s"}
sh = copy.copy(orig)
dp = copy.deepcopy(orig)
orig["list"][1].append(99)
orig["tuple"][1].append(6)
print(sh, dp, sh["list"] is orig["list"], dp["list"] is orig["list"], dp["str"] is orig["str"])
shared = [1]
pair = [shared, shared]
dpair = copy.deepcopy(pair)
print(dpair[0] is dpair[1], dpair[0] is shared)
cyc = [1]
cyc.append(cyc)
dc = copy.deepcopy(cyc)
print(dc[1] is dc, dc is not cyc, dc)
t = (1, 2, "x")
print(copy.copy(t) is t, copy.deepcopy(t) is t, copy.deepcopy((1, [2]))[1] is not None)
class Conf:
    def __init__(self, opts):
        self.opts = opts
        self.copied = False
    def __copy__(self):
        new = Conf(self.opts)
        new.copied = "shallow"
        return new
    def __deepcopy__(self, memo):
        new = Conf(copy.deepcopy(self.opts, memo))
        new.copied = "deep"
        return new
c = Conf({"a": [1]})
c1, c2 = copy.copy(c), copy.deepcopy(c)
print(c1.copied, c2.copied, c1.opts is c.opts, c2.opts is c.opts, c2.opts)
class Plain:
    def __init__(self):
        self.items = [1, 2]
        self.name = "p"
p = Plain()
p2 = copy.deepcopy(p)
p3 = copy.copy(p)
p.items.append(3)
print(p2.items, p3.items, type(p2).__name__, p2 is p, vars(p2))
print(copy.copy([1, 2]), copy.copy({1: 2}), copy.copy({1, 2}), copy.copy(3), copy.copy(None))
import functools
f = functools.partial(max, 3)
print(copy.deepcopy(len) is len, copy.deepcopy(Plain) is Plain)
class Slotted:
    __slots__ = ("a", "b")
    def __init__(self):
        self.a, self.b = [1], 2
s = copy.deepcopy(Slotted())
print(s.a, s.b)
class NoCopy:
    def __reduce_ex__(self, proto):
        raise TypeError("cannot copy NoCopy")
try:
    copy.copy(NoCopy())
except TypeError as e:
    print("TypeError:", e)
