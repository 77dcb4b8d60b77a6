import abc
from abc import ABC, ABCMeta, abstractmethod
import types


class Shape(ABC):
    @abstractmethod
    def area(self):
        ...

    @abstractmethod
    def name(self):
        ...

    def describe(self):
        return f"{self.name()} of area {self.area()}"


print(Shape.__abstractmethods__ == frozenset({"area", "name"}), type(Shape.__abstractmethods__).__name__)
print(type(Shape) is ABCMeta, isinstance(Shape, ABCMeta), Shape.__mro__)
try:
    Shape()
except TypeError as e:
    print("TypeError:", e)


class Half(Shape):
    def area(self):
        return 1

try:
    Half()
except TypeError as e:
    print("TypeError:", e)


class Square(Half):
    def name(self):
        return "square"

print(Square().describe(), Square.__abstractmethods__)


class Sized(metaclass=ABCMeta):
    @classmethod
    def __subclasshook__(cls, C):
        if cls is Sized:
            return any("__len__" in B.__dict__ for B in C.__mro__)
        return NotImplemented

print(isinstance([], Sized), isinstance(1, Sized), issubclass(dict, Sized), issubclass(int, Sized))


class Base(ABC):
    pass

@Base.register
class Virtual:
    pass

print(Virtual.__name__, issubclass(Virtual, Base), isinstance(Virtual(), Base), Base not in Virtual.__mro__)
Base.register(int)
print(isinstance(3, Base), isinstance(True, Base), isinstance("s", Base), issubclass(bool, Base))
print(Base.register(Virtual) is Virtual)
try:
    Base.register(3)
except TypeError as e:
    print("TypeError:", e)
try:
    issubclass(3, Base)
except TypeError as e:
    print("TypeError:", e)
class Child(Base):
    pass
try:
    Child.register(Base)
except RuntimeError as e:
    print("RuntimeError:", e)
t1 = abc.get_cache_token()
Child.register(float)
print(abc.get_cache_token() == t1 + 1, issubclass(float, Base), issubclass(float, Child))


class WithProps(ABC):
    @property
    @abstractmethod
    def value(self):
        ...

    @classmethod
    @abstractmethod
    def make(cls):
        ...

    @staticmethod
    @abstractmethod
    def helper():
        ...

print(sorted(WithProps.__abstractmethods__))


class Later(ABC):
    pass

Later.extra = abstractmethod(lambda self: None)
abc.update_abstractmethods(Later)
print(Later.__abstractmethods__)
try:
    Later()
except TypeError as e:
    print("TypeError:", e)

print(ABC.__slots__, ABC.__doc__ is not None, abstractmethod(lambda: 0).__isabstractmethod__)

# types
try:
    class M1(type): pass
    class M2(type): pass
    types.new_class("X", (M1("A", (), {}), M2("B", (), {})))
except TypeError as e:
    print("TypeError:", e)
ns = types.SimpleNamespace(a=1, b="x")
print(ns, ns.a, ns == types.SimpleNamespace(a=1, b="x"), ns != types.SimpleNamespace(a=2))
ns.c = [ns]
print(ns)
del ns.a
print(ns.__dict__.keys(), repr(types.SimpleNamespace()))
class Sub(types.SimpleNamespace):
    pass
print(Sub(z=1), types.SimpleNamespace.__name__, types.SimpleNamespace.__module__)
try:
    types.SimpleNamespace(1)
except TypeError as e:
    print("TypeError:", e)
print(types.SimpleNamespace.__hash__)

mp = types.MappingProxyType
print(mp.__name__, type(int.__dict__) is mp)


def gen():
    yield 1

async def coro():
    pass

class K:
    def m(self):
        pass

c = coro()
print(isinstance(gen(), types.GeneratorType), isinstance(c, types.CoroutineType),
      isinstance(gen, types.FunctionType), types.LambdaType is types.FunctionType,
      isinstance(K().m, types.MethodType), isinstance(len, types.BuiltinFunctionType),
      isinstance([].append, types.BuiltinMethodType), isinstance(types, types.ModuleType),
      isinstance(gen.__code__, types.CodeType))
c.close()
for name in ("FunctionType", "CodeType", "MethodType", "BuiltinFunctionType", "ModuleType",
             "GeneratorType", "CoroutineType", "AsyncGeneratorType", "CellType", "FrameType",
             "TracebackType", "WrapperDescriptorType", "MethodWrapperType",
             "MethodDescriptorType", "ClassMethodDescriptorType", "GetSetDescriptorType",
             "MemberDescriptorType", "NoneType", "EllipsisType", "NotImplementedType",
             "GenericAlias", "MappingProxyType"):
    print(name, getattr(types, name))



class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        print("prepare", name, kw)
        return {"injected": 1}

    def __new__(mcls, name, bases, ns, **kw):
        print("new", name, sorted(ns), kw)
        return super().__new__(mcls, name, bases, ns)

    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns)

def body(ns):
    ns["hello"] = lambda self: "hi"

Made = types.new_class("Made", (), {"metaclass": Meta, "flag": True}, body)
print(Made.__name__, Made.injected, Made().hello(), type(Made).__name__)
print(types.prepare_class("P", (int,)))
meta, ns2, kw = types.prepare_class("Q", (), {"metaclass": Meta, "x": 1})
print(meta.__name__, ns2, kw)
Plain = types.new_class("Plain", (int,))
print(Plain.__mro__, Plain(7) + 1)


class Entry:
    def __mro_entries__(self, bases):
        return (dict,)

print(types.resolve_bases((Entry(), int)), types.resolve_bases((int,)))
D = types.new_class("D", (Entry(),))
print(D.__mro__, D.__orig_bases__[0].__class__.__name__)
