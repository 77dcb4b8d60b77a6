# Importing copy leaves no cyclic garbage behind, so the first collection finds nothing, and
# deepcopy still knows bound methods.
import gc
import copy

print(gc.collect())


class Counter:
    def __init__(self):
        self.n = 0

    def bump(self):
        self.n += 1
        return self.n


c = Counter()
m = copy.deepcopy(c.bump)
print(m(), m(), c.n, m.__self__ is c)
