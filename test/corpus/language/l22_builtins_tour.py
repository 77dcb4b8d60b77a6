# A tour of builtins with their edge cases and error messages.
print(abs(-7), abs(-2.5), all([1, 2]), any([0, ""]), ascii("ñ"), bin(10), bin(-10), oct(8), hex(-255), bool(), bool([0]))
print(chr(9731), ord("☃"), divmod(-9, 4), callable(len), callable(3), format(3.14159, ".3"), hash("") == 0, len(range(3, 30, 4)))
print(max(3, 1, 2), max([], default="empty"), min("bca"), max("apple", "fig", key=len), min([(2, "b"), (1, "z")]), sum([[1], [2]], []), sum(range(5), 10))
print(round(3.14159, 3), round(5.5), round(-0.5), pow(2, 10), pow(-2, 3), pow(2.0, 0.5), isinstance(3, (str, int)), issubclass(bool, (int,)))
print(list(reversed("abc")), sorted("bca"), sorted([3, 1, 2], reverse=True), sorted(["b", "A", "c"], key=str.lower), list(zip()), list(map(str, range(3))))
print(slice(1, 5, 2), slice(3).indices(10), slice(None, None, -1).indices(5), "abcdef"[slice(1, None, 2)], type(slice(1)).__name__)
class C:
    cls_attr = 1
    def __init__(self):
        self.a = 1
c = C()
setattr(c, "b", 2)
print(getattr(c, "a"), getattr(c, "zz", None), hasattr(c, "b"), vars(c), sorted(k for k in dir(c) if not k.startswith("__")))
delattr(c, "a")
print(vars(c), type(c) is C, type(c).__name__, C.__dict__["cls_attr"], isinstance(c, object), id(c) == id(c))
print(repr(None), repr(...), repr(NotImplemented), type(None).__name__, type(...).__name__, bool(NotImplemented) if False else "skip")
print(int(), float(), str(), list(), tuple(), dict(), set(), frozenset(), complex(), bytes(), bytearray())
print(int("12"), float("1.5"), str(12), list("ab"), tuple([1]), dict(a=1), set("aab"), complex("1+2j"), complex(1, -1))
print(eval("1 + 2 * 3"), eval("x * 2", {"x": 21}), eval("[i for i in range(3)]"))
ns = {}
exec("def f(v):\n    return v + 1\nres = f(41)", ns)
print(ns["res"], sorted(k for k in ns if k != "__builtins__"))
code = compile("a = 5\nb = a * a", "<demo>", "exec")
g = {}
exec(code, g)
print(g["b"], code.co_filename, code.co_name, type(code).__name__)
print(iter([1]).__next__(), next(iter("x")), list(iter(range(2))), [*filter(str.isupper, "aBcD")])
print(isinstance(print, type(len)), type(print).__name__, print.__name__, len.__doc__.splitlines()[0])
for bad in [lambda: int("1.5"), lambda: len(5), lambda: max([]), lambda: chr(0x110000), lambda: sorted([1, "a"]), lambda: iter(5), lambda: next(iter([])), lambda: abs("x"), lambda: sum(["a", "b"]), lambda: getattr(c, "nope"), lambda: hash([]), lambda: round("x"), lambda: divmod(1, 0), lambda: int(None), lambda: list(1), lambda: dict([1]), lambda: complex("x")]:
    try:
        r = bad()
        print("ok", type(r).__name__)
    except Exception as e:
        print(type(e).__name__, e)
