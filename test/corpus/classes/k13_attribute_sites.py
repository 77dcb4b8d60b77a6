# Attribute reads, writes and method calls at one site while the class, the instance and its
# dict change under it: every change must be seen (the engine caches what each site found).
class A:
    def __init__(self, v):
        self.v = v
    def get(self):
        return self.v
class B:
    def __init__(self):
        self.v = 'b'
    def get(self):
        return 'B.get'
def rd(o):
    return o.v
def call(o):
    return o.get()
def wr(o, x):
    o.v = x
a = A(1)
for i in range(3):
    print(rd(a), call(a))
wr(a, 5); print(rd(a))
a.get = lambda: 'shadow'
print(call(a))
del a.get
print(call(a))
a2 = A(2)
print(rd(a2), call(a2))
A.get = lambda self: 'patched'
print(call(a2), call(a))
A.v = property(lambda self: 'prop')
print(rd(a2))
try:
    wr(a2, 3)
except AttributeError as e:
    print('AE', e)
del A.v
print(rd(a2))
b = B()
for o in (a, b, a2, b):
    print(rd(o), call(o))
a.__class__ = B
print(rd(a), call(a), a.__dict__)
del a2.v
try:
    rd(a2)
except AttributeError as e:
    print('AE', e)
wr(a2, 9); print(rd(a2), a2.__dict__)
d = a2.__dict__
d['v'] = 10
print(rd(a2)); wr(a2, 11); print(d)
class G(A):
    def __getattr__(self, n):
        return 'ga:' + n
g = G(1)
print(rd(g), g.zz)
del g.v
print(rd(g))
class S:
    __slots__ = ('v',)
    def get(self): return 's'
s = S(); s.v = 3
print(rd(s), call(s))
class M(type):
    pass
class K(metaclass=M):
    v = 'classattr'
print(rd(K))
import types
ns = types.SimpleNamespace(v=4, get=lambda: 'ns')
print(rd(ns), call(ns))
for i in range(3):
    x = A(i)
    x.w = i
    print(rd(x), call(x), x.__dict__)

# __class__ assignment re-reads the instance's attributes through the new class's keys
class C:
    def __init__(self):
        self.v = 'a.v'
        self.w = 'a.w'
class D:
    def __init__(self):
        self.w = 'b.w'
        self.v = 'b.v'
D()
a = C()
a.__class__ = D
print(a.v, a.w, a.__dict__)
a.v = 1
print(a.v, a.w, a.__dict__)
