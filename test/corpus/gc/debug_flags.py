# DEBUG_* output, captured from sys.stderr with the addresses and timings cut off.
import gc
import sys

class Capture:
    def __init__(self):
        self.parts = []

    def write(self, text):
        self.parts.append(text)
        return len(text)

def show(capture):
    for line in ''.join(capture.parts).splitlines():
        if ' <' in line:
            line = line.split(' 0x')[0] + '>'
        if 'elapsed' in line:
            line = line.split(', ')[0] + ', ' + line.split(', ')[1]
        if 'objects in' in line:
            line = ':'.join(line.split(':')[:2]) + ': ...'
        print(line)

class Node:
    pass

gc.collect()
capture = Capture()
sys.stderr = capture
gc.set_debug(gc.DEBUG_COLLECTABLE)
a = Node()
a.me = a
l = [1]
l.append(l)
del a, l
n = gc.collect()
gc.set_debug(0)
sys.stderr = sys.__stderr__
print('collected', n)
show(capture)

capture = Capture()
sys.stderr = capture
gc.set_debug(gc.DEBUG_STATS)
d = {}
d[1] = d
del d
n = gc.collect(1)
gc.set_debug(0)
sys.stderr = sys.__stderr__
print('collected', n)
show(capture)

gc.set_debug(gc.DEBUG_SAVEALL)
x = []
x.append(x)
y = {'k': []}
y['k'].append(y)
del x, y
print('saveall', gc.collect())
gc.set_debug(0)
print(len(gc.garbage), [type(o).__name__ for o in gc.garbage])
print(gc.garbage[0][0] is gc.garbage[0])
gc.garbage.clear()
print(gc.collect())

capture = Capture()
sys.stderr = capture
gc.set_debug(gc.DEBUG_LEAK)
z = [[]]
z[0].append(z)
del z
print('leak', gc.collect())
gc.set_debug(0)
sys.stderr = sys.__stderr__
show(capture)
print(len(gc.garbage))
