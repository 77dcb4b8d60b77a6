# Decorators: wraps, stacking order, decorators with arguments, class decorators, lru_cache stats.
import functools
calls = []
def trace(f):
    @functools.wraps(f)
    def wrapper(*args, **kw):
        calls.append(f.__name__)
        return f(*args, **kw)
    return wrapper
def repeat(n):
    def deco(f):
        @functools.wraps(f)
        def wrapper(*a):
            return [f(*a) for _ in range(n)]
        return wrapper
    return deco
@trace
@repeat(3)
def greet(name):
    """Say hello."""
    return "hi " + name
print(greet("bo"), greet.__name__, greet.__doc__, greet.__wrapped__.__name__, calls)
def order(tag):
    def deco(f):
        print("applying", tag)
        def w():
            return tag + "(" + f() + ")"
        return w
    return deco
@order("outer")
@order("inner")
def base():
    return "x"
print(base())
def singleton(cls):
    instances = {}
    def get(*a):
        if cls not in instances:
            instances[cls] = cls(*a)
        return instances[cls]
    return get
@singleton
class Config:
    def __init__(self, v):
        self.v = v
print(Config(1).v, Config(2).v, Config(3) is Config(4))
def add_repr(cls):
    cls.__repr__ = lambda self: f"{cls.__name__}({vars(self)})"
    return cls
@add_repr
class Item:
    def __init__(self, a):
        self.a = a
print(Item(5), [Item("z")])
@functools.lru_cache(maxsize=4)
def sq(n):
    return n * n
for n in [1, 2, 3, 1, 4, 5, 1, 2]:
    sq(n)
print(sq.cache_info(), sq(3), sq.cache_info())
sq.cache_clear()
print(sq.cache_info())
@functools.cache
def fact(n):
    return 1 if n < 2 else n * fact(n - 1)
print(fact(30), fact.cache_info())
class Lazy:
    def __init__(self):
        self.computed = 0
    @functools.cached_property
    def value(self):
        self.computed += 1
        return 99
lz = Lazy()
print(lz.value, lz.value, lz.computed, "value" in vars(lz))
p = functools.partial(int, base=2)
print(p("1010"), p.func, p.args, p.keywords, functools.partial(max, 5)(1, 9))
print(functools.reduce(lambda a, b: a * b, range(1, 8)), functools.reduce(lambda a, b: a + b, [], 100))
@functools.total_ordering
class Ver:
    def __init__(self, *p):
        self.p = p
    def __eq__(self, o):
        return self.p == o.p
    def __lt__(self, o):
        return self.p < o.p
print(Ver(1, 2) <= Ver(1, 3), Ver(2) >= Ver(1, 9), Ver(1) > Ver(1), sorted([Ver(3), Ver(1, 1), Ver(1)], key=lambda v: v).__len__())
def deco_method(f):
    def w(self, *a):
        return "<" + f(self, *a) + ">"
    return w
class Greeter:
    @deco_method
    def hi(self, who):
        return "hi " + who
    @staticmethod
    @functools.lru_cache(None)
    def cached_static(x):
        return x * 3
print(Greeter().hi("x"), Greeter.cached_static(4), Greeter().cached_static(4))
