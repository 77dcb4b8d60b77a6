# Structural pattern matching: literals, captures, sequences, mappings, classes, guards, or-patterns.
from dataclasses import dataclass
@dataclass
class Point:
    x: int
    y: int
class Circle:
    __match_args__ = ("center", "r")
    def __init__(self, center, r):
        self.center, self.r = center, r
def describe(v):
    match v:
        case None:
            return "none"
        case True | False as b:
            return f"bool {b}"
        case 0:
            return "zero"
        case int(n) if n < 0:
            return f"negative {n}"
        case int() | float() as num:
            return f"number {num}"
        case "":
            return "empty string"
        case str(s) if s.isdigit():
            return f"digits {s}"
        case str():
            return f"string {v!r}"
        case []:
            return "empty list"
        case [x]:
            return f"one {x}"
        case [x, y]:
            return f"pair {x},{y}"
        case [first, *rest] if len(rest) > 3:
            return f"long from {first}, {len(rest)} more"
        case (1, *mid, 9):
            return f"1..9 around {mid}"
        case {"type": "user", "name": str(name), **rest}:
            return f"user {name} extra {sorted(rest)}"
        case {"x": _, "y": _}:
            return "xy mapping"
        case Point(x=0, y=0):
            return "origin"
        case Point(x=0, y=yy):
            return f"on y axis at {yy}"
        case Point(x, y) if x == y:
            return f"diagonal {x}"
        case Point():
            return "some point"
        case Circle(Point(x=cx), r=rad):
            return f"circle at x={cx} r={rad}"
        case _:
            return f"other {type(v).__name__}"
for v in [None, True, 0, -5, 7, 2.5, "", "123", "abc", [], [1], [1, 2], [1, 2, 3, 4, 5], (1, 2, 3, 9), [0, 1, 2],
          {"type": "user", "name": "ann", "age": 3}, {"x": 1, "y": 2, "z": 3}, Point(0, 0), Point(0, 4), Point(3, 3),
          Point(1, 2), Circle(Point(5, 6), 2), {1, 2}, b"x", (1, 9)]:
    print(repr(v)[:30], "->", describe(v))
def command(cmd):
    match cmd.split():
        case ["go", ("north" | "south") as d]:
            return "going " + d
        case ["go", _]:
            return "unknown direction"
        case ["take", *objs] if objs:
            return "taking " + " and ".join(objs)
        case ["quit" | "exit"]:
            return "bye"
        case _:
            return "?"
for c in ["go north", "go west", "take lamp key", "take", "exit", "dance"]:
    print(c, "=>", command(c))
import enum
class Color(enum.Enum):
    RED = 1
    GREEN = 2
def color(c):
    match c:
        case Color.RED:
            return "red!"
        case Color():
            return "another color"
print(color(Color.RED), color(Color.GREEN))
match {"a": 1}:
    case {"b": _}:
        print("no")
    case {}:
        print("any mapping matches {}")
x = 5
match 5:
    case y:
        print("capture", y)
match (1, [2, 3]):
    case (a, [b, c]):
        print(a + b + c)
