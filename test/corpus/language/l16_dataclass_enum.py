# Dataclasses and enums used together: ordering, defaults, frozen, field factories, enum members.
from dataclasses import dataclass, field, asdict, astuple, replace, fields, FrozenInstanceError
from enum import Enum, IntEnum, Flag, auto
class Suit(Enum):
    HEARTS = "♥"
    SPADES = "♠"
class Rank(IntEnum):
    TWO = 2
    JACK = 11
    ACE = 14
class Perm(Flag):
    R = auto()
    W = auto()
    X = auto()
@dataclass(order=True, frozen=True)
class Card:
    rank: Rank
    suit: Suit = field(compare=False)
    def __str__(self):
        return f"{self.rank.name.title()}{self.suit.value}"
cards = [Card(Rank.ACE, Suit.SPADES), Card(Rank.TWO, Suit.HEARTS), Card(Rank.JACK, Suit.HEARTS)]
print(sorted(cards), [str(c) for c in sorted(cards, reverse=True)])
print(cards[0], repr(cards[0].rank), Rank.ACE > Rank.JACK, Rank.ACE + 1, Suit("♥"), Suit["SPADES"], list(Suit))
try:
    cards[0].rank = Rank.TWO
except FrozenInstanceError as e:
    print("FrozenInstanceError:", e)
print(hash(cards[0]) == hash(Card(Rank.ACE, Suit.HEARTS)), cards[0] == Card(Rank.ACE, Suit.HEARTS))
@dataclass
class Inventory:
    owner: str
    items: list = field(default_factory=list)
    count: int = 0
    secret: str = field(default="x", repr=False)
    def add(self, thing):
        self.items.append(thing)
        self.count += 1
        return self
inv = Inventory("kim").add("map").add("rope")
print(inv, asdict(inv), astuple(inv), [f.name for f in fields(inv)])
print(replace(inv, owner="lee"), Inventory("a") == Inventory("a"), Inventory("a").items is Inventory("a").items)
perm = Perm.R | Perm.W
print(perm, Perm.R in perm, Perm.X in perm, perm & Perm.W, ~perm, Perm(7), [p.name for p in Perm], bool(Perm(0)))
class Status(Enum):
    ACTIVE = 1
    ENABLED = 1
    OFF = 0
print(Status.ENABLED is Status.ACTIVE, list(Status), Status.__members__.keys(), Status(1).name)
print(isinstance(Rank.ACE, int), Rank.ACE.value, Rank(11), int(Rank.JACK), Suit.HEARTS.name, type(Suit.HEARTS).__name__)
try:
    Suit("x")
except ValueError as e:
    print("ValueError:", e)
try:
    Rank["QUEEN"]
except KeyError as e:
    print("KeyError:", e)
@dataclass
class Node:
    val: int
    children: list = field(default_factory=list)
tree = Node(1, [Node(2), Node(3, [Node(4)])])
def total(n):
    return n.val + sum(total(c) for c in n.children)
print(tree, total(tree))
try:
    @dataclass
    class Bad:
        a: int = 0
        b: int
except TypeError as e:
    print("TypeError:", e)
