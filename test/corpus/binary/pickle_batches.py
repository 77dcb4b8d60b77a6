# Items go in batches of 1000 (with the accelerator's edge cases), and protocol 4 frames at 64 KiB.
import pickle

for n in (0, 1, 2, 999, 1000, 1001, 2000, 2001):
    for proto in (1, 2, 4):
        lst = pickle.dumps(list(range(n)), proto)
        dct = pickle.dumps({i: None for i in range(n)}, proto)
        print(n, proto, len(lst), lst[-8:], len(dct), dct[-8:])
    st = pickle.dumps(set(range(n)), 4)
    print(n, 'set', len(st), st[-8:])
    assert pickle.loads(st) == set(range(n))
big = [str(i) * 10 for i in range(20000)]
data = pickle.dumps(big, 4)
print(len(data), data[:12], data.count(b'\x95'))
assert pickle.loads(data) == big
data = pickle.dumps([b'x' * 70000, 'a' * 70000, 1], 4)
print(len(data), data[:16], data[-20:])
assert pickle.loads(data)[2] == 1
data = pickle.dumps([bytearray(b'y' * 70000)], 5)
print(len(data), data[:16])
print(pickle.dumps(list(range(10)), 5)[:20])


class Sub(list):
    pass


print(len(pickle.dumps(Sub(range(1001)), 4)), pickle.dumps(Sub(range(1001)), 4)[-10:])
