import itertools as it

print(list(it.islice(it.count(), 5)), list(it.islice(it.count(2.5, 0.5), 3)), it.count(3), it.count(1, 2))
print(list(it.islice(it.cycle("ab"), 5)), list(it.repeat(7, 3)), it.repeat("x", 2), it.repeat(None))
print(list(it.accumulate([1, 2, 3, 4], lambda a, b: a * b)), list(it.accumulate([1, 2], initial=10)))
print(list(it.chain("ab", [1], ())), list(it.chain.from_iterable(["xy", "z"])))
print(list(it.compress("abcdef", [1, 0, 1, 0, 1, 1])), list(it.takewhile(lambda x: x < 3, [1, 2, 5, 1])))
print(list(it.islice("abcdefg", 2, None, 2)), list(it.islice("abc", None)), list(it.islice(range(10), 1, 8, 3)))
print([(k, list(g)) for k, g in it.groupby([1, 1, 2, 3, 3, 3], key=lambda v: v % 2)])
groups = it.groupby("aabbb")
k1, g1 = next(groups)
k2, g2 = next(groups)
print(k1, list(g1), k2, list(g2))
a, b = it.tee([1, 2, 3])
print(list(a), list(b), list(it.pairwise("abcd")))
print(list(it.zip_longest("ab", "xyz")), list(it.starmap(max, [(1, 5), (7, 2)])))
print(list(it.product("ab", [0, 1])), list(it.product(range(2), repeat=2)), list(it.product()))
print(list(it.permutations("abc")), list(it.permutations(range(3), 1)), list(it.permutations([], 0)))
print(list(it.combinations(range(4), 3)), list(it.combinations("ab", 3)))
print(list(it.combinations_with_replacement("abc", 2)))
ids = {id(t) for t in it.combinations(range(5), 2)}
print(len(ids))
for expr in ["it.islice([], -1)", "it.islice([], 1, 2, 0)", "it.count('a')", "it.combinations([1], -1)",
             "list(it.repeat(1, -5))", "it.chain(1).__next__()", "it.permutations()"]:
    try:
        print(eval(expr))
    except Exception as e:
        print(type(e).__name__ + ":", e)
