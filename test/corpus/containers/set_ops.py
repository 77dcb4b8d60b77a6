import sys

words = ["apple", "banana", "cherry", "date", "elderberry", "fig"]
s = set()
for w in words:
    s.add(w)
print(s, set(words), {"apple", "banana", "cherry", "date", "elderberry", "fig"})
nums = {10, 3, 77, 1024, 8, 9, 5, -1, -2}
print(nums, sys.getsizeof(nums), sys.getsizeof(set()), sys.getsizeof(frozenset()))
grow = set()
sizes = []
for i in range(100):
    grow.add(i)
    sizes.append(sys.getsizeof(grow))
print(sorted(set(sizes)))
for i in range(0, 100, 3):
    grow.discard(i)
grow.add(1000)
grow.add(-7)
print(list(grow)[:12], sys.getsizeof(grow))

a, b = {1, 2, 3, 4}, {3, 4, 5}
print(a | b, a & b, a - b, a ^ b, a <= b, a >= {1}, a < a, a.isdisjoint({9}))
print(a.union([7], (8,)), a.intersection(b, {4}), a.difference({1}, [2]), a.symmetric_difference([9, 1]))
c = set(a)
c &= b
c |= {"x"}
c -= {"x"}
c ^= {5, 6}
print(c, c.issubset(range(10)), c.issuperset([3]))
print(hash(frozenset({1, 2, 3})), hash(frozenset("ab")), hash(frozenset()), frozenset([1]) == {1})
print(frozenset({1, 2}), set(), frozenset(), {frozenset({1})}, {1} in [{1}], {1} in {frozenset({1})})
p = {3, 1, 2}
print(p.pop(), p.pop(), p)
for expr in ["set().pop()", "{1}.remove(2)", "{[]}", "{1} | [2]", "set(1)", "set([], [])", "hash({1})"]:
    try:
        eval(expr)
    except Exception as e:
        print(type(e).__name__ + ":", e)
