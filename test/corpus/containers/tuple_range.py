import sys

print(hash((1, 2, 3)), hash(()), hash((1, "a")) == hash((True, "a")), hash(((1, 2), (3,))))
print((1,), (), (1, 2), ((1,),), tuple("ab"), tuple([1, 2]) + (3,), (1, 2) * 2)
t = (0, 1, 2, 3, 4)
print(t[::-2], t[1:3], t[-1], t.index(3), t.count(1), 3 in t, t < (0, 1, 2, 3, 5))
print(sys.getsizeof(()), sys.getsizeof((1,)), sys.getsizeof(t), sys.getsizeof(t + t))
print(t[:] is t, tuple(t) is t)
key = "a"
for expr in ["(1,)[3]", "(1,) + [2]", "(1, 2).index(5)", "(1,)[key]", "hash(([],))"]:
    try:
        eval(expr)
    except Exception as e:
        print(type(e).__name__ + ":", e)

r = range(0, 20, 3)
print(r, len(r), r[2], r[-1], r[2:5], r[::-1], list(r[::2]), 9 in r, 10 in r, r.index(9), r.count(12))
print(range(3) == range(0, 3), range(0) == range(5, 2), hash(range(0, 5)), list(reversed(range(1, 10, 4))))
print(sys.getsizeof(range(10)), bool(range(0)), range(5).start, range(5).stop, range(5).step)
big = range(2 ** 70, 2 ** 70 + 10, 3)
print(big, len(big), big[1], list(big)[-1])
for expr in ["range()", "range(1, 2, 0)", "range('a')", "range(1)[5]", "range(5).index(7)", "len(range(2**64))"]:
    try:
        eval(expr)
    except Exception as e:
        print(type(e).__name__ + ":", e)
s = slice(1, 10, 2)
print(s, s.indices(5), slice(None, None, -1).indices(4), s.start, s.stop, s.step, slice(3) == slice(None, 3))
