# functools.singledispatch over ABCs: virtual subclasses, composed MROs, ambiguity, the
# registry mapping, dispatch caching across register(), errors of register().
import functools, collections.abc as abc, typing

@functools.singledispatch
def describe(x):
    return 'object'
@describe.register
def _(x: abc.Sequence):
    return 'sequence'
@describe.register(abc.Mapping)
def _(x):
    return 'mapping'
@describe.register
def _(x: abc.Sized):
    return 'sized'
print(describe([1]), describe((1,)), describe('s'), describe({}), describe({1}), describe(3), describe(range(2)))
print(type(describe.registry).__name__, len(describe.registry), describe.dispatch(list).__name__)
try:
    describe.registry[int] = None
except TypeError as e:
    print('TypeError', e)

class Bag:
    def __len__(self): return 0
print(describe(Bag()))
class Later: pass
print(describe(Later()))
abc.Sequence.register(Later)
print(describe(Later()))

class Both:
    def __len__(self): return 1
    def __iter__(self): return iter(())
    def __contains__(self, x): return False
@functools.singledispatch
def amb(x): return 'base'
amb.register(abc.Iterable, lambda x: 'iterable')
amb.register(abc.Container, lambda x: 'container')
try:
    amb(Both())
except RuntimeError as e:
    print('RuntimeError', e)
print(amb(3))

@functools.singledispatch
def u(x): return 'other'
@u.register
def _(x: typing.Union[int, str]): return 'int or str'
print(u(1), u('a'), u(2.0), sorted(t.__name__ for t in u.registry))

for bad in (lambda: describe.register(3, lambda x: x), lambda: describe.register(len)):
    try:
        bad()
    except TypeError as e:
        print('TypeError', e)
def noann(x): pass
try:
    describe.register(noann)
except TypeError as e:
    print('TypeError', str(e).replace(repr(noann), 'noann'))
def badann(x: 3): pass
try:
    describe.register(badann)
except TypeError as e:
    print('TypeError', e)
try:
    describe()
except TypeError as e:
    print('TypeError', e)
print(describe.__name__, describe.__wrapped__.__name__)

class A:
    @functools.singledispatchmethod
    def f(self, x):
        return 'A object'
    @f.register
    def _(self, x: int):
        return 'A int'
    @f.register
    @classmethod
    def _(cls, x: str):
        return cls.__name__ + ' str'
class B(A): pass
print(A().f(1), B().f('x'), A().f(2.5), A.f.__name__)
import weakref
print(repr(weakref.ref(A)).split('(')[-1], classmethod(A.f).__wrapped__ is A.f, sorted(classmethod(describe).__dict__))
