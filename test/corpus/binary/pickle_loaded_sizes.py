# Objects rebuilt by loads have CPython's sizes and reference counts (lists grown by APPENDS,
# dicts by SETITEMS, sets by ADDITEMS) in every protocol.
import io, pickle, sys

values = [list(range(5)), list(range(1000)), list(range(1001)), list(range(2500)), [[]] * 3,
          {i: i for i in range(5)}, {i: i for i in range(1000)}, {str(i): i for i in range(50)},
          set(range(7)), set(range(1000)), frozenset(range(20)), tuple(range(10)), 'abc' * 10,
          'é' * 10, '\u20ac' * 3, b'xy' * 50, bytearray(b'q' * 30), 2**100, 1.5]
for proto in range(6):
    for v in values:
        if proto < 3 and isinstance(v, (bytes, bytearray)):
            continue
        back = pickle.loads(pickle.dumps(v, proto))
        print(proto, type(back).__name__, len(back) if hasattr(back, '__len__') else back, sys.getsizeof(back), sys.getrefcount(back), back == v)
nested = pickle.loads(pickle.dumps([[1, 2], [3, 4]], 4))
print(sys.getrefcount(nested[0]), sys.getsizeof(nested), sys.getsizeof(nested[0]))
shared = pickle.loads(pickle.dumps([[1]] * 4, 4))
print(shared[0] is shared[3], sys.getrefcount(shared[0]))


for proto in (0, 2, 4):
    for v in values[:10]:
        back = pickle.load(io.BytesIO(pickle.dumps(v, proto)))
        print('file', proto, type(back).__name__, len(back), sys.getsizeof(back), back == v)
f = io.BytesIO()
pickle.dump({1: 2}, f, 4)
pickle.dump([3], f, 2)
f.seek(0)
print(f.getvalue(), pickle.load(f), pickle.load(f), f.read())
