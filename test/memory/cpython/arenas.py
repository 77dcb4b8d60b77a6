# Arenas come and go: 200 000 bytes objects of 64 bytes need about a dozen new 1 MiB arenas (about
# fifty 256 KiB ones before 3.10); freeing them all gives the arenas back to the system, except
# that from 3.9 on the last empty one is kept. Counts from sys._debugmallocstats(), as differences.
import re

from helpers.mallocstats import debugmallocstats


def arena_counts():
    text = debugmallocstats()

    def get(label):
        return int(re.search(re.escape(label) + r" += +([\d,]+)", text).group(1).replace(",", ""))

    return get("# arenas allocated total"), get("# arenas reclaimed"), get("# arenas allocated current")


total0, reclaimed0, current0 = arena_counts()
x = [None] * 200_000
for i in range(200_000):
    x[i] = bytes(31)
total1, reclaimed1, current1 = arena_counts()
del x
total2, reclaimed2, current2 = arena_counts()
print(total1 - total0, reclaimed2 - reclaimed1, current2 - current0)
