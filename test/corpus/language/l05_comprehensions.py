# List/set/dict comprehensions, nesting, conditions, walrus inside, scoping of the loop variable.
nums = list(range(-5, 11))
print([n * n for n in nums if n % 3 == 0])
print({n % 4 for n in nums}, {n: n ** 3 for n in range(5)})
print([(i, j) for i in range(3) for j in range(i)])
print([[r * c for c in range(4)] for r in range(3)])
matrix = [[1, 2, 3], [4, 5, 6]]
print([list(col) for col in zip(*matrix)], [x for row in matrix for x in row if x != 4])
print([x if x > 0 else -x for x in nums][:6])
words = "the quick brown fox jumps over the lazy dog".split()
print({w: len(w) for w in words}, sorted({len(w) for w in words}))
print({w[0]: w for w in words}, [w.upper() for w in words if "o" in w])
print([y for x in range(10) if (y := x * x) > 20])
i = "outer"
print([i for i in range(3)], i)
print(dict(zip("abc", range(3))), dict.fromkeys("xy", 0), {**{"a": 1}, "b": 2, **{"a": 3}})
print([*range(3), *"ab"], (*[1, 2],), {*[1, 1, 2]})
first, *middle, last = range(6)
print(first, middle, last)
(a, b), c = (1, 2), 3
print(a, b, c)
print(sum(1 for w in words if len(w) == 3), max(words, key=len), min(words), sorted(words, key=lambda w: (-len(w), w)))
print(list(map(lambda p: p[0] * p[1], zip(range(5), range(5, 10)))), list(filter(None, [0, 1, "", "a", [], [0]])))
gen_in = [n for n in (m * 2 for m in range(5))]
print(gen_in, [[0] * 3 for _ in range(2)])
grid = [[0] * 3] * 2
grid[0][0] = 9
print(grid)
print(all(n < 11 for n in nums), any(n > 10 for n in nums), all([]), any([]))
print(sorted(((v, k) for k, v in {"x": 3, "y": 1, "z": 2}.items()), reverse=True))
pairs = {(x, y) for x in range(3) for y in range(3) if x != y}
print(len(pairs), sorted(pairs)[:4])
flat = [c for w in ["ab", "cd"] for c in w]
print(flat, "".join(reversed(flat)))
print({k: [v for v in range(k)] for k in range(4)})
def f(n):
    return [lambda: k * n for k in range(3)]
print([g() for g in f(10)])
print([x for x in range(20) if x % 2 if x % 3], [(x, y) for x, y in enumerate("abc", 1)])
