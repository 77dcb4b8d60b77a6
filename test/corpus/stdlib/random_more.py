# random in larger programs: reproducible streams, independent generators, state juggling,
# statistics of draws (exact values, since the Mersenne Twister is CPython's).
import random
r = random.Random("experiment-1")
rolls = [r.randint(1, 6) for _ in range(600)]
print([rolls.count(i) for i in range(1, 7)], sum(rolls))
coin = [r.random() < 0.5 for _ in range(1000)]
print(sum(coin), max(len(s) for s in "".join("H" if c else "T" for c in coin).replace("T", " ").split()))
a, b = random.Random(1), random.Random(1)
a.random()
st = a.getstate()
x1 = [a.random() for _ in range(3)]
a.setstate(st)
x2 = [a.random() for _ in range(3)]
print(x1 == x2, b.random() != x1[0], [round(v, 12) for v in x1])
g = random.Random(99)
vals = [g.gauss(10, 2) for _ in range(2000)]
mean = sum(vals) / len(vals)
var = sum((v - mean) ** 2 for v in vals) / (len(vals) - 1)
print(round(mean, 9), round(var, 9), round(min(vals), 9), round(max(vals), 9))
e = [g.expovariate(2.0) for _ in range(1000)]
print(round(sum(e) / len(e), 9), round(g.betavariate(2, 3), 12), round(g.gammavariate(2.5, 1.5), 12), round(g.lognormvariate(0, 1), 12))
print(g.choices(["a", "b", "c", "d"], weights=[1, 2, 3, 4], k=20))
print(g.sample(range(10 ** 9), 5), g.randrange(10 ** 30), g.getrandbits(130))
pop = list(range(50))
g.shuffle(pop)
print(pop)
random.seed(123)
print(random.random(), random.uniform(5, 10), random.randint(1, 10 ** 12), random.choice(list("xyz")), random.getrandbits(64))
random.seed(123)
print(random.random())
random.seed(10 ** 50 + 1)
print(random.random())
random.seed(-(10 ** 50 + 1))
print(random.random())
class Loaded(random.Random):
    def random(self):
        return 0.999
ld = Loaded(5)
print(ld.choice("abc"), ld.randrange(7), ld.uniform(0, 10), ld.random(), ld.getrandbits(8) >= 0)
walkers = [random.Random(i) for i in range(4)]
positions = [0] * 4
for _ in range(100):
    for i, w in enumerate(walkers):
        positions[i] += w.choice((-1, 1))
print(positions)
