# Descriptors: data vs non-data, __set_name__, lookup order, properties built by hand, slots.
class Typed:
    def __set_name__(self, owner, name):
        self.name = "_" + name
        self.owner = owner.__name__
    def __init__(self, kind):
        self.kind = kind
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name, None)
    def __set__(self, obj, value):
        if not isinstance(value, self.kind):
            raise TypeError(f"{self.name[1:]} must be {self.kind.__name__}, got {type(value).__name__}")
        setattr(obj, self.name, value)
class Person:
    name = Typed(str)
    age = Typed(int)
    def __init__(self, name, age):
        self.name, self.age = name, age
p = Person("ann", 30)
print(p.name, p.age, Person.name.name, Person.age.owner, sorted(vars(p)))
try:
    p.age = "old"
except TypeError as e:
    print("TypeError:", e)
class NonData:
    def __get__(self, obj, objtype=None):
        return "from descriptor"
class Holder:
    attr = NonData()
h = Holder()
print(h.attr)
h.__dict__["attr"] = "from instance"
print(h.attr, Holder.attr)
class Data(NonData):
    def __set__(self, obj, v):
        print("set intercepted", v)
class Holder2:
    attr = Data()
h2 = Holder2()
h2.__dict__["attr"] = "instance value"
h2.attr = 5
print(h2.attr)
class MyProperty:
    def __init__(self, fget=None, fset=None):
        self.fget, self.fset = fget, fset
    def __get__(self, obj, cls=None):
        return self if obj is None else self.fget(obj)
    def __set__(self, obj, v):
        if self.fset is None:
            raise AttributeError("read-only")
        self.fset(obj, v)
    def setter(self, f):
        return MyProperty(self.fget, f)
class Box:
    def __init__(self):
        self._v = 0
    @MyProperty
    def v(self):
        return self._v
    @v.setter
    def v(self, val):
        self._v = val * 10
b = Box()
b.v = 4
print(b.v, type(Box.__dict__["v"]).__name__)
class Ro:
    @property
    def x(self):
        return 1
try:
    Ro().x = 2
except AttributeError as e:
    print("AttributeError:", e)
class Counted:
    instances = 0
    def __get__(self, obj, owner):
        Counted.instances += 1
        return Counted.instances
class Uses:
    c = Counted()
u = Uses()
print(u.c, u.c, Uses.c)
def plain(self):
    return "bound to " + type(self).__name__
class Attach:
    pass
Attach.method = plain
a = Attach()
print(a.method(), Attach.method(a), plain.__get__(a)(), type(plain.__get__(a)).__name__)
print(type(Attach.__dict__["method"]).__name__, staticmethod(len)(["x"]), classmethod(lambda c: c.__name__).__get__(None, Attach)())
class Slotted:
    __slots__ = ("a", "b")
print(type(Slotted.a).__name__, Slotted.a.__name__, Slotted.__slots__)
s = Slotted()
s.a = 1
try:
    print(s.b)
except AttributeError as e:
    print("AttributeError:", e)
print(hasattr(s, "__dict__"), hasattr(Person("x", 1), "__dict__"))
print(vars(type(p.__class__.__dict__["name"]))["__get__"].__name__, Person.__dict__["age"].kind)
