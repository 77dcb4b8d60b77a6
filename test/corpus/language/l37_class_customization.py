# Class customization hooks: __class_getitem__, __set_name__, __init_subclass__ registries,
# __instancecheck__, __prepare__ ordering, and class decorators that count instances.
class Registry:
    plugins = {}
    def __init_subclass__(cls, /, name=None, **kw):
        super().__init_subclass__(**kw)
        Registry.plugins[name or cls.__name__.lower()] = cls
class Csv(Registry, name="csv"):
    pass
class Json(Registry):
    pass
print(sorted(Registry.plugins), Registry.plugins["csv"] is Csv)
class Typed:
    def __class_getitem__(cls, item):
        return f"{cls.__name__}[{item.__name__ if isinstance(item, type) else item}]"
print(Typed[int], Typed["x"], list[int], dict[str, list[int]], type(list[int]).__name__)
class Field:
    def __set_name__(self, owner, name):
        self.public, self.private = name, "_" + name
        owner.fields = getattr(owner, "fields", []) + [name]
    def __get__(self, obj, t=None):
        return getattr(obj, self.private, "unset") if obj else self
    def __set__(self, obj, v):
        setattr(obj, self.private, v)
class Model:
    title = Field()
    body = Field()
m = Model()
m.title = "T"
print(Model.fields, m.title, m.body)
class EvenMeta(type):
    def __instancecheck__(cls, obj):
        return isinstance(obj, int) and obj % 2 == 0
    def __subclasscheck__(cls, sub):
        return sub is bool
class Even(metaclass=EvenMeta):
    pass
print(isinstance(4, Even), isinstance(3, Even), issubclass(bool, Even), issubclass(int, Even))
class OrderedMeta(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        print("prepare", name)
        return {"injected": 42}
    def __new__(mcls, name, bases, ns):
        cls = super().__new__(mcls, name, bases, dict(ns))
        cls.order = [k for k in ns if not k.startswith("__")]
        return cls
class Form(metaclass=OrderedMeta):
    zeta = 1
    alpha = 2
    def mid(self):
        pass
print(Form.order, Form.injected)
def counted(cls):
    orig = cls.__init__
    cls.instances = 0
    def __init__(self, *a, **k):
        cls.instances += 1
        orig(self, *a, **k)
    cls.__init__ = __init__
    return cls
@counted
class Thing:
    def __init__(self, v):
        self.v = v
[Thing(i) for i in range(4)]
print(Thing.instances, Thing(9).v, Thing.instances)
class Fluent:
    def __init__(self):
        self.ops = []
    def __getattr__(self, name):
        def method(*args):
            self.ops.append((name, args))
            return self
        return method
print(Fluent().select("a").where(x=1) if False else Fluent().select("a").limit(5).ops)
class Immutable:
    __slots__ = ("_v",)
    def __init__(self, v):
        object.__setattr__(self, "_v", v)
    def __setattr__(self, k, v):
        raise AttributeError(f"{type(self).__name__} is immutable")
    @property
    def v(self):
        return self._v
im = Immutable(3)
try:
    im.v = 4
except AttributeError as e:
    print("AttributeError:", e, im.v)
print(type(Form).__name__, Form.__class__.__mro__[1].__name__, Csv.__mro__[1].__name__)
