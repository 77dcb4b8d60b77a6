import weakref, sys
class Obj:
    pass
o = Obj()
r1 = weakref.ref(o)
r2 = weakref.ref(o)
print(r1 is r2, r1() is o, weakref.getweakrefcount(o))
def cb(w):
    print("callback", w is r3, w is r4, w())
r3 = weakref.ref(o, cb)
r4 = weakref.ref(o, cb)
print(weakref.getweakrefcount(o), weakref.getweakrefs(o) == [r1, r4, r3])
del o
print(r1(), r3())
try:
    weakref.ref(1)
except TypeError as e:
    print(e)
p = Obj()
p.v = 5
px = weakref.proxy(p)
print(px.v, type(px).__name__)
del p
try:
    px.v
except ReferenceError as e:
    print(e)
print(sys.getsizeof(r1))
class Slots:
    __slots__ = ()
try:
    weakref.ref(Slots())
except TypeError as e:
    print(e)
