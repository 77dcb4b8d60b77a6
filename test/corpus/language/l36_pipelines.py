# Generator pipelines over text: parse, filter, aggregate lazily, with counts of items pulled.
log = """2024-01-01 INFO start
2024-01-01 WARN disk 81%
2024-01-02 ERROR db timeout
2024-01-02 INFO retry
2024-01-03 ERROR db timeout
2024-01-03 WARN disk 92%
2024-01-04 INFO done"""
pulled = []
def lines(text):
    for line in text.splitlines():
        pulled.append(line[:10])
        yield line
def parse(ls):
    for l in ls:
        date, level, *msg = l.split()
        yield {"date": date, "level": level, "msg": " ".join(msg)}
def only(level, recs):
    return (r for r in recs if r["level"] == level)
errors = only("ERROR", parse(lines(log)))
print(len(pulled))
first = next(errors)
print(first, len(pulled))
print(list(errors), len(pulled))
from collections import Counter
from itertools import groupby, islice
recs = list(parse(lines(log)))
print(Counter(r["level"] for r in recs), {d: [r["level"] for r in g] for d, g in groupby(recs, key=lambda r: r["date"])})
disk = [int(r["msg"].split()[1].rstrip("%")) for r in recs if r["msg"].startswith("disk")]
print(disk, max(disk), sum(disk) / len(disk))
def window(it, n):
    buf = []
    for x in it:
        buf.append(x)
        if len(buf) == n:
            yield tuple(buf)
            buf.pop(0)
print(list(window(range(6), 3)), list(islice(window("abcdef", 2), 2)))
def take_until(pred, it):
    for x in it:
        yield x
        if pred(x):
            return
print(list(take_until(lambda v: v > 10, (i * i for i in range(100)))))
def numbered(it, start=1):
    n = start
    for x in it:
        yield f"{n:>3}: {x}"
        n += 1
print("\n".join(numbered(l.upper() for l in log.splitlines()[:3])))
total = sum(len(r["msg"]) for r in parse(lines(log)))
print(total, len(pulled))
