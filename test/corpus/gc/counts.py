# Generation counts after a full collection: one per container allocated, minus frees.
import gc

gc.collect()
c0 = gc.get_count()
l = [[] for i in range(100)]
c1 = gc.get_count()
del l
c2 = gc.get_count()
d = {}
c3 = gc.get_count()
t = (1, 2)
x = [t]
c4 = gc.get_count()
y = [[1], [2], {3: 4}]
c5 = gc.get_count()
del y
c6 = gc.get_count()
gc.collect(0)
c7 = gc.get_count()
gc.collect(1)
c8 = gc.get_count()
print(c0, c1, c2, c3, c4)
print(c5, c6, c7, c8)
