# Tuples, lists, dicts, sets and frozensets, empty and filled, in every protocol.
import pickle

values = [(), (1,), (1, 2), (1, 2, 3), (1, 2, 3, 4), [], [1], [1, 2, 3], {}, {1: 2}, {'a': 1, 'b': [1]},
          set(), {1, 2, 3}, frozenset(), frozenset({1, 2}), [(1, 2), {'k': (3,)}, [[]]], {(1, 2): frozenset({3})}]
for proto in range(6):
    for v in values:
        data = pickle.dumps(v, proto)
        back = pickle.loads(data)
        assert back == v and type(back) is type(v), (proto, v)
        print(proto, repr(v), data)
