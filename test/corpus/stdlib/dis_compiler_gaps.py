# dis of code where the compiler's instructions still differ from 3.11's: calls of globals
# (PUSH_NULL folded into LOAD_GLOBAL), `is None` jumps, try/except/finally layout, star
# displays, BUILD_CONST_KEY_MAP, CO_NOFREE in co_flags, the module's RESUME on line 0.
import dis
import sys


class Clean:
    # the program's path differs between machines: print it as PROG
    def write(self, text):
        return sys.__stdout__.write(text.replace(__file__, "PROG"))

    def flush(self):
        pass


sys.stdout = Clean()


def add(a, b):
    return a + b


def branchy(x):
    if x > 10:
        y = x * 2
    elif x is None:
        y = 0
    else:
        y = -x
    return y


def loop(items):
    total = 0
    for i in items:
        if i % 2:
            continue
        total += i
    while total > 100:
        total //= 2
    return total


def calls(obj, seq):
    n = len(seq)
    obj.method(1, key=2)
    return print(f"{n!r:>4} {obj}", sep="")


def handler(d):
    try:
        return d["k"]
    except KeyError as e:
        return None
    finally:
        d.clear()


def builders(a, b):
    t = (a, b)
    l = [a, b, *t]
    s = {a, b}
    m = {"x": a, b: 2}
    x, y = t
    return t, l, s, m, x, y, a[1:2], not a, -b


def globals_attrs():
    import math
    return math.pi, len, dis.dis


for f in (add, branchy, loop, calls, handler, builders, globals_attrs):
    print("==", f.__name__)
    dis.dis(f)
print(dis.opname[100], dis.opmap["RETURN_VALUE"], dis.HAVE_ARGUMENT, dis.cmp_op, dis.hasjrel[:3], len(dis.opname))
for ins in dis.get_instructions(add):
    print(ins.opname, ins.opcode, ins.arg, repr(ins.argval), repr(ins.argrepr), ins.offset, ins.starts_line, ins.is_jump_target, ins.positions if ins.opname != 'RESUME' else '')
bc = dis.Bytecode(branchy)
print([i.opname for i in bc][:6], bc.first_line)
print(list(dis.findlinestarts(loop.__code__)))
print(dis.code_info(handler))
dis.dis("x = a + 1")
dis.show_code(add)
print(dis.pretty_flags(0x63), dis.pretty_flags(0x20))
