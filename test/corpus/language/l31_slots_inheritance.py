# __slots__ with inheritance: sizes, dict/weakref availability, conflicts, defaults via class attrs.
import sys, weakref
class A:
    __slots__ = ("x",)
class B(A):
    __slots__ = ("y", "z")
class C(B):
    pass
class D(A):
    __slots__ = ("__dict__",)
class E:
    __slots__ = ("__weakref__", "v")
for cls in (A, B, C, D, E):
    inst = cls()
    print(cls.__name__, sys.getsizeof(inst), hasattr(inst, "__dict__"), cls.__basicsize__)
b = B()
b.x, b.y = 1, 2
print(b.x, b.y, B.__slots__, B.x, B.z)
try:
    b.w = 3
except AttributeError as e:
    print("AttributeError:", e)
c = C()
c.w = 5
print(c.__dict__, weakref.ref(c)() is c)
try:
    weakref.ref(b)
except TypeError as e:
    print("TypeError:", e)
print(weakref.ref(E())() is None)
d = D()
d.free = 1
print(d.__dict__)
try:
    class Bad(A):
        __slots__ = ("x",) if False else ()
        x = 5
    print("Bad ok", Bad.x)
except ValueError as e:
    print("ValueError:", e)
try:
    class Conflict:
        __slots__ = ("a",)
        a = 1
except ValueError as e:
    print("ValueError:", e)
try:
    class Multi(B, E):
        pass
except TypeError as e:
    print("TypeError:", e)
class Base:
    __slots__ = ()
class Leaf(Base):
    __slots__ = ("a", "b")
print(sys.getsizeof(Leaf()), sys.getsizeof(Base()), Base.__basicsize__, Leaf.__basicsize__)
class Str(str):
    __slots__ = ()
class Lst(list):
    __slots__ = ("tag",)
print(sys.getsizeof(Lst()), sys.getsizeof(Lst([1, 2])), hasattr(Str("a"), "__dict__"))
