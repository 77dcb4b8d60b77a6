# randrange, randint, choice, choices, shuffle, sample and the float distributions.
import random
r = random.Random(12345)
print([r.randrange(10) for _ in range(10)])
print([r.randrange(5, 50) for _ in range(10)])
print([r.randrange(0, 100, 7) for _ in range(10)])
print([r.randrange(100, 0, -3) for _ in range(10)])
print([r.randrange(2**70) for _ in range(3)])
print([r.randint(1, 6) for _ in range(20)])
print([r.choice("abcdefghij") for _ in range(10)])
print([r.choice(range(1000)) for _ in range(5)], r.choice((None, True, 1.5)))
deck = list(range(20))
r.shuffle(deck)
print(deck)
words = "the quick brown fox jumps over the lazy dog".split()
r.shuffle(words)
print(words)
print(r.sample(range(100), 10))
print(r.sample(range(10**6), 8))
print(r.sample("abcdefgh", 8))
print(r.sample(["red", "blue"], counts=[4, 2], k=5))
print(r.sample(tuple(range(50)), k=20))
print(r.choices("abc", k=10))
print(r.choices("abc", weights=[10, 1, 1], k=10))
print(r.choices(range(5), cum_weights=[1, 2, 3, 4, 100], k=10))
print(r.choices([1, 2, 3], [0.5, 0.25, 0.25]))
print(round(r.uniform(1, 10), 10), round(r.uniform(-1, 1), 10))
print(round(r.triangular(), 10), round(r.triangular(0, 10, 2), 10), r.triangular(3, 3))
print([round(r.gauss(), 10) for _ in range(5)])
print([round(r.gauss(100, 15), 8) for _ in range(3)])
print([round(r.normalvariate(), 10) for _ in range(5)])
print([round(r.normalvariate(5, 2), 10) for _ in range(3)])
print([round(r.expovariate(1.5), 10) for _ in range(5)])
print([round(r.lognormvariate(0, 0.5), 10) for _ in range(3)])
print([round(r.vonmisesvariate(1.0, 4.0), 10) for _ in range(3)], round(r.vonmisesvariate(0, 0), 10))
print([round(r.gammavariate(a, 2.0), 10) for a in (0.5, 1.0, 3.0)])
print([round(r.betavariate(2, 5), 10) for _ in range(3)])
print([round(r.paretovariate(3), 10) for _ in range(3)])
print([round(r.weibullvariate(1, 1.5), 10) for _ in range(3)])
errors = [
    lambda: r.randrange(0),
    lambda: r.randrange(5, 5),
    lambda: r.randrange(1, 10, 0),
    lambda: r.randrange(10, 1),
    lambda: r.randrange(1, 10, -1),
    lambda: r.randrange(10, step=2),
    lambda: r.randrange(1.5),
    lambda: r.randrange(1, 2.5),
    lambda: r.randrange("a"),
    lambda: r.choice([]),
    lambda: r.choice(""),
    lambda: r.sample({1, 2, 3}, 2),
    lambda: r.sample({1: 2}, 1),
    lambda: r.sample(range(3), 4),
    lambda: r.sample(range(3), -1),
    lambda: r.sample("abc", 2, counts=[1, 2]),
    lambda: r.sample("abc", 2, counts=[0, 0, 0]),
    lambda: r.sample("abc", 2, counts=[1.0, 1, 1]),
    lambda: r.choices("abc", 3),
    lambda: r.choices("abc", [1, 2]),
    lambda: r.choices("abc", [1, 2, 3], cum_weights=[1, 2, 3]),
    lambda: r.choices("abc", [0, 0, 0]),
    lambda: r.choices("abc", [1, float("inf"), 1]),
    lambda: r.gammavariate(0, 1),
    lambda: r.getrandbits(-1),
    lambda: r.getrandbits(2**40),
    lambda: r.getrandbits(1.0),
]
for f in errors:
    try:
        print("no error", f())
    except Exception as e:
        print(type(e).__name__ + ":", e)
