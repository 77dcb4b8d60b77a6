# Closures, nonlocal, global, late binding, cells, default arguments evaluated once.
def make_counter():
    count = 0
    def inc(step=1):
        nonlocal count
        count += step
        return count
    def get():
        return count
    return inc, get
inc, get = make_counter()
inc(); inc(5)
print(get(), inc.__closure__[0].cell_contents, inc.__code__.co_freevars, make_counter.__code__.co_cellvars)
funcs = [lambda: i for i in range(3)]
print([f() for f in funcs])
funcs = [lambda i=i: i for i in range(3)]
print([f() for f in funcs])
def adders():
    return [lambda x, n=n: x + n for n in range(4)]
print([a(10) for a in adders()])
total = 0
def add_global(v):
    global total
    total += v
    return total
add_global(3); add_global(4)
print(total)
def outer():
    x = "outer"
    def middle():
        def inner():
            return x
        return inner()
    x = "changed"
    return middle()
print(outer())
def default_list(item, bucket=[]):
    bucket.append(item)
    return bucket
print(default_list(1), default_list(2), default_list.__defaults__)
def safe_list(item, bucket=None):
    bucket = [] if bucket is None else bucket
    bucket.append(item)
    return bucket
print(safe_list(1), safe_list(2))
def shadow():
    try:
        print(undefined_local)
        undefined_local = 1
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
shadow()
def counter_gen():
    n = 0
    def step():
        nonlocal n
        n += 1
        return n
    return step
s1, s2 = counter_gen(), counter_gen()
print(s1(), s1(), s2(), s1.__closure__[0] is s2.__closure__[0])
def compose(*fs):
    def composed(x):
        for f in reversed(fs):
            x = f(x)
        return x
    return composed
print(compose(str, lambda v: v * 2, abs)(-21))
def memo(f):
    cache = {}
    def wrapper(n):
        if n not in cache:
            cache[n] = f(n)
        return cache[n]
    wrapper.cache = cache
    return wrapper
@memo
def fibo(n):
    return n if n < 2 else fibo(n - 1) + fibo(n - 2)
print(fibo(80), len(fibo.cache))
x = "module"
class Scope:
    x = "class"
    y = [x for _ in range(1)]
    def method(self):
        return x
print(Scope.y, Scope().method())
def nested_nonlocal():
    a = 1
    def f():
        nonlocal a
        def g():
            nonlocal a
            a += 10
        g()
        a += 100
    f()
    return a
print(nested_nonlocal())
print((lambda *a, **k: (a, sorted(k.items())))(1, 2, z=3, y=4))
def kinds(a, b=2, /, c=3, *args, d, e=5, **kw):
    return a, b, c, args, d, e, kw
print(kinds(1, d=4), kinds(1, 2, 3, 4, 5, d=6, f=7))
try:
    kinds(a=1, d=2)
except TypeError as e:
    print("TypeError:", e)
try:
    kinds(1)
except TypeError as e:
    print("TypeError:", e)
print(kinds.__code__.co_argcount, kinds.__code__.co_posonlyargcount, kinds.__code__.co_kwonlyargcount, kinds.__kwdefaults__, kinds.__defaults__)
