from enum import Enum, IntEnum, Flag, IntFlag, auto, unique


class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1

    def describe(self):
        return f"{self.name}={self.value}"

print(Color.RED, repr(Color.GREEN), Color.BLUE.name, Color.BLUE.value)
print(list(Color), len(Color), Color.CRIMSON is Color.RED, Color(2), Color["BLUE"])
print(Color.RED.describe(), type(Color.RED), Color, isinstance(Color.RED, Color))
print(Color.RED == Color.RED, Color.RED == 1, Color.RED is Color(1), hash(Color.RED) == hash("RED"))
print(list(Color.__members__), Color.RED in Color)
print({Color.RED: "r"}[Color.CRIMSON], f"{Color.GREEN}", str(Color.BLUE))
try:
    Color(7)
except ValueError as e:
    print("ValueError:", e)
try:
    Color["PINK"]
except KeyError as e:
    print("KeyError:", e)
try:
    Color.RED = 5
except AttributeError as e:
    print("AttributeError:", e)


class Shape(Enum):
    SQUARE = auto()
    CIRCLE = auto()
    LINE = 10
    POINT = auto()

print(list(Shape), Shape.POINT.value)


class Level(IntEnum):
    LOW = 1
    HIGH = 5

print(Level.LOW, repr(Level.HIGH), Level.HIGH + 1, Level.LOW < Level.HIGH, Level(5), f"{Level.LOW:>3}")
print(sorted([Level.HIGH, Level.LOW]), Level.HIGH == 5, isinstance(Level.LOW, int))


class Perm(Flag):
    R = auto()
    W = auto()
    X = auto()

rw = Perm.R | Perm.W
print(Perm.R, repr(Perm.X), rw, repr(rw), Perm.R in rw, Perm.X in rw, bool(Perm.R & Perm.X))
print(list(Perm), [p.value for p in Perm], list(rw), len(rw), repr(~Perm.R))


class Bits(IntFlag):
    A = 1
    B = 2
    C = 4

print(Bits.A | Bits.B, repr(Bits.A | Bits.C), Bits.B + 1, Bits.A & 3)

try:
    @unique
    class Dup(Enum):
        ONE = 1
        UNO = 1
except ValueError as e:
    print("ValueError:", e)


@unique
class Fine(Enum):
    A = "a"
    B = "b"

print(Fine("b"), Fine.A.value)

Animal = Enum("Animal", "ANT BEE CAT")
print(list(Animal), Animal.BEE.value)

try:
    class Bad(Enum):
        X = 1
        X = 2
except TypeError as e:
    print("TypeError:", e)


class Planet(Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    EARTH = (5.976e+24, 6.37814e6)

    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius

print(Planet.EARTH.mass, Planet.MERCURY.value, Planet((5.976e+24, 6.37814e6)))
