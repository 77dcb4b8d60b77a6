# dis of calls and `is None` tests as CPython 3.11 compiles them: the NULL of a call folded into
# LOAD_GLOBAL's low bit ("NULL + name"), LOAD_METHOD forms, KW_NAMES, f(*a, **k) without a
# rebuilt tuple, and `x is None` / `x is not None` jumps as POP_JUMP_*_IF_(NOT_)NONE.
import dis


def call_global(seq):
    return len(seq) + abs(-1)


def call_method(obj):
    obj.append(1)
    return obj.pop(key=2)


def call_star(f, *a, **k):
    f(*a, **k)
    return f(1, *a)


def none_tests(x, y):
    if x is None:
        return 1
    if y is not None:
        return 2
    while x is not None:
        x = x.next
    return None if x is None else x


for f in (call_global, call_method, call_star, none_tests):
    print("==", f.__name__)
    dis.dis(f)
print([i.argrepr for i in dis.get_instructions(call_global) if i.opname == "LOAD_GLOBAL"])
