# sys.getsizeof across types: containers, strings by kind, ints by digits, instances, functions.
import sys
def s(o):
    return sys.getsizeof(o)
print([s(x) for x in (0, 1, -1, 2**15, 2**30 - 1, 2**30, 2**45, 2**60, 2**63, 2**64, 2**120, -(2**120), 10**100)])
print([s(x) for x in ("", "a", "ab", "abcdefghij", "é", "éé", "€", "€€", "😀", "😀😀", "a" * 100, "é" * 100)])
print([s(x) for x in (b"", b"a", b"ab" * 10, bytearray(), bytearray(b"a"), bytearray(10))])
print([s(x) for x in (0.0, 1.5, 1j, True, None, ..., NotImplemented)])
print([s(x) for x in ((), (1,), (1, 2), tuple(range(10)), [], [1], [1, 2], list(range(10)))])
print([s(x) for x in ({}, {1: 1}, dict.fromkeys(range(5)), dict.fromkeys(range(6)), dict.fromkeys(range(11)), dict.fromkeys(range(22)))])
print([s(x) for x in (set(), {1}, set(range(4)), set(range(5)), set(range(19)), frozenset(), frozenset(range(100)))])
print([s(x) for x in (range(10), range(10**20), slice(1, 2), iter([]), iter(()), iter(""), enumerate([]), zip(), map(str, []), reversed([]))])
class Plain:
    pass
class WithSlots:
    __slots__ = ("a", "b", "c")
class Many:
    def __init__(self):
        for i in range(10):
            setattr(self, f"a{i}", i)
def f():
    pass
print(s(Plain()), s(WithSlots()), s(Many()), s(f), s(Plain), s(lambda: 0), s(f.__code__) > 0, s(s) , s(print))
print(s(Plain().__dict__), s(Many().__dict__), s(sys), s(object()), s(type), s(int))
lst = []
print([s(lst) for _ in range(1) if not lst.extend(range(5))], s(lst), s(lst[:]), s(list(lst)), s([*lst]))
st = "x" * 1000
print(s(st), s(st[:10]), s(st + "é"), s(st.encode()), s(st.upper()))
print(s([None] * 0), s([None] * 1), s([None] * 8), s([None] * 9), s([[]] * 3))
print(s({i: str(i) for i in range(8)}), s({str(i): i for i in range(8)}), s({(i,): i for i in range(8)}))
