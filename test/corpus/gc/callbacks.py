# gc.callbacks: the phase and info of each collection, manual and automatic, in order.
import gc

events = []

def record(phase, info):
    events.append((phase, info['generation'], info['collected'], info['uncollectable']))

gc.collect()
gc.callbacks.append(record)
a = []
a.append(a)
del a
gc.collect()
gc.collect(0)
manual = list(events)
events.clear()

keep = []
for i in range(5000):
    keep.append([])
count = gc.get_count()
print(manual)
gens = [e[1] for e in events if e[0] == 'start']
print(len(gens), gens)
print(count)
events.clear()

def boom(phase, info):
    raise ValueError('no')

gc.callbacks.remove(record)
print(gc.callbacks == [], gc.collect(1))
for i in range(12000):
    keep.append([])
print(gc.get_stats()[1]['collections'] > 0, gc.get_count()[2])
