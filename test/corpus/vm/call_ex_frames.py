# f(*args, **kwargs) runs a Python callee as a frame of the loop: what the callee sees (refcounts
# of its arguments, as 3.11's CALL_FUNCTION_EX holds them), generators, errors, tracebacks
import sys
def f(a, b=None, *rest, k=None, **kw):
    print(sys.getrefcount(a), len(rest), sorted(kw))
    return a
class C:
    def m(self, a, **kw):
        print(sys.getrefcount(self), sys.getrefcount(a))
        return self
x = object()
args = (x, 1, 2)
f(*args)
f(*args, k=3)
f(*[x, 2], **{'k': 1, 'z': 2})
c = C()
c.m(*(x,))
c.m(*(x,), **{'q': 1})
def g(*a):
    yield from a
print(list(g(*[1, 2, 3])))
def bad(a):
    pass
try:
    bad(*(1, 2))
except TypeError as e:
    print(e)
try:
    f(*5)
except TypeError as e:
    print(e)
def rec(n):
    if n == 0:
        raise ValueError('bottom')
    return rec(*(n - 1,))
try:
    rec(*(3,))
except ValueError as e:
    import traceback
    print([fs.lineno for fs in traceback.extract_tb(e.__traceback__)])
print(sys.getrefcount(x))

def f2(a, *rest, **kw):
    print(sys.getrefcount(a))
x = object()
f2(*[x, 2])
f2(*(x, 2))
t = (x, 2)
f2(*t)
f2(*[x, 2], **{'z': 1})
f2(*t, **{'z': 1})
f2(*t, z=1)
