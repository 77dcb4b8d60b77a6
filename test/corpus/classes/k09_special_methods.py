class Box:
    def __init__(self, items):
        self.items = list(items)
    def __len__(self):
        return len(self.items)
    def __getitem__(self, i):
        return self.items[i]
    def __setitem__(self, i, v):
        self.items[i] = v
    def __delitem__(self, i):
        del self.items[i]
    def __contains__(self, v):
        return v in self.items
    def __iter__(self):
        return iter(self.items)
    def __reversed__(self):
        return reversed(self.items)
    def __repr__(self):
        return f"Box({self.items!r})"
    def __str__(self):
        return "a box"
    def __format__(self, spec):
        return f"box:{spec}"
    def __bool__(self):
        return bool(self.items)
    def __eq__(self, other):
        return isinstance(other, Box) and self.items == other.items
    __hash__ = None
b = Box([1, 2, 3])
b[0] = 10
del b[1]
print(b, str(b), f"{b:>5}", len(b), 3 in b, 2 in b, list(reversed(b)), b[-1], b[0:1])
print(bool(Box([])), Box([1]) == Box([1]), Box([1]) != Box([2]))
try:
    {b: 1}
except TypeError as e:
    print(e)
class Num:
    def __init__(self, v):
        self.v = v
    def __index__(self):
        return self.v
    def __int__(self):
        return self.v + 100
    def __float__(self):
        return 0.5
    def __neg__(self):
        return Num(-self.v)
    def __abs__(self):
        return Num(abs(self.v))
    def __invert__(self):
        return "inverted"
    def __iadd__(self, other):
        self.v += other
        return self
    def __pow__(self, other, mod=None):
        return ("pow", other, mod)
    def __rpow__(self, other):
        return ("rpow", other)
n = Num(3)
print([10, 20, 30, 40][n], bin(n), int(n), float(n), (-n).v, abs(Num(-4)).v, ~n)
n += 5
print(n.v, n ** 2, pow(n, 2, 7), 2 ** n)
print("abc"[Num(1)], range(10)[Num(2)], hex(Num(255)))
class Ctx:
    def __enter__(self):
        print("enter")
        return self
    def __exit__(self, et, ev, tb):
        print("exit", et.__name__ if et else None, ev)
        return True
with Ctx() as c:
    raise ValueError("swallowed")
print("after with", type(c).__name__)
class Order:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        print("lt", self.v, other.v)
        return self.v < other.v
print(sorted([Order(3), Order(1), Order(2)], key=lambda o: o)[0].v)
print(max(Order(5), Order(7)).v)
