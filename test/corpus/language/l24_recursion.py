# Recursion: depth limits, RecursionError text, mutual recursion, memoized and tail-style recursion.
import sys
print(sys.getrecursionlimit())
def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)
print(depth(900))
def infinite(n):
    return infinite(n + 1)
try:
    infinite(0)
except RecursionError as e:
    print("RecursionError:", e)
def is_even(n):
    return True if n == 0 else is_odd(n - 1)
def is_odd(n):
    return False if n == 0 else is_even(n - 1)
print(is_even(100), is_odd(77), is_even(7))
sys.setrecursionlimit(200)
try:
    depth(500)
except RecursionError as e:
    print("limit 200:", e)
print(depth(150))
sys.setrecursionlimit(1000)
def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))
print([ackermann(2, n) for n in range(5)], ackermann(3, 3))
def flatten(x):
    if isinstance(x, list):
        return [y for item in x for y in flatten(item)]
    return [x]
print(flatten([1, [2, [3, [4, [5]]]], [], [[6]]]))
def power_set(s):
    if not s:
        return [[]]
    rest = power_set(s[1:])
    return rest + [[s[0]] + r for r in rest]
print(power_set([1, 2, 3]), len(power_set(list(range(10)))))
nested = []
cur = nested
for _ in range(50):
    cur.append([])
    cur = cur[0]
print(str(nested)[:20], len(repr(nested)))
a = [1]
a.append(a)
print(a, repr(a))
d = {"k": 1}
d["self"] = d
print(d)
class Node:
    def __init__(self, v, nxt=None):
        self.v, self.nxt = v, nxt
    def __repr__(self):
        return f"Node({self.v}, {self.nxt!r})"
print(Node(1, Node(2, Node(3))))
try:
    sys.setrecursionlimit(0)
except ValueError as e:
    print("ValueError:", e)
def gcd(a, b):
    return a if b == 0 else gcd(b, a % b)
print(gcd(1071, 462), gcd(2**64, 6**20))
