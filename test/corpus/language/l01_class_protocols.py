# Classes: dunder protocols, comparison fallbacks, __repr__/__str__/__format__, __bool__/__len__.
class Vec:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return f"Vec({self.x!r}, {self.y!r})"
    def __str__(self):
        return f"<{self.x}, {self.y}>"
    def __format__(self, spec):
        return f"<{self.x:{spec}}, {self.y:{spec}}>"
    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y) if isinstance(o, Vec) else NotImplemented
    def __radd__(self, o):
        return self if o == 0 else NotImplemented
    def __mul__(self, k):
        return Vec(self.x * k, self.y * k)
    __rmul__ = __mul__
    def __neg__(self):
        return Vec(-self.x, -self.y)
    def __abs__(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5
    def __eq__(self, o):
        return isinstance(o, Vec) and (self.x, self.y) == (o.x, o.y)
    def __hash__(self):
        return hash((self.x, self.y))
    def __lt__(self, o):
        return abs(self) < abs(o)
    def __bool__(self):
        return bool(self.x or self.y)
    def __iter__(self):
        yield self.x
        yield self.y
    def __getitem__(self, i):
        return (self.x, self.y)[i]

a, b = Vec(1, 2), Vec(3, 4)
print(a + b, repr(a * 3), 2 * b, -a, abs(b), sum([a, b, a]))
print(f"{a:05.1f}", format(b, ">3"), str(a), [a, b])
print(a == Vec(1, 2), a != b, a < b, b > a, sorted([b, a, Vec(0, 1)]))
print(bool(Vec(0, 0)), bool(a), list(a), a[1], a[-1], tuple(b))
print(len({a, Vec(1, 2), b}), hash(a) == hash(Vec(1, 2)))
try:
    a + 1
except TypeError as e:
    print("TypeError:", e)
try:
    a <= b
except TypeError as e:
    print("TypeError:", e)
try:
    a.z = 1
except AttributeError as e:
    print("AttributeError:", e)

class Countdown:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
    def __contains__(self, v):
        return 0 < v <= self.n
    def __call__(self, k):
        return [self.n - i for i in range(k)]
c = Countdown(5)
print(len(c), 3 in c, 9 in c, bool(c), bool(Countdown(0)), c(3), callable(c))

class Temp:
    def __init__(self, c):
        self._c = c
    @property
    def f(self):
        return self._c * 9 / 5 + 32
    @f.setter
    def f(self, v):
        self._c = (v - 32) * 5 / 9
    @f.deleter
    def f(self):
        print("deleting")
        self._c = 0
    @classmethod
    def boiling(cls):
        return cls(100)
    @staticmethod
    def describe():
        return "temperature"
t = Temp(20)
print(t.f, Temp.boiling().f, Temp.describe(), t.describe())
t.f = 212
print(t._c)
del t.f
print(t._c, type(Temp.f).__name__, Temp.f.fget.__name__)

class Base:
    def __init_subclass__(cls, tag="none", **kw):
        super().__init_subclass__(**kw)
        cls.tag = tag
class A(Base, tag="alpha"): pass
class B(A): pass
print(A.tag, B.tag, Base.__subclasses__(), A.__subclasses__())

class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        ns["created_by"] = mcls.__name__
        return super().__new__(mcls, name, bases, ns)
    def __call__(cls, *args):
        inst = super().__call__(*args)
        inst.via_meta = True
        return inst
class WithMeta(metaclass=Meta):
    def __init__(self, v):
        self.v = v
w = WithMeta(7)
print(type(WithMeta).__name__, WithMeta.created_by, w.v, w.via_meta, isinstance(WithMeta, Meta))
print(WithMeta.__name__, WithMeta.__qualname__, WithMeta.__module__, Vec.__slots__)
