# MRO, cooperative super(), diamonds, mixins, name mangling, class attributes vs instance.
class A:
    def who(self):
        return ["A"]
    def hello(self):
        return "A.hello"
class B(A):
    def who(self):
        return ["B"] + super().who()
class C(A):
    def who(self):
        return ["C"] + super().who()
    def hello(self):
        return "C.hello/" + super().hello()
class D(B, C):
    def who(self):
        return ["D"] + super().who()
print([k.__name__ for k in D.__mro__], D().who(), D().hello())
print(super(B, D()).who(), super(C, D()).hello())
print(issubclass(D, A), issubclass(A, D), isinstance(D(), C), D.__bases__, A.__base__)
try:
    class X(A, B): pass
except TypeError as e:
    print("TypeError:", e)

class Secret:
    def __init__(self):
        self.__hidden = 1
        self._semi = 2
    def reveal(self):
        return self.__hidden
s = Secret()
print(s.reveal(), s._Secret__hidden, sorted(vars(s)))
try:
    s.__hidden
except AttributeError as e:
    print("AttributeError:", e)

class Counter:
    count = 0
    items = []
    def __init__(self):
        Counter.count += 1
        self.items.append(Counter.count)
c1, c2 = Counter(), Counter()
c1.count = 100
print(Counter.count, c1.count, c2.count, Counter.items, c1.items is c2.items)
del c1.count
print(c1.count, "count" in vars(c1))

class Shape:
    sides = 0
    def area(self):
        raise NotImplementedError(type(self).__name__ + " has no area")
    def describe(self):
        return f"{type(self).__name__} with {self.sides} sides, area {self.area():.2f}"
class Rect(Shape):
    sides = 4
    def __init__(self, w, h):
        self.w, self.h = w, h
    def area(self):
        return self.w * self.h
class Square(Rect):
    def __init__(self, s):
        super().__init__(s, s)
class Tri(Shape):
    sides = 3
for sh in [Rect(2, 3), Square(4)]:
    print(sh.describe())
try:
    Tri().describe()
except NotImplementedError as e:
    print("NotImplementedError:", e)

class LoggingMixin:
    log = None
    def record(self, msg):
        if self.log is None:
            self.log = []
        self.log.append(f"{type(self).__name__}: {msg}")
class Account(LoggingMixin):
    def __init__(self, bal):
        self.bal = bal
        self.record(f"open {bal}")
    def withdraw(self, n):
        if n > self.bal:
            self.record("refused")
            raise ValueError(f"insufficient funds: {self.bal} < {n}")
        self.bal -= n
        self.record(f"withdraw {n}")
acct = Account(10)
acct.withdraw(3)
try:
    acct.withdraw(30)
except ValueError as e:
    print(e)
print(acct.log, acct.bal)

class Dyn:
    def __getattr__(self, name):
        if name.startswith("x"):
            return name.upper()
        raise AttributeError(f"no {name}")
    def __setattr__(self, name, value):
        super().__setattr__(name, value * 2 if isinstance(value, int) else value)
    def __delattr__(self, name):
        print("del", name)
        super().__delattr__(name)
d = Dyn()
d.a = 5
d.b = "s"
print(d.a, d.b, d.xyz, getattr(d, "nope", "default"), hasattr(d, "x1"), hasattr(d, "q"))
del d.a
print(sorted(vars(d)))
class Ordered:
    def __getattribute__(self, name):
        if name == "magic":
            return 42
        return object.__getattribute__(self, name)
o = Ordered()
o.v = 1
print(o.magic, o.v, type(o).__mro__)
print(type.__name__, type(type), type(object), object.__bases__, type.__mro__)
K = type("K", (A,), {"z": 3, "who": lambda self: ["K"]})
print(K().who(), K.z, K.__mro__, K.__name__)
