data = [5, 3, 9, 1, 7]
print(sorted(data), sorted(data, reverse=True), min(data), max(data), sum(data))
print(list(map(str, data)), list(filter(lambda v: v > 4, data)), list(zip(data, "abcde")))
print(list(enumerate("ab", 1)), any([0, 0, 1]), all([]), list(reversed(data)))
print(sum([1, 2.5, 3]), sum([2**62, 2**62]), sum([0.1] * 10), sum([1, 2], 10), sum([[1], [2]], []))
print(min(4, 2, 8, key=lambda x: -x), max("hello"), min([], default="empty"), max([(1, "b"), (1, "a")]))
print(list(zip()), list(zip([1, 2, 3], "ab")), list(map(pow, [2, 3], [3, 2])), list(filter(None, [0, "", 1, "a"])))
print(list(enumerate([], 5)), list(reversed("abc")), list(reversed((1, 2))), list(reversed({1: 2, 3: 4})))
it = iter([1, 2, 3])
print(next(it), list(it), list(it))

class Seq:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError(i)
        return i * 10
    def __len__(self):
        return 3

print(list(Seq()), list(reversed(Seq())), 20 in Seq())
pairs = [(i, c) for i, c in enumerate("xyz")]
print(pairs, [k + v for k, v in {"a": "1", "b": "2"}.items()])
for expr in ["sorted()", "min()", "min([])", "max(1)", "max(1, 2, default=0)", "sum(['a'], '')",
             "list(zip([1], [], strict=True))", "list(zip([1], [2, 3], strict=True))",
             "list(zip([1], [2], [3, 4], strict=True))", "map(len)", "filter(len)", "reversed(1)",
             "enumerate()", "enumerate([], 1, 2)", "zip(1)", "iter(5)"]:
    try:
        eval(expr)
    except Exception as e:
        print(type(e).__name__ + ":", e)
