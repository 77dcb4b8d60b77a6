# dis of displays and constants: [a, *b] builds its first items at once, dicts with constant
# keys use BUILD_CONST_KEY_MAP (also keyword-only defaults), tuples of constants become one
# constant (defaults, match keys), a, b = b, a is a SWAP, module code starts on line 0 and
# co_flags has no NOFREE bit.
import dis
import re


def displays(a, b):
    return [a, b, *a], (a, *b, a), {a, *b}, {**a, "x": 1}, {"a": 1, "b": 2, "c": a}


def defaults(a=(1,), *, b=2, c=3):
    return a


def swap(a, b):
    a, b = b, a
    return a, b


def mapping(a):
    match a:
        case {"k": v}:
            return v
        case _:
            return 0


for f in (displays, defaults, swap, mapping):
    print("==", f.__name__)
    dis.dis(f)
    print(f.__code__.co_consts, dis.pretty_flags(f.__code__.co_flags))
code = compile("x: int = 1\ny = {'a': x, 'b': 2}\n", "<s>", "exec")
dis.dis(code)
print(list(code.co_positions())[0], code.co_flags)
