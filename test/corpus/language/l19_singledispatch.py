# functools.singledispatch: dispatch on the first argument's type, registration forms, MRO.
import functools
@functools.singledispatch
def kind(x):
    return "object"
@kind.register
def _(x: int):
    return "int"
@kind.register(list)
def _(x):
    return "list of %d" % len(x)
print(kind(1), kind([1, 2]), kind("s"), kind(True))
print(kind.registry.keys() if False else sorted(t.__name__ for t in kind.registry), kind.dispatch(bool).__name__)
class Base: pass
class Derived(Base): pass
@kind.register
def _(x: Base):
    return "base"
print(kind(Derived()), kind(3.5), kind((1,)))
class Shape:
    @functools.singledispatchmethod
    def area(self, arg):
        return "unknown"
    @area.register
    def _(self, arg: int):
        return arg * arg
print(Shape().area(3), Shape().area("x"))
