import sys
class A:
    pass
class S:
    __slots__ = ("a", "b", "c")
class S0:
    __slots__ = ()
class E(Exception):
    pass
a = A()
print(sys.getsizeof(a), sys.getsizeof(S()), sys.getsizeof(S0()), sys.getsizeof(object()))
print(A.__basicsize__, S.__basicsize__, S0.__basicsize__, E.__basicsize__)
a.x = 1
print(sys.getsizeof(a))
print(sys.getsizeof(a.__dict__))
print(sys.getsizeof(E()), sys.getsizeof(Exception("x")))
print(sys.getsizeof(A) > 900, type(A.__dict__).__name__, sorted(k for k in A.__dict__))
