# getstate/setstate round trips, the module-level functions sharing one generator, subclasses
# choosing their _randbelow, and the _random core type.
import random, _random, sys
r = random.Random(99)
state = r.getstate()
print(type(state), len(state), state[0], len(state[1]), state[1][-1], state[2])
print(state[1][:4])
a = [r.random() for _ in range(5)]
r.setstate(state)
b = [r.random() for _ in range(5)]
print(a == b, a[0])
g1 = r.gauss()
st = r.getstate()
print(st[2] is not None)
g2 = r.gauss()
r.setstate(st)
print(r.gauss() == g2)
old = (2, tuple(x - 2**32 if x >= 2**31 else x for x in state[1][:-1]) + (state[1][-1],), None)
r.setstate(old)
print(r.random() == a[0])
for bad in [(1, (), None), (4, (), None)]:
    try:
        r.setstate(bad)
    except ValueError as e:
        print("ValueError:", e)
core = _random.Random(5)
for bad in [None, (1, 2), tuple(range(625))[:-1] + (625,), tuple([-1] * 624) + (0,), tuple([2**64] * 624) + (0,), tuple([0] * 624) + (-1,)]:
    try:
        core.setstate(bad)
        print("accepted")
    except Exception as e:
        print(type(e).__name__ + ":", e)
core.setstate(tuple([2**32 + 5] * 624) + (624,))
print(core.getstate()[:3], core.getstate()[-1])
print(core.random(), core.getrandbits(64))
try:
    _random.Random(1, 2)
except TypeError as e:
    print("TypeError:", e)
try:
    _random.Random(x=1)
except TypeError as e:
    print("TypeError:", e)
print(random.Random(x=3).random() == random.Random(3).random())
try:
    random.Random(1, 2)
except TypeError as e:
    print("TypeError:", e)
print(_random.Random.__name__, _random.Random.__module__, _random.Random.__doc__)
print(_random.Random.random.__doc__)
print(_random.Random.getrandbits.__doc__)
print(random.Random.__mro__)
print(random.SystemRandom.__mro__)
print(sys.getsizeof(_random.Random()), sys.getsizeof(random.Random()))
random.seed(11)
x = random.random()
random.seed(11)
print(random.random() == x, random.random is not random.Random.random)
print(random.getstate() == random._inst.getstate())

class Dice(random.Random):
    def random(self):
        return 0.5
print(Dice._randbelow is Dice._randbelow_without_getrandbits, Dice(1).randrange(10), Dice(1).choice("abcd"))
class Bits(random.Random):
    def getrandbits(self, k):
        return 3
print(Bits._randbelow is Bits._randbelow_with_getrandbits, Bits().randrange(10))
class Both(Dice):
    def getrandbits(self, k):
        return 1
print(Both._randbelow is Both._randbelow_with_getrandbits, Both().randrange(10))
class Counted(random.Random):
    calls = 0
    def seed(self, a=None, version=2):
        Counted.calls += 1
        super().seed(a, version)
c = Counted(4)
c.seed(5)
print(Counted.calls, c.randrange(100))
print(sorted(n for n in dir(random) if not n.startswith("_")))
print(random.__all__)
