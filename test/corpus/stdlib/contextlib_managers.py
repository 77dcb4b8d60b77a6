import sys
from contextlib import (contextmanager, suppress, closing, nullcontext, ExitStack,
                        redirect_stdout, redirect_stderr, AbstractContextManager, ContextDecorator)


@contextmanager
def tag(name):
    print(f"<{name}>")
    try:
        yield name.upper()
    finally:
        print(f"</{name}>")

with tag("b") as t:
    print("inside", t)

try:
    with tag("i"):
        raise ValueError("boom")
except ValueError as e:
    print("propagated", e)


@contextmanager
def swallow():
    try:
        yield
    except KeyError as e:
        print("swallowed", repr(e))

with swallow():
    raise KeyError("k")
print("after swallow")


@contextmanager
def noyield():
    if False:
        yield

try:
    with noyield():
        pass
except RuntimeError as e:
    print("RuntimeError:", e)


@contextmanager
def twice():
    yield 1
    yield 2

try:
    with twice():
        pass
except RuntimeError as e:
    print("RuntimeError:", e)


@contextmanager
def rethrow_other():
    try:
        yield
    except ZeroDivisionError:
        raise TypeError("converted")

try:
    with rethrow_other():
        1 / 0
except TypeError as e:
    print("TypeError:", e, type(e.__context__).__name__)


@contextmanager
def keeps_going():
    try:
        yield
    except Exception:
        pass
    yield

try:
    with keeps_going():
        raise OSError
except RuntimeError as e:
    print("RuntimeError:", e)


@tag("deco")
def decorated(x):
    print("running", x)
    return x * 2

print(decorated(3), decorated(4), decorated.__name__)
print(tag.__name__, type(tag("x")).__name__, tag("z").__doc__)

with suppress(KeyError, IndexError):
    [][1]
print("suppressed")
try:
    with suppress(KeyError):
        1 / 0
except ZeroDivisionError:
    print("not suppressed")
with suppress():
    pass


class Resource:
    def __init__(self, name):
        self.name = name

    def close(self):
        print("closing", self.name)

with closing(Resource("r1")) as r:
    print("using", r.name)

with nullcontext(5) as v:
    print("null", v)
with nullcontext() as v:
    print("null", v)


class CM:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress

    def __enter__(self):
        print("enter", self.name)
        return self.name

    def __exit__(self, et, ev, tb):
        print("exit", self.name, et.__name__ if et else None)
        return self.suppress

with ExitStack() as stack:
    names = [stack.enter_context(CM(n)) for n in "abc"]
    stack.callback(print, "callback", 1, sep="-")
    print("names", names)

with ExitStack() as stack:
    stack.enter_context(CM("outer", suppress=True))
    stack.enter_context(CM("inner"))
    raise ValueError("suppressed by outer")
print("after stack")

with ExitStack() as stack:
    stack.enter_context(CM("kept"))
    moved = stack.pop_all()
print("popped")
moved.close()


def failing_cb():
    raise KeyError("from callback")

try:
    with ExitStack() as stack:
        stack.callback(failing_cb)
        raise ValueError("original")
except KeyError as e:
    print("KeyError", e, "context", repr(e.__context__))

try:
    with ExitStack() as stack:
        stack.enter_context(42)
except TypeError as e:
    print("TypeError:", e)

with ExitStack() as stack:
    def exit_fn(et, ev, tb):
        print("exit_fn", et.__name__)
        return True
    stack.push(exit_fn)
    raise IndexError

print(stack.callback(len) is len)


class Writer:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)
        return len(s)

    def flush(self):
        pass

w = Writer()
with redirect_stdout(w) as target:
    print("captured line")
    print(target is w)
print("parts", w.parts)
e = Writer()
with redirect_stderr(e):
    sys.stderr.write("err text")
print("stderr parts", e.parts)


class Mine(AbstractContextManager):
    def __exit__(self, *a):
        print("mine exit")

with Mine() as m:
    print(type(m).__name__)
print(issubclass(CM, AbstractContextManager), issubclass(int, AbstractContextManager),
      isinstance(nullcontext(), AbstractContextManager))
try:
    AbstractContextManager()
except TypeError as e:
    print("TypeError:", e)


class Deco(ContextDecorator):
    def __enter__(self):
        print("deco enter")

    def __exit__(self, *a):
        print("deco exit")

@Deco()
def f():
    print("in f")
f()
