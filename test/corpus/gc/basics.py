# The gc module's switches, constants and what collect() returns for cycles of each kind.
import gc

print(gc.get_threshold())
print(gc.isenabled())
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled())
print(gc.DEBUG_STATS, gc.DEBUG_COLLECTABLE, gc.DEBUG_UNCOLLECTABLE, gc.DEBUG_SAVEALL, gc.DEBUG_LEAK)
print(gc.get_debug())
print(gc.collect())

l = []
l.append(l)
del l
print('list cycle', gc.collect())

d = {}
d['self'] = d
del d
print('dict cycle', gc.collect())

class Node:
    pass

a = Node()
b = Node()
a.other = b
b.other = a
del a, b
print('instance pair', gc.collect())

ring = [[] for i in range(10)]
for i in range(10):
    ring[i].append(ring[(i + 1) % 10])
del ring
print('ring of ten lists', gc.collect())

t = ([],)
t[0].append(t)
del t
print('tuple and list', gc.collect(0))
print('nothing left', gc.collect(1), gc.collect(2), gc.collect())

print(gc.is_tracked([]), gc.is_tracked({}), gc.is_tracked({'a': 1}), gc.is_tracked({'a': []}))
print(gc.is_tracked(1), gc.is_tracked('s'), gc.is_tracked(()), gc.is_tracked(Node()), gc.is_tracked(Node))
print(gc.is_tracked(int))
t = (1, 2, [])
print(gc.is_tracked(t))
u = (1, 2, 'x')
print(gc.is_tracked(u))
gc.collect()
print(gc.is_tracked(u), gc.is_tracked(t))

for bad in (3, -1):
    try:
        gc.collect(bad)
    except ValueError as e:
        print('ValueError', e)
try:
    gc.collect('x')
except TypeError as e:
    print('TypeError', e)
try:
    gc.collect(1.5)
except TypeError as e:
    print('TypeError', e)
print(gc.collect(generation=0))

gc.set_threshold(500)
print(gc.get_threshold())
gc.set_threshold(800, 20)
print(gc.get_threshold())
gc.set_threshold(700, 10, 10)
print(gc.get_threshold())
try:
    gc.set_threshold()
except TypeError as e:
    print('TypeError', e)
try:
    gc.set_threshold(1, 2, 3, 4)
except TypeError as e:
    print('TypeError', e)

stats = gc.get_stats()
print(len(stats), list(stats[0]))
print(stats[2]['collections'] > 0, stats[2]['uncollectable'])
gc.set_debug(gc.DEBUG_SAVEALL)
print(gc.get_debug())
gc.set_debug(0)
print(type(gc.garbage), gc.garbage, type(gc.callbacks))
