# dis of try/except/finally and with: the NOP a `try:` line keeps, the NOP a with-body ends
# with (outside every handler), the handlers' line numbers and CPython 3.11's exception tables.
import dis


def try_except(d):
    try:
        d.pop()
    except (KeyError, IndexError):
        d.append(1)
    except Exception as e:
        raise RuntimeError() from e
    else:
        return 2


def with_pass(a):
    with a:
        pass
    return 1


def nested(a):
    try:
        with a:
            pass
        a()
    finally:
        a = 1


def with_try(d):
    with d:
        try:
            return d
        except E:
            pass


for f in (try_except, with_pass, nested, with_try):
    print("==", f.__name__)
    dis.dis(f)
