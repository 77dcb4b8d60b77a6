# dis of constant tests and jumps: `if True` / `while True` leave a NOP on their line, the
# branch they exclude disappears, jumps to jumps are threaded where the lines agree, and an
# implicit `return None` is copied into each branch that reaches it.
import dis


def if_true(a):
    if True:
        return 1
    return 2


def while_true(a):
    x = 0
    while True:
        x += 1
        if x > a:
            break
    return x


def if_else(x):
    if x:
        y = 1
    else:
        y = 2


def loop_break(a):
    for i in a:
        if i:
            break
    else:
        return 2


def short_circuit(a, b):
    if a and b:
        return 1
    elif a or b:
        return 2
    return not a


for f in (if_true, while_true, if_else, loop_break, short_circuit):
    print("==", f.__name__)
    dis.dis(f)
print(if_true.__code__.co_consts, while_true.__code__.co_consts)
