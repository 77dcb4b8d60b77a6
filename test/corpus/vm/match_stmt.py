def describe(v):
    match v:
        case 0 | 1:
            return "small"
        case int(n) if n < 0:
            return f"negative {n}"
        case [x, y]:
            return f"pair {x} {y}"
        case [x, *rest]:
            return f"list starting {x} with {len(rest)} more"
        case {"type": "point", "x": x, **others}:
            return f"point {x} {others}"
        case str() as s:
            return f"string {s!r}"
        case None:
            return "none"
        case _:
            return "other"

for v in [0, -5, [1, 2], [1, 2, 3], {"type": "point", "x": 3, "z": 9}, "hi", None, 3.5]:
    print(describe(v))

class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y

match Point(1, 2):
    case Point(0, y):
        print("on y axis", y)
    case Point(x, y=2):
        print("y is two, x =", x)
