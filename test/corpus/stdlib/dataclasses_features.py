from dataclasses import (dataclass, field, fields, asdict, astuple, replace, is_dataclass,
                         FrozenInstanceError, InitVar, KW_ONLY, MISSING, make_dataclass)
import dataclasses


@dataclass
class Item:
    name: str
    qty: int = 1
    tags: list = field(default_factory=list)

i = Item("pen")
j = Item("pen")
print(i, i == j, i.tags is j.tags, i != Item("ink"))
print(Item("a", 2, ["x"]), Item(name="b", tags=[1]))
print([f.name for f in fields(Item)], [f.name for f in fields(i)])
f0 = fields(Item)[2]
print(f0.default is MISSING, f0.default_factory is list, f0.init, f0.repr, f0.hash, f0.compare,
      f0.kw_only, f0.metadata, f0.type is list)
print(Item.__hash__, Item.__match_args__, Item.qty, hasattr(Item, "tags"))
print(is_dataclass(Item), is_dataclass(i), is_dataclass(1), is_dataclass(int))
print(Item.__init__.__qualname__, Item.__repr__.__name__, Item.__eq__.__qualname__)
try:
    Item()
except TypeError as e:
    print("TypeError:", e)


@dataclass(frozen=True)
class P:
    x: int
    y: int = 0

p = P(1, 2)
try:
    p.x = 3
except FrozenInstanceError as e:
    print(type(e).__name__, e, isinstance(e, AttributeError))
try:
    del p.y
except FrozenInstanceError as e:
    print(type(e).__name__, e)
try:
    p.z = 1
except FrozenInstanceError as e:
    print(type(e).__name__, e)
print(hash(p) == hash((1, 2)), {p: 1}[P(1, 2)], p)


@dataclass(order=True)
class V:
    major: int
    minor: int = 0
    note: str = field(default="", compare=False)

print(V(1, 2) < V(1, 3), V(2) > V(1, 9), V(1, 1, "a") == V(1, 1, "b"), V(1) <= V(1))
print(sorted([V(2), V(1, 5), V(1, 2)]))
print(V(1) < (1, 0) if False else V.__lt__(V(1), (1, 0)))
try:
    V(1) < 3
except TypeError as e:
    print("TypeError:", e)


@dataclass(unsafe_hash=True)
class H:
    a: int
    b: list = field(default_factory=list, hash=False)

print(hash(H(5)) == hash((5,)), H(5, [1]) == H(5, [1]))


@dataclass
class NoHash:
    a: int

print(NoHash.__hash__)
try:
    hash(NoHash(1))
except TypeError as e:
    print("TypeError:", e)


@dataclass(eq=False)
class Ident:
    a: int

print(Ident(1) == Ident(1), Ident.__hash__ is object.__hash__)


@dataclass
class Rect:
    w: float
    h: float
    area: float = field(init=False, repr=False)
    scale: InitVar[float] = 1.0

    def __post_init__(self, scale):
        self.w *= scale
        self.h *= scale
        self.area = self.w * self.h

r = Rect(2, 3, 2)
print(r, r.area, [f.name for f in fields(r)], Rect.__match_args__)
print(InitVar[int], InitVar[list[int]] if False else InitVar("x"))
r2 = replace(r, w=1, scale=1)
print(r2, r2.area)
try:
    replace(r, area=1, scale=1)
except ValueError as e:
    print("ValueError:", e)
try:
    replace(r)
except ValueError as e:
    print("ValueError:", e)


@dataclass
class K:
    a: int
    _: KW_ONLY
    b: int = 2
    c: int

k = K(1, c=3)
print(k, K.__match_args__)
try:
    K(1, 2, 3)
except TypeError as e:
    print("TypeError:", e)


@dataclass(kw_only=True)
class KO:
    a: int
    b: int = field(default=5, kw_only=False)

print(KO(7, a=1), KO.__match_args__)


@dataclass
class Base:
    x: int = 0
    y: int = 1

@dataclass
class Derived(Base):
    z: int = 2
    x: int = 10

print(Derived(), [f.name for f in fields(Derived)])


@dataclass(slots=True)
class S:
    a: int
    b: str = "s"

s = S(1)
print(s, S.__slots__, hasattr(s, "__dict__"))
try:
    s.c = 1
except AttributeError as e:
    print("AttributeError")


@dataclass(frozen=True, slots=True)
class FS:
    a: int

print(FS(3), FS(3).__getstate__())


@dataclass
class Node:
    val: int
    children: list = field(default_factory=list)

n = Node(1, [Node(2), Node(3, [Node(4)])])
print(asdict(n))
print(astuple(n))
print(asdict(Node(1), dict_factory=lambda kv: sorted(kv, reverse=True)))
loop = Node(0)
loop.children.append(loop)
print(loop)
print(repr(Node(5, {"k": Node(6)})))
try:
    asdict(Node)
except TypeError as e:
    print("TypeError:", e)
try:
    astuple(5)
except TypeError as e:
    print("TypeError:", e)
try:
    fields(5)
except TypeError as e:
    print("TypeError:", e)


@dataclass
class Meta:
    a: int = field(default=1, metadata={"unit": "m"})

print(fields(Meta)[0].metadata, fields(Meta)[0].metadata["unit"])

for bad in ("mutable", "order", "both", "nondefault", "frozen_mix", "nofield"):
    try:
        if bad == "mutable":
            @dataclass
            class Bad:
                a: list = []
        elif bad == "order":
            @dataclass(order=True, eq=False)
            class Bad:
                a: int
        elif bad == "both":
            field(default=1, default_factory=list)
        elif bad == "nondefault":
            @dataclass
            class Bad:
                a: int = 1
                b: int
        elif bad == "frozen_mix":
            @dataclass
            class Bad(P):
                c: int = 0
        elif bad == "nofield":
            @dataclass
            class Bad:
                a = field(default=1)
    except (TypeError, ValueError) as e:
        print(bad, type(e).__name__, e)


@dataclass
class Custom:
    a: int

    def __repr__(self):
        return "custom"

    def __eq__(self, other):
        return True

print(Custom(1), Custom(1) == 5, Custom.__hash__)

C = make_dataclass("C", [("x", int), ("y", int, field(default=5))], namespace={"total": lambda self: self.x + self.y})
c = C(1)
print(c, c.total(), is_dataclass(C))

match P(1, 2):
    case P(a, b):
        print("matched", a, b)
