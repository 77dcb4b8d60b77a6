# get_referents and get_referrers follow tp_traverse.
import gc

class Box:
    pass

def main():
    item = Box()
    holder = [item, 1, 'two']
    d = {'k': item}
    t = (item, [])
    print([type(o).__name__ for o in gc.get_referents(holder)])
    print([type(o).__name__ for o in gc.get_referents(d)])
    print([type(o).__name__ for o in gc.get_referents(t)])
    print(gc.get_referents(1, 'x', 2.0))
    refs = gc.get_referrers(item)
    print(len(refs), holder in refs, d in refs, t in refs)
    print(len(gc.get_referents(holder, d)))

main()
a = []
b = [a]
c = {'a': a}
print(len([r for r in gc.get_referrers(a) if r is b or r is c]))
print(gc.is_finalized(a))

class Fin:
    def __del__(self):
        pass

f = Fin()
f.me = f
print(gc.is_finalized(f))
del f
print(gc.collect())
