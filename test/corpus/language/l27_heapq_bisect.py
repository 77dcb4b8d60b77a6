# heapq and bisect: priority queues, merging, top-k, sorted insertion, grade lookup.
import heapq, bisect
h = []
for v in [5, 1, 8, 3, 9, 2, 7]:
    heapq.heappush(h, v)
print(h, heapq.heappop(h), h, heapq.heappushpop(h, 4), heapq.heapreplace(h, 10), h)
data = [9, 4, 7, 1, 8, 2, 6, 3, 5, 0]
heapq.heapify(data)
print(data, [heapq.heappop(data) for _ in range(len(data))])
print(heapq.nlargest(3, [5, 1, 9, 7, 3]), heapq.nsmallest(2, "zebra"), heapq.nlargest(2, ["aa", "b", "cccc"], key=len))
print(list(heapq.merge([1, 4, 7], [2, 5, 8], [0, 9])), list(heapq.merge(["a", "c"], ["B"], key=str.upper)))
tasks = []
for pri, name in [(3, "write"), (1, "plan"), (2, "code"), (1, "coffee")]:
    heapq.heappush(tasks, (pri, name))
print([heapq.heappop(tasks) for _ in range(4)])
try:
    heapq.heappop([])
except IndexError as e:
    print("IndexError:", e)
a = [1, 3, 3, 3, 5, 8]
print(bisect.bisect_left(a, 3), bisect.bisect_right(a, 3), bisect.bisect(a, 4), bisect.bisect_left(a, 0), bisect.bisect(a, 100))
bisect.insort(a, 4)
bisect.insort_left(a, 3)
print(a)
def grade(score, cuts=[60, 70, 80, 90], letters="FDCBA"):
    return letters[bisect.bisect(cuts, score)]
print([grade(s) for s in [33, 99, 77, 70, 89, 90, 100]])
rows = [("apple", 3), ("fig", 7), ("kiwi", 9)]
print(bisect.bisect_left(rows, 7, key=lambda r: r[1]), bisect.bisect_right([1, 2, 2], 2, lo=1, hi=2))
try:
    bisect.bisect([], 1, lo=-1)
except ValueError as e:
    print("ValueError:", e)
