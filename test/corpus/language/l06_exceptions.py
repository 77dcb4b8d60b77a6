# Exceptions: hierarchy, else/finally ordering, chaining, custom classes, args, context managers.
def order(raise_it):
    log = []
    try:
        log.append("try")
        if raise_it:
            raise ValueError("v")
    except ValueError as e:
        log.append("except " + str(e))
    else:
        log.append("else")
    finally:
        log.append("finally")
    return log
print(order(False), order(True))
def ret_finally():
    try:
        return "try"
    finally:
        print("finally before return")
print(ret_finally())
def override():
    try:
        return 1
    finally:
        return 2
print(override())
def loop_finally():
    out = []
    for i in range(4):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            out.append(i)
        finally:
            out.append("f%d" % i)
    return out
print(loop_finally())
class AppError(Exception):
    def __init__(self, code, msg):
        super().__init__(code, msg)
        self.code = code
    def __str__(self):
        return f"[{self.code}] {self.args[1]}"
class DbError(AppError):
    pass
try:
    raise DbError(42, "table missing")
except AppError as e:
    print(type(e).__name__, e, e.args, e.code, repr(e), isinstance(e, Exception))
for exc in [ValueError(), ValueError("one"), ValueError("a", 2), KeyError("k"), OSError(2, "nf"), StopIteration(5)]:
    print(repr(exc), str(exc), exc.args)
print([c.__name__ for c in ZeroDivisionError.__mro__], issubclass(KeyError, LookupError), issubclass(BrokenPipeError, OSError))
try:
    try:
        1 / 0
    except ZeroDivisionError as e:
        raise ValueError("wrapped") from e
except ValueError as e:
    print(repr(e.__cause__), repr(e.__context__), e.__suppress_context__)
try:
    try:
        {}["x"]
    except KeyError:
        raise TypeError("during")
except TypeError as e:
    print(repr(e.__context__), e.__cause__)
try:
    try:
        raise OSError("a")
    except OSError:
        raise RuntimeError("b") from None
except RuntimeError as e:
    print(e.__suppress_context__, repr(e.__context__))
try:
    raise ValueError
except ValueError as e:
    print(repr(e), e.args)
def reraise():
    try:
        int("x")
    except ValueError:
        raise
try:
    reraise()
except ValueError as e:
    print("ValueError:", e)
e = None
try:
    raise KeyError(1)
except KeyError as e:
    pass
try:
    print(e)
except NameError as ne:
    print("NameError:", ne)
import sys
try:
    raise IndexError("idx")
except IndexError:
    t, v, tb = sys.exc_info()
    print(t.__name__, v, tb.tb_lineno > 0, sys.exception() is v if hasattr(sys, "exception") else True)
print(sys.exc_info())
err = ValueError("noted")
err.add_note("note 1")
print(err.__notes__)
class Resource:
    def __init__(self, name, swallow=False):
        self.name, self.swallow = name, swallow
    def __enter__(self):
        print("enter", self.name)
        return self
    def __exit__(self, et, ev, tb):
        print("exit", self.name, et.__name__ if et else None, ev)
        return self.swallow
with Resource("a") as r1, Resource("b") as r2:
    print("body", r1.name, r2.name)
with Resource("c", swallow=True):
    raise KeyError("swallowed")
try:
    with Resource("d"):
        raise KeyError("escapes")
except KeyError as e:
    print("caught", e)
for bad in [lambda: [][1], lambda: {}["k"], lambda: int("z"), lambda: None.x, lambda: 1 + "a", lambda: [].pop(), lambda: (1).foo, lambda: float("x"), lambda: chr(-1), lambda: ord("ab")]:
    try:
        bad()
    except Exception as ex:
        print(type(ex).__name__, ex)
