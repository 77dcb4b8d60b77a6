print("hello")
x = 257
y = 257
print(x is y, x + y, x - y * 2)
a, b = 1, 2
a, b = b, a
print(a, b)
s = 0
i = 0
while i < 10:
    s += i
    i += 1
print(s)
if s > 40 and not s > 100:
    print("between")
elif s > 100:
    print("big")
else:
    print("small")
print(1 < 2 < 3, 3 < 2 < 1, None is None)
t = (1, 2, 3)
print(t, len(t), t[1])
d = {"a": 1, "b": 2}
d["c"] = 3
print(d, d["b"], "a" in d, "z" not in d)
