# gc.freeze moves every tracked object to the permanent generation; collections skip it.
import gc

gc.collect()
gc.freeze()
base = gc.get_freeze_count()
c0 = gc.get_count()
made = [[] for i in range(10)]
c1 = gc.get_count()
gc.freeze()
c2 = gc.get_count()
frozen = gc.get_freeze_count() - base
lens = len(gc.get_objects(0)), len(gc.get_objects(1)), len(gc.get_objects(2))
print(base > 0, c0, c1, c2)
print(frozen, lens)
print(len(gc.get_objects(-1)) == len(gc.get_objects()))
cyc = []
cyc.append(cyc)
gc.freeze()
del cyc
print('frozen cycle', gc.collect())
gc.unfreeze()
print(gc.get_freeze_count())
print('after unfreeze', gc.collect())
try:
    gc.get_objects(3)
except ValueError as e:
    print(e)
try:
    gc.get_objects(-2)
except ValueError as e:
    print(e)
