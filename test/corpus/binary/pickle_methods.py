# Bound methods and builtin functions pickle by reference: a module function by its name, a
# method bound to an object as getattr(object, name); every protocol, and what loads back.
import pickle, time, math

class Counter:
    def __init__(self, start):
        self.start = start
    def bump(self, n):
        return self.start + n
    @classmethod
    def make(cls, v):
        return cls(v)

for obj in (len, math.sqrt, time.sleep, [3, 1].append, {}.fromkeys, 'ab'.upper, Counter(5).bump, Counter.make):
    print(obj.__reduce__() if not isinstance(obj.__reduce__(), tuple) else (obj.__reduce__()[0], type(obj.__reduce__()[1][0]).__name__, obj.__reduce__()[1][1]))
    for proto in range(6):
        print(' ', proto, pickle.dumps(obj, proto))
print(pickle.loads(pickle.dumps(Counter(5).bump))(2), pickle.loads(pickle.dumps(math.sqrt))(16.0))
print(pickle.loads(pickle.dumps('ab'.upper))(), pickle.loads(pickle.dumps(Counter.make))(7).start)
