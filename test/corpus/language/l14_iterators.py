# The iterator protocol, iter() with a sentinel, itertools combinations and grouping.
import itertools as it
class CountTo:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        self.i = 0
        return self
    def __next__(self):
        if self.i >= self.n:
            raise StopIteration
        self.i += 1
        return self.i
print(list(CountTo(4)), sum(CountTo(10)), max(CountTo(3)), sorted(CountTo(3), reverse=True))
class Seq:
    def __getitem__(self, i):
        if i > 4:
            raise IndexError
        return i * 10
print(list(Seq()), 30 in Seq(), list(reversed([1, 2, 3])))
data = iter([1, 2, 3, 0, 5])
print(list(iter(lambda: next(data), 0)), list(data))
it1 = iter("abc")
print(next(it1), next(it1), next(it1), next(it1, "end"))
try:
    next(it1)
except StopIteration:
    print("exhausted")
print(list(it.chain([1], "ab", range(2))), list(it.chain.from_iterable(["xy", "z"])))
print(list(it.islice(it.count(5, 3), 4)), list(it.islice(it.cycle("ab"), 5)), list(it.repeat("r", 3)))
print(list(it.accumulate([1, 2, 3, 4])), list(it.accumulate([3, 1, 4, 1, 5], max)), list(it.accumulate([1, 2, 3], initial=100)))
print(list(it.product("ab", repeat=2)), list(it.permutations(range(3), 2)), list(it.combinations("abcd", 2)), list(it.combinations_with_replacement("ab", 2)))
for k, g in it.groupby("aaabccdaa"):
    print(k, list(g), end="; ")
print()
people = [("eng", "ann"), ("eng", "bob"), ("ops", "cid"), ("eng", "dan")]
print({k: [n for _, n in g] for k, g in it.groupby(sorted(people), key=lambda p: p[0])})
print(list(it.takewhile(lambda x: x < 3, [1, 2, 3, 1])), list(it.dropwhile(lambda x: x < 3, [1, 2, 3, 1])), list(it.filterfalse(str.isdigit, "a1b2")))
print(list(it.zip_longest("abc", [1], fillvalue="-")), list(it.starmap(pow, [(2, 3), (3, 2)])), list(it.compress("abcdef", [1, 0, 1, 0, 1])))
a, b = it.tee(iter(range(4)))
print(list(a), list(b), list(it.pairwise("abcd")))
print(list(zip(*[iter(range(9))] * 3)), list(map(sum, zip([1, 2], [10, 20], [100, 200]))))
try:
    list(zip([1, 2], [1], strict=True))
except ValueError as e:
    print("ValueError:", e)
e = enumerate("xyz")
print(next(e), list(e), type(e).__name__)
r = range(10, 0, -3)
print(list(r), len(r), r[1], r[-1], 4 in r, 7 in r, r.index(4), r.count(7), range(5)[1:3], reversed(range(3)).__class__.__name__)
print(list(map(lambda *xs: xs, "ab", "cd")), list(filter(lambda x: x % 2, range(7))))
def gen_then_list():
    g = (x for x in range(3))
    return list(g), list(g)
print(gen_then_list())
d = {"a": 1, "b": 2}
di = iter(d.items())
print(next(di), type(di).__name__, list(di))
