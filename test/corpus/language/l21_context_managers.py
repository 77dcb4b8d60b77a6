# Context managers: contextlib helpers, exceptions in __exit__, nesting order, ExitStack callbacks.
import contextlib
@contextlib.contextmanager
def tag(name, log):
    log.append(f"<{name}>")
    try:
        yield name.upper()
    except ValueError as e:
        log.append(f"handled {e}")
    finally:
        log.append(f"</{name}>")
log = []
with tag("a", log) as x, tag("b", log) as y:
    log.append(x + y)
print(log)
log = []
with tag("c", log):
    raise ValueError("inside")
print(log)
log = []
try:
    with tag("d", log):
        raise KeyError("other")
except KeyError as e:
    print("propagated", e, log)
with contextlib.suppress(ZeroDivisionError, KeyError):
    1 / 0
print("suppressed")
with contextlib.ExitStack() as stack:
    for i in range(3):
        stack.callback(print, "callback", i)
    stack.enter_context(tag("e", log))
    print("in stack")
print(log[-2:])
class Tx:
    def __init__(self):
        self.state = "new"
    def __enter__(self):
        self.state = "open"
        return self
    def __exit__(self, et, ev, tb):
        self.state = "rolled back" if et else "committed"
        return False
with Tx() as t:
    pass
print(t.state)
try:
    with Tx() as t2:
        raise RuntimeError("fail")
except RuntimeError:
    print(t2.state)
with contextlib.nullcontext(5) as v:
    print("null", v)
class Closer:
    def close(self):
        print("closed!")
with contextlib.closing(Closer()):
    print("using closer")
@contextlib.contextmanager
def bad():
    yield 1
    yield 2
try:
    with bad():
        pass
except RuntimeError as e:
    print("RuntimeError:", e)
@contextlib.contextmanager
def noyield():
    if False:
        yield
try:
    with noyield():
        pass
except RuntimeError as e:
    print("RuntimeError:", e)
class Reentrant(contextlib.ContextDecorator):
    def __enter__(self):
        print("enter deco")
        return self
    def __exit__(self, *exc):
        print("exit deco")
        return False
@Reentrant()
def decorated(v):
    print("decorated body", v)
    return v * 2
print(decorated(21))
