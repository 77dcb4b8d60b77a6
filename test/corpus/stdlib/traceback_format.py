# The traceback module formats what the interpreter prints: frames, markers, chains, notes.
import sys
import traceback


class Clean:
    # file paths differ between machines: print them as PROG
    def write(self, text):
        return sys.__stdout__.write(text.replace(__file__, "PROG"))

    def flush(self):
        pass


sys.stdout = Clean()


def divide(a, b):
    return a / b


def index_it(seq, i):
    return seq[i] + 1


def deep(n):
    if n == 0:
        raise KeyError("bottom")
    return deep(n - 1)


def call_attr(obj):
    return obj.missing_attribute


def show(label, fn, *args, **kw):
    print("==", label)
    try:
        fn(*args)
    except BaseException as e:
        text = traceback.format_exc(**kw)
        print(text, end="")
        return e


e = show("binop", divide, 1, 0)
show("subscript", index_it, [1, 2], 5)
show("dict subscript", index_it, {"a": 1}, "b")
show("recursion folded", deep, 10)
show("limit 2", deep, 5, limit=2)
show("limit -1", deep, 5, limit=-1)
show("attribute", call_attr, 42)
show("lambda", lambda: [][0])


def chained():
    try:
        {}["k"]
    except KeyError as exc:
        raise ValueError("converted") from exc


def implicit():
    try:
        1 / 0
    except ZeroDivisionError:
        undefined_name


def suppressed():
    try:
        1 / 0
    except ZeroDivisionError:
        raise RuntimeError("clean") from None


show("explicit cause", chained)
show("implicit context", implicit)
show("suppressed context", suppressed)
show("no chain", chained, chain=False)

tb = e.__traceback__
print([f.name for f in traceback.extract_tb(tb)])
print([(f.lineno, f.line) for f in traceback.extract_tb(tb)])
fs = traceback.extract_tb(tb)[-1]
print(fs, fs.filename == __file__, fs.lineno, fs.name, fs.line, fs.colno, fs.end_colno, fs.end_lineno, len(fs))
print(list(fs)[1:], fs[2], fs == (fs.filename, fs.lineno, fs.name, fs.line))
print(traceback.format_tb(tb)[1:], end="")
print([(frame.f_code.co_name, lineno) for frame, lineno in traceback.walk_tb(tb)])
print(traceback.format_exception_only(ValueError, ValueError("bad value")))
print(traceback.format_exception_only(ValueError("only one")))
print(traceback.format_exception_only(KeyError()))
print(traceback.format_exception_only(OSError(2, "No such file")))
print(traceback.format_exception(e), end="")
print("".join(traceback.format_exception(ZeroDivisionError, e, None)), end="")

class MyError(Exception):
    pass

class BadStr(Exception):
    def __str__(self):
        raise RuntimeError("no str")

print(traceback.format_exception_only(MyError("mine")))
print(traceback.format_exception_only(BadStr()))
err = ValueError("with notes")
err.add_note("first note")
err.add_note("second\nmultiline")
print(traceback.format_exception_only(err))
try:
    compile("if True:\n    x = = 1\n", "prog.py", "exec")
except SyntaxError as exc:
    se = exc
print("".join(traceback.format_exception_only(se)), end="")
se2 = SyntaxError()
print(traceback.format_exception_only(se2))
te = traceback.TracebackException.from_exception(e)
print(type(te).__name__, te.exc_type.__name__, str(te), len(te.stack))
print("".join(te.format_exception_only()), end="")
print(list(traceback.StackSummary.from_list([("f.py", 1, "fn", "x = 1"), ("g.py", 2, "gn", None)]).format()))
print(traceback.format_list([("f.py", 10, "fn", "pass")]))
try:
    traceback.format_exception(ValueError, ValueError())
except ValueError as ex:
    print("ValueError:", ex)
try:
    traceback.format_exception(42)
except TypeError as ex:
    print("TypeError:", ex)
try:
    1 / 0
except ZeroDivisionError:
    traceback.print_exc(file=sys.stdout)
    traceback.print_exc(limit=0, file=sys.stdout)
    print(repr(traceback.format_exc(chain=False)[-34:]))
traceback.print_exception(e, file=sys.stdout)
print(traceback.format_exc())


def g1():
    return g2()


def g2():
    return traceback.format_stack()


print([line.splitlines()[0].split(", ")[1:] for line in g1()])
print([fs.name for fs in traceback.extract_stack()])
