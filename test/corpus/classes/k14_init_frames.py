# Class calls whose __init__ is a Python function: what __init__ sees (refcounts of self and the
# arguments, as 3.11's class call holds them), its errors, __new__ and metaclass variants
import sys, gc
class A:
    def __init__(self, v, *, k=0):
        self.v = v + k
        print('A init', sys.getrefcount(self))
class B(A):
    pass
class R:
    def __init__(self):
        return 5
class G:
    def __init__(self):
        yield 1
class N:
    def __new__(cls, *a):
        print('new', a)
        return super().__new__(cls)
    def __init__(self, x):
        self.x = x
class Other:
    pass
class Swap:
    def __new__(cls):
        return Other()
    def __init__(self):
        print('never')
class D:
    def __init__(self):
        raise KeyError('in init')
    def __del__(self):
        print('D del')
class Ab:
    import abc
class M(type):
    def __call__(cls, *a):
        print('meta call', a)
        return super().__call__(*a)
class WithMeta(metaclass=M):
    def __init__(self, a):
        self.a = a
a = A(1, k=2); print(a.v, sys.getrefcount(a))
b = B(3); print(type(b).__name__, b.v)
try:
    R()
except TypeError as e:
    print('TE', e)
try:
    G()
except TypeError as e:
    print('TE', e)
n = N(4); print(n.x)
print(type(Swap()).__name__)
try:
    D()
except KeyError as e:
    print('KE', e)
try:
    A()
except TypeError as e:
    print('TE', e)
try:
    A(1, 2)
except TypeError as e:
    print('TE', e)
w = WithMeta(7); print(w.a)
import abc
class Abs(abc.ABC):
    @abc.abstractmethod
    def f(self): pass
    def __init__(self): pass
try:
    Abs()
except TypeError as e:
    print('TE', e)
def deep():
    return D()
try:
    deep()
except KeyError as e:
    import traceback
    print([(fs.name, fs.lineno, fs.line) for fs in traceback.extract_tb(e.__traceback__)])
print([A(i).v for i in range(3)])
class Slots:
    __slots__ = ('a',)
    def __init__(self, a):
        self.a = a
print(Slots(9).a)

class A2:
    def __init__(self, v, k=None):
        print(sys.getrefcount(self), sys.getrefcount(v))
def f(self, v, k=None):
    print(sys.getrefcount(self), sys.getrefcount(v))
x = object()
A2(x); A2(x, k=1); A2(x, 1)
f(x, x); f(x, x, k=1)
