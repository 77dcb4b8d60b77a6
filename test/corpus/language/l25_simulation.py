# A seeded simulation mixing random, classes, dicts and formatting: a small queueing model.
import random
from collections import deque, Counter
rng = random.Random(2023)
class Customer:
    __slots__ = ("id", "arrival", "work")
    def __init__(self, cid, arrival, work):
        self.id, self.arrival, self.work = cid, arrival, work
class Teller:
    def __init__(self, name):
        self.name, self.busy_until, self.served = name, 0, []
queue = deque()
tellers = [Teller(n) for n in "ABC"]
waits = []
t = 0
cid = 0
for minute in range(120):
    for _ in range(rng.choices([0, 1, 2, 3], weights=[3, 4, 2, 1])[0]):
        queue.append(Customer(cid, minute, rng.randint(2, 9)))
        cid += 1
    for teller in tellers:
        if teller.busy_until <= minute and queue:
            c = queue.popleft()
            waits.append(minute - c.arrival)
            teller.busy_until = minute + c.work
            teller.served.append(c.id)
print(cid, len(queue), len(waits), sum(waits), max(waits), round(sum(waits) / len(waits), 3))
for teller in tellers:
    print(f"{teller.name}: {len(teller.served):3d} served, first {teller.served[:5]}")
hist = Counter(w // 5 * 5 for w in waits)
for bucket in sorted(hist):
    print(f"{bucket:3d}-{bucket + 4:<3d} {'#' * (hist[bucket] // 2)} {hist[bucket]}")
walk = [0]
for _ in range(200):
    walk.append(walk[-1] + rng.choice((-1, 1)))
print(min(walk), max(walk), walk[-1], walk.index(max(walk)))
deck = [r + s for s in "SHDC" for r in "23456789TJQKA"]
rng.shuffle(deck)
hands = [deck[i::4][:5] for i in range(4)]
print(hands)
print([round(rng.gauss(0, 1), 6) for _ in range(4)], round(rng.expovariate(0.5), 6), rng.sample(range(1000), 6))
pts = [(rng.random(), rng.random()) for _ in range(5000)]
print(4 * sum(1 for x, y in pts if x * x + y * y <= 1) / len(pts))
