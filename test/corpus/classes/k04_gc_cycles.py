import gc
gc.collect()
class Node:
    def __init__(self, name):
        self.name = name
        self.peer = None
a, b = Node("a"), Node("b")
a.peer, b.peer = b, a
del a, b
print(gc.collect())
x = []
x.append(x)
del x
print(gc.collect())
d = {}
d["me"] = d
del d
print(gc.collect())
class WithDict:
    pass
w = WithDict()
w.__dict__
w.self = w
del w
print(gc.collect())
print(gc.collect())
print(gc.get_threshold(), gc.isenabled())
gc.disable()
print(gc.isenabled())
gc.enable()
t = (1, 2)
print(gc.is_tracked(t), gc.is_tracked([]), gc.is_tracked({}), gc.is_tracked({"a": []}), gc.is_tracked(1))
class Fin:
    def __del__(self):
        print("del", self.name)
f1 = Fin(); f1.name = "f1"
f2 = Fin(); f2.name = "f2"
f1.other = f2
f2.other = f1
del f1, f2
print("collecting")
print(gc.collect())
