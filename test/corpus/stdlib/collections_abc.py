# collections.abc: the builtins registered as CPython registers them, the one-method ABCs
# recognising classes by their methods, and the mixin methods of the richer ABCs.
import collections.abc as abc
import collections

builtins = [int, str, bytes, bytearray, list, tuple, dict, set, frozenset, range, memoryview,
            type({}.keys()), type({}.items()), type({}.values()), type(iter([])), type(x for x in ()),
            collections.deque, type(len), type(type.__dict__)]
for name in abc.__all__:
    ABC = getattr(abc, name)
    print(name, [t.__name__ for t in builtins if issubclass(t, ABC)])

class OnlyLen:
    def __len__(self): return 0
class Blocked(OnlyLen):
    __len__ = None
class Iter:
    def __iter__(self): return iter(())
    def __next__(self): raise StopIteration
print(issubclass(OnlyLen, abc.Sized), issubclass(Blocked, abc.Sized), isinstance(Iter(), abc.Iterator),
      isinstance(Iter(), abc.Iterable), issubclass(Iter, abc.Reversible), issubclass(OnlyLen, abc.Collection))
print(isinstance(None, abc.Hashable), isinstance([], abc.Hashable), isinstance(print, abc.Callable))

async def coro(): pass
c = coro()
print(isinstance(c, abc.Coroutine), isinstance(c, abc.Awaitable), isinstance(c, abc.Generator))
c.close()
async def agen(): yield 1
print(isinstance(agen(), abc.AsyncGenerator), isinstance(agen(), abc.AsyncIterator))
def gen(): yield 1
print(isinstance(gen(), abc.Generator), isinstance(iter(range(1 << 100)), abc.Iterator))

print(sorted(abc.Sequence.__abstractmethods__), sorted(abc.MutableMapping.__abstractmethods__))
print(sorted(abc.Set.__abstractmethods__), sorted(abc.MutableSequence.__abstractmethods__))
try:
    abc.Mapping()
except TypeError as e:
    print(e)

class Seq(abc.Sequence):
    def __init__(self, *items): self.items = items
    def __getitem__(self, i): return self.items[i]
    def __len__(self): return len(self.items)
s = Seq(3, 1, 4, 1, 5)
print(list(s), 4 in s, 9 in s, list(reversed(s)), s.index(1), s.index(1, 2), s.count(1))
try:
    s.index(7)
except ValueError as e:
    print('ValueError', e.args)

class MSeq(abc.MutableSequence):
    def __init__(self): self.data = []
    def __getitem__(self, i): return self.data[i]
    def __setitem__(self, i, v): self.data[i] = v
    def __delitem__(self, i): del self.data[i]
    def __len__(self): return len(self.data)
    def insert(self, i, v): self.data.insert(i, v)
m = MSeq()
m.append(1); m.extend([2, 3, 4]); m += (5,)
m.reverse(); print(m.data, m.pop(), m.pop(0), m.data)
m.remove(3); print(m.data); m.clear(); print(m.data)

class Map(abc.MutableMapping):
    def __init__(self): self.d = {}
    def __getitem__(self, k): return self.d[k]
    def __setitem__(self, k, v): self.d[k] = v
    def __delitem__(self, k): del self.d[k]
    def __iter__(self): return iter(self.d)
    def __len__(self): return len(self.d)
mm = Map()
mm.update({'a': 1}, b=2); mm.update([('c', 3)])
print(mm.setdefault('a', 9), mm.setdefault('z', 26), mm.get('q'), mm.get('a'), 'b' in mm)
print(type(mm.keys()).__name__, list(mm.items()), list(mm.values()), mm == {'a': 1, 'b': 2, 'c': 3, 'z': 26})
print(mm.pop('z'), mm.pop('nope', 0), mm.popitem(), len(mm))
try:
    mm.pop('nope')
except KeyError as e:
    print('KeyError', e)
print(isinstance(mm.keys(), abc.Set), mm.keys() & {'b', 'x'}, ('b', 2) in mm.items(), 2 in mm.values())
mm.clear(); print(len(mm), abc.Mapping.__reversed__)

class S(abc.Set):
    def __init__(self, it=()): self.items = list(dict.fromkeys(it))
    def __contains__(self, x): return x in self.items
    def __iter__(self): return iter(self.items)
    def __len__(self): return len(self.items)
    __hash__ = abc.Set._hash
a, b = S([1, 2, 3]), S([2, 3, 4])
print(list(a & b), list(a | b), list(a - b), list(a ^ b), a <= S([1, 2, 3, 4]), a < a, a == S([3, 2, 1]))
print(a.isdisjoint([5]), list([0, 1] - a), hash(S([1, 2])) == hash(frozenset([1, 2])), hash(S()) == hash(frozenset()))

class MS(abc.MutableSet):
    def __init__(self, it=()): self.s = set(it)
    def __contains__(self, x): return x in self.s
    def __iter__(self): return iter(sorted(self.s))
    def __len__(self): return len(self.s)
    def add(self, x): self.s.add(x)
    def discard(self, x): self.s.discard(x)
ms = MS([1, 2])
ms |= [3]; ms -= [1]; ms ^= [4, 2]; print(sorted(ms.s))
ms &= [3]; print(sorted(ms.s), ms.pop(), len(ms))
try:
    ms.remove(8)
except KeyError as e:
    print('KeyError', e)

print(abc.Callable[[int, str], bool], abc.Callable[..., int], abc.Callable[[], None].__args__)
print(abc.Iterable[int], abc.Mapping[str, int].__origin__ is abc.Mapping, abc.KeysView({'a': 1}))
print(abc.Sequence.__module__, abc.MutableSet.__mro__)
print(collections.ChainMap({'a': 1}, {'b': 2}).keys(), isinstance(collections.ChainMap(), abc.MutableMapping))
