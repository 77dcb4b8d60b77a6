# copy of frozensets and functools.partial objects (through __reduce_ex__).
import copy, functools
print(copy.deepcopy(frozenset([1])), copy.copy(frozenset("ab")) == frozenset("ab"), copy.deepcopy(frozenset([(1, 2)])))
f = functools.partial(max, 3)
g = copy.copy(f)
print(g(5), g.args, g.func is max, copy.deepcopy(f)(1))
