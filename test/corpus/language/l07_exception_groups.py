# Exception groups: except* splitting, nesting, split/subgroup/derive, str and errors.
try:
    raise ExceptionGroup("grp", [ValueError(1), TypeError(2), ValueError(3)])
except* ValueError as eg:
    print("values", [str(x) for x in eg.exceptions])
except* TypeError as eg:
    print("types", repr(eg.exceptions[0]))
eg = ExceptionGroup("outer", [ValueError("a"), ExceptionGroup("inner", [KeyError("b")])])
print(eg, len(eg.exceptions), eg.split(ValueError)[0], eg.subgroup(KeyError))
print(repr(eg), eg.message, type(eg.exceptions).__name__)
match, rest = eg.split(lambda e: isinstance(e, KeyError))
print(match, rest, rest.exceptions)
print(BaseExceptionGroup("m", [KeyboardInterrupt()]).__class__.__name__, type(BaseExceptionGroup("m", [ValueError()])).__name__)
for args in [("m", []), ("m", [1]), (1, [ValueError()]), ("m",)]:
    try:
        ExceptionGroup(*args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
try:
    ExceptionGroup("m", [KeyboardInterrupt()])
except TypeError as e:
    print("TypeError:", e)
def raiser():
    try:
        raise ExceptionGroup("many", [ValueError(i) for i in range(3)] + [OSError("io")])
    except* OSError as g:
        print("handled", g.exceptions)
try:
    raiser()
except ExceptionGroup as g:
    print("left", g, [str(e) for e in g.exceptions])
