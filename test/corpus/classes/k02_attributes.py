class Lazy:
    def __init__(self):
        self.real = 1
    def __getattr__(self, name):
        return f"computed {name}"
l = Lazy()
print(l.real, l.other)
class Logged:
    def __getattribute__(self, name):
        if name == "secret":
            raise AttributeError(name)
        return object.__getattribute__(self, name)
    def __setattr__(self, name, value):
        object.__setattr__(self, name, value * 2)
g = Logged()
g.v = 21
print(g.v, hasattr(g, "secret"), getattr(g, "secret", "default"))
class Slotted:
    __slots__ = ("a", "b")
s = Slotted()
s.a = 1
print(s.a, hasattr(s, "b"))
try:
    s.c = 3
except AttributeError as e:
    print(e)
try:
    s.b
except AttributeError as e:
    print(e)
print(type(Slotted.a).__name__, Slotted.__slots__, hasattr(s, "__dict__"))
class P:
    def __init__(self):
        self._x = 0
    @property
    def x(self):
        "the x"
        return self._x
    @x.setter
    def x(self, v):
        self._x = v * 10
p = P()
p.x = 4
print(p.x, P.x.__doc__, type(P.x).__name__)
try:
    del p.x
except AttributeError as e:
    print(e)
class D:
    def __set_name__(self, owner, name):
        self.name = name
    def __get__(self, obj, objtype=None):
        return self if obj is None else f"{self.name} of {type(obj).__name__}"
class Host:
    field = D()
print(Host().field, Host.field.name)
o = object()
try:
    o.x = 1
except AttributeError as e:
    print(e)
try:
    [].append = 1
except AttributeError as e:
    print(e)
try:
    (1).real = 2
except AttributeError as e:
    print(e)
try:
    int.foo = 1
except TypeError as e:
    print(e)
print(vars(p), p.__dict__ is p.__dict__)
