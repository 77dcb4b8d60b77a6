def add(a, b=10, *rest, c=3, **kw):
    return a + b + c + len(rest) + len(kw)

print(add(1), add(1, 2), add(1, 2, 3, 4), add(1, c=5, z=9))

def counter():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    return inc

c = counter()
c()
c()
print(c(), c.__name__, c.__qualname__)

def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)

print(fact(10), fact(25))
f = lambda x, y=2: x * y
print(f(3), f(3, 4))

def deco(fn):
    def wrapper(*args):
        return fn(*args) * 2
    return wrapper

@deco
def three():
    return 3

print(three())
g = 5
def use_global():
    global g
    g += 1
    return g
print(use_global(), g)
for name, call in [("missing", lambda: add()), ("extra", lambda: fact(1, 2)), ("kw", lambda: fact(m=1)), ("dup", lambda: add(1, a=2))]:
    try:
        call()
    except TypeError as e:
        print(name, e)
