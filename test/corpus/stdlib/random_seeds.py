# Seeding the Mersenne Twister from every supported seed type gives CPython's sequences.
import random

def show(label, r):
    print(label, [r.randrange(1000) for _ in range(6)], round(r.random(), 12), r.getrandbits(40))

for seed in [0, 1, 42, -42, 2**32, 2**32 - 1, 2**64 + 12345, 10**40, -(10**40)]:
    show(repr(seed), random.Random(seed))
for seed in ["", "a", "hello", "héllo wörld", "😀 emoji", b"", b"bytes seed", bytearray(b"mutable")]:
    show(repr(seed), random.Random(seed))
for seed in [1.5, 0.0, -2.25, 1e300]:
    show(repr(seed), random.Random(seed))
for seed in ["hello", b"hello", 12345]:
    r = random.Random()
    r.seed(seed, version=1)
    show("v1 " + repr(seed), r)
random.seed(2024)
print([random.randint(-5, 5) for _ in range(20)])
random.seed("spam")
print(random.random(), random.random())
random.seed(b"spam")
print(random.random(), random.random())
r1, r2 = random.Random(7), random.Random(7)
print([r1.random() for _ in range(3)] == [r2.random() for _ in range(3)])
print(r1.getrandbits(0), r1.getrandbits(1), r1.getrandbits(31), r1.getrandbits(32), r1.getrandbits(33))
print(r1.getrandbits(100), r1.getrandbits(1000).bit_length() <= 1000)
print(r1.randbytes(0), r1.randbytes(5), r1.randbytes(17))
try:
    random.Random([1, 2])
except TypeError as e:
    print("TypeError:", e)
try:
    random.seed({})
except TypeError as e:
    print("TypeError:", e)
class Seedable:
    def __hash__(self):
        return 99
try:
    random.seed(Seedable())
except TypeError as e:
    print("TypeError:", e)
for n in range(2000):
    x = random.random()
    assert 0.0 <= x < 1.0
r = random.Random(3)
seq = [r.random() for _ in range(700)]
print(seq[0], seq[623], seq[624], seq[699])
