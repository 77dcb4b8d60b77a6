class Typed:
    def __init__(self, kind):
        self.kind = kind
    def __set_name__(self, owner, name):
        self.name = "_" + name
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name, None)
    def __set__(self, obj, value):
        if not isinstance(value, self.kind):
            raise TypeError(f"{self.name[1:]} must be {self.kind.__name__}")
        setattr(obj, self.name, value)
    def __delete__(self, obj):
        delattr(obj, self.name)
class Point:
    x = Typed(int)
    y = Typed(int)
    def __init__(self, x, y):
        self.x, self.y = x, y
p = Point(1, 2)
print(p.x, p.y, vars(p))
try:
    p.x = "a"
except TypeError as e:
    print(e)
del p.x
print(p.x, type(Point.x).__name__)
class NonData:
    def __get__(self, obj, objtype=None):
        return "from descriptor"
class Shadow:
    attr = NonData()
s = Shadow()
print(s.attr)
s.__dict__["attr"] = "from instance"
print(s.attr)
class Base:
    @property
    def v(self):
        return "base"
class Derived(Base):
    @Base.v.getter
    def v(self):
        return "derived"
print(Base().v, Derived().v)
class CM:
    @classmethod
    @property
    def cls_name(cls):
        return cls.__name__
print(CM.cls_name)
class Counter:
    calls = 0
    def __call__(self, *args, **kw):
        Counter.calls += 1
        return args, kw
c = Counter()
print(c(1, b=2), Counter.calls, callable(c), callable(Counter))
print(type(Point.__dict__["x"]).__name__, "x" in Point.__dict__, Point.__dict__["__module__"])
print(sorted(n for n in dir(p) if not n.startswith("__")))
