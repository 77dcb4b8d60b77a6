import operator, heapq, bisect

print(operator.add(2, 3), operator.mul("ab", 2), operator.neg(5), operator.not_([]), operator.truth(1))
print(operator.lt(1, 2), operator.eq([1], [1]), operator.contains("abc", "b"), operator.countOf([1, 2, 1], 1))
print(operator.indexOf("abc", "c"), operator.getitem({"k": 9}, "k"), operator.concat([1], [2]), operator.__add__(1, 1))
x = [1, 2]
print(operator.iadd(x, [3]) is x, x, operator.pow(2, 10), operator.is_(None, None), operator.index(7))
g = operator.itemgetter(1)
g2 = operator.itemgetter(0, 2)
a = operator.attrgetter("real")
m = operator.methodcaller("split", ",", maxsplit=1)
print(g("abc"), g2("abc"), a(3), m("a,b,c"), g, g2, a, m)
print(sorted([("b", 2), ("a", 3), ("c", 1)], key=operator.itemgetter(1)))
data = {}
operator.setitem(data, "k", 1)
operator.delitem(data, "k")
print(data, operator.length_hint(iter([1, 2, 3])), operator.length_hint(object(), 4))
for expr in ["operator.concat(1, 2)", "operator.indexOf([1], 5)", "operator.itemgetter()"]:
    try:
        eval(expr)
    except Exception as e:
        print(type(e).__name__ + ":", e)

h = []
for v in [5, 1, 8, 3, 9, 2, 7]:
    heapq.heappush(h, v)
print(h, [heapq.heappop(h) for _ in range(3)], h)
nums = [9, 4, 7, 1, 8, 2]
heapq.heapify(nums)
print(nums, heapq.heapreplace(nums, 5), nums, heapq.heappushpop(nums, 0), nums)
print(heapq.nsmallest(3, [5, 1, 4, 2]), heapq.nlargest(2, "hello"), list(heapq.merge([1, 4], [2, 3])))
for expr in ["heapq.heappop([])", "heapq.heappush((), 1)"]:
    try:
        eval(expr)
    except Exception as e:
        print(type(e).__name__ + ":", e)

s = [1, 3, 3, 5, 8]
print(bisect.bisect(s, 3), bisect.bisect_left(s, 3), bisect.bisect_right(s, 3, 0, 2), bisect.bisect_left(s, 10))
bisect.insort(s, 4)
bisect.insort_left(s, 3)
print(s, bisect.bisect([("a", 1), ("c", 3)], "b", key=lambda p: p[0]))
try:
    bisect.bisect(s, 1, -1)
except ValueError as e:
    print("ValueError:", e)
