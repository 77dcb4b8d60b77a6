# SystemRandom draws from os.urandom (the session's simulated /dev/urandom): only properties
# that hold for any entropy are printed.
import random
s = random.SystemRandom()
print(s.seed(1), type(s.random()), 0 <= s.random() < 1, s.getrandbits(0))
for name in ["getstate", "setstate"]:
    try:
        getattr(s, name)(None) if name == "setstate" else s.getstate()
    except NotImplementedError as e:
        print("NotImplementedError:", e)
print(len(s.randbytes(10)), 0 <= s.randrange(10) < 10, s.getrandbits(70) < 2**70)
vals = [s.random() for _ in range(1000)]
print(all(0.0 <= v < 1.0 for v in vals), len(set(vals)) > 990)
print(all(0 <= s.getrandbits(k) < 2**k for k in range(1, 200)))
print(sorted(s.sample(range(10), 10)), sorted(s.choices("ab", k=5))[0] in "ab")
deck = list(range(52))
s.shuffle(deck)
print(sorted(deck) == list(range(52)), len(deck))
