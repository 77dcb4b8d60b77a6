class Base:
    def __init_subclass__(cls, tag="none", **kw):
        super().__init_subclass__(**kw)
        cls.tag = tag
class Child(Base, tag="child"):
    pass
class Plain(Base):
    pass
print(Child.tag, Plain.tag)
class A:
    def hello(self):
        return "A"
    @classmethod
    def make(cls):
        return cls()
    @staticmethod
    def util(x):
        return x + 1
class B(A):
    def hello(self):
        return "B+" + super().hello()
print(B().hello(), type(B.make()).__name__, B.util(1), A.util(2))
print(B.__mro__ == (B, A, object), B.__bases__, B.__base__, A.__subclasses__())
print(isinstance(B(), A), issubclass(B, A), issubclass(A, B), isinstance(1, (str, int)))
class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        ns["created_by"] = mcls.__name__
        return super().__new__(mcls, name, bases, ns)
    def __call__(cls, *args):
        inst = super().__call__(*args)
        inst.via_meta = True
        return inst
class M(metaclass=Meta):
    def __init__(self, v):
        self.v = v
m = M(3)
print(M.created_by, m.v, m.via_meta, type(M).__name__)
try:
    class X(int, str):
        pass
except TypeError as e:
    print(e)
class Q:
    pass
class R(Q):
    pass
try:
    class Z(Q, R):
        pass
except TypeError as e:
    print(e)
T = type("T", (A,), {"attr": 5})
print(T.__name__, T().hello(), T.attr, T.__qualname__, T.__module__)
class Outer:
    class Inner:
        pass
print(Outer.Inner.__qualname__, repr(Outer.Inner), Outer.__name__)
class NoArgs:
    pass
try:
    NoArgs(1)
except TypeError as e:
    print(e)
class WithInit:
    def __init__(self):
        return 5
try:
    WithInit()
except TypeError as e:
    print(e)
class N:
    def __new__(cls, v):
        inst = super().__new__(cls)
        inst.v = v
        return inst
print(N(7).v)
