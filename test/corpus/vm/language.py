first, *middle, last = range(6)
print(first, middle, last)
(a, b), c = (1, 2), 3
print(a, b, c)
print([*range(3), *"ab"], {**{"x": 1}, "y": 2}, {*(1, 2), 3})
def kw(*, key, value=0):
    return key, value
print(kw(key=1), kw(value=2, key=3), kw(**{"key": 4}))
def posonly(a, b, /, c):
    return a + b + c
print(posonly(1, 2, c=3))
try:
    posonly(a=1, b=2, c=3)
except TypeError as e:
    print(e)
def args(*a, **k):
    return a, k
print(args(1, 2, x=3), args(*[1, 2], **{"y": 4}))
x = 10
name = "pi"
print(f"{x:>5}|{x:<4}|{x:^6}|{3.14159:.2f}|{name!r}|{x=}|{x * 2 = }|{'nested ' + f'{x}'}")
if (n := len("walrus")) > 3:
    print("walrus", n)
print([y for z in [[1, 2], [3]] for y in z if y != 2])
print(1 if x > 5 else 0, x > 5 and "yes" or "no", not x, -x, ~x, +x)
s = "abcdefgh"
print(s[1:4], s[::-1], s[::2], s[-3:], s[:-5])
lst = list(range(10))
lst[2:5] = ["a"]
del lst[0]
del lst[-2:]
print(lst)
t = 1, 2
print(t, type(t).__name__)
counter = 0
def bump():
    global counter
    counter += 1
bump(); bump()
print(counter)
def make_adders():
    return [lambda v, i=i: v + i for i in range(3)]
print([f(10) for f in make_adders()])
import math
from math import sqrt as root
print(math.pi > 3, root(16), math.floor(2.7))
print(0x1f, 0o17, 0b101, 1_000_000, 1e3, 2j * 2j, 7 // 2, -7 // 2, 7 % -3, 2 ** 10, 2 ** -1)
print(type(None).__name__, type(...).__name__, type(NotImplemented).__name__)
def deco_factory(tag):
    def deco(fn):
        def wrapped(*a):
            return f"<{tag}>{fn(*a)}</{tag}>"
        return wrapped
    return deco
@deco_factory("b")
@deco_factory("i")
def hello(who):
    return "hi " + who
print(hello("bob"))
i = 0
while True:
    i += 1
    if i == 3:
        continue
    if i > 5:
        break
else:
    print("never")
for j in range(2):
    pass
else:
    print("for-else", j)
print(i)
assert isinstance(i, int), "bad"
x = [1, 2, 3]
x[1] += 10
x.append(4)
print(x, x.pop(), x)
d = {}
d.setdefault("k", []).append(1)
print(d, sorted({"b": 1, "a": 2}.items()))
