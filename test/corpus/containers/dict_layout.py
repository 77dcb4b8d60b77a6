import sys

print(sys.getsizeof({}), sys.getsizeof({"a": 1}), sys.getsizeof({1: 1}), sys.getsizeof(dict(a=1)))
d = {}
seen = []
for i in range(50):
    d[i] = i
    s = sys.getsizeof(d)
    if not seen or seen[-1][1] != s:
        seen.append((i + 1, s))
print(seen)

s = {}
for i in range(12):
    s["k%d" % i] = i
print(sys.getsizeof(s))
s[1] = 1
print(sys.getsizeof(s))

d = {k: k for k in range(20)}
for k in range(0, 20, 2):
    del d[k]
print(list(d), sys.getsizeof(d), sys.getsizeof(d.copy()), sys.getsizeof(dict(d)))
print(sys.getsizeof(dict.fromkeys(range(10))), sys.getsizeof(dict.fromkeys("abcdefghijk")))
print(sys.getsizeof(dict.fromkeys({1, 2, 3, 4, 5, 6})))
e = {"a": 1, "b": 2}
print(sys.getsizeof({**e}), sys.getsizeof(dict(e)), sys.getsizeof(e.copy()), sys.getsizeof(e | {"c": 3}))
big = dict.fromkeys(range(1000))
print(sys.getsizeof(big))
big.clear()
print(sys.getsizeof(big))
