# The uncaught exception group's traceback box, nested groups, chains and notes inside.
def f():
    raise ValueError("v")

def g():
    try:
        f()
    except ValueError as e:
        raise KeyError("k") from e

errors = []
for fn in (f, g):
    try:
        fn()
    except Exception as e:
        errors.append(e)
inner = ExceptionGroup("inner", [TypeError("t"), OSError("o")])
try:
    raise inner
except ExceptionGroup as e:
    errors.append(e)
errors.append(RuntimeError("no traceback"))
eg = ExceptionGroup("outer", errors)
eg.add_note("a note on the group")
raise eg
