# weakref and gc basics: callbacks, WeakValueDictionary, finalize, cycles collected by gc.collect.
import weakref, gc
class Obj:
    def __init__(self, name):
        self.name = name
    def __repr__(self):
        return f"Obj({self.name})"
events = []
o = Obj("a")
r = weakref.ref(o, lambda ref: events.append("callback"))
print(r() is o, type(r).__name__, weakref.getweakrefcount(o))
del o
print(r(), events)
cache = weakref.WeakValueDictionary()
keep = Obj("kept")
cache["k"] = keep
cache["t"] = Obj("temp")
print(sorted(cache.keys()), cache.get("t"), len(cache))
wk = weakref.WeakKeyDictionary()
key = Obj("key")
wk[key] = 1
print(len(wk))
del key
print(len(wk))
f = weakref.finalize(keep, events.append, "finalized")
print(f.alive, f.atexit)
del keep
cache.clear()
print(events, f.alive)
gc.collect()
class Node:
    def __init__(self):
        self.other = None
    def __del__(self):
        events.append("del node")
a, b = Node(), Node()
a.other, b.other = b, a
ra = weakref.ref(a)
del a, b
print(ra() is not None, events[-1:])
print(gc.collect(), ra(), events.count("del node"))
p = weakref.proxy(Obj("proxied")) if False else None
target = Obj("t")
px = weakref.proxy(target)
print(px.name, type(px).__name__)
del target
try:
    px.name
except ReferenceError as e:
    print("ReferenceError:", e)
try:
    weakref.ref(1)
except TypeError as e:
    print("TypeError:", e)
print(gc.isenabled(), gc.get_threshold(), isinstance(gc.get_count(), tuple), gc.is_tracked([]), gc.is_tracked(1), gc.is_tracked({}), gc.is_tracked({"a": []}))
ws = weakref.WeakSet()
items = [Obj(i) for i in range(3)]
for it in items:
    ws.add(it)
print(len(ws))
items.pop()
print(len(ws))
