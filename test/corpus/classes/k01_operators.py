class V:
    def __init__(self, x):
        self.x = x
    def __add__(self, other):
        if isinstance(other, V):
            return V(self.x + other.x)
        if isinstance(other, int):
            return V(self.x + other)
        return NotImplemented
    def __radd__(self, other):
        return V(other * 100 + self.x)
    def __repr__(self):
        return f"V({self.x})"
    def __eq__(self, other):
        return isinstance(other, V) and self.x == other.x
    def __lt__(self, other):
        return self.x < other.x

class W(V):
    def __radd__(self, other):
        return W(-1)
    def __repr__(self):
        return f"W({self.x})"

print(V(1) + V(2), V(1) + 5, 5 + V(1), V(1) + W(3))
print(sum([V(1), V(2)], V(0)))
print(V(1) == V(1), V(1) != V(2), V(1) == 1, V(1) < V(2), V(3) > V(2))
print(sorted([V(3), V(1), V(2)]))
try:
    V(1) + "s"
except TypeError as e:
    print(e)
try:
    V(1) <= V(2)
except TypeError as e:
    print(e)
try:
    hash(V(1))
except TypeError as e:
    print(e)
class H(V):
    __hash__ = object.__hash__
print(type(hash(H(1))).__name__)
class Seq:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return i * 10
print(list(Seq()), 20 in Seq(), 25 in Seq())
class Sized:
    def __len__(self):
        return 0
print(bool(Sized()), bool(V(0)), len(Sized()))
class Truthy:
    def __bool__(self):
        return 1
try:
    bool(Truthy())
except TypeError as e:
    print(e)
