# except* end to end: matching parts, naked exceptions, re-raising and raising in handlers.
def show(label, f):
    try:
        f()
    except BaseException as e:
        print(label, "->", repr(e))
    else:
        print(label, "-> nothing")

def handled():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError as e:
        print("caught V", repr(e))
    except* TypeError as e:
        print("caught T", repr(e))
show("handled", handled)

def partial():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2), KeyError(3)])
    except* ValueError as e:
        print("caught V", repr(e))
show("partial", partial)

def naked():
    try:
        raise ValueError("naked")
    except* ValueError as e:
        print("caught", repr(e), e.exceptions[0].__traceback__ is not None)
show("naked", naked)

def naked_reraise():
    try:
        raise ValueError("naked")
    except* ValueError:
        raise
show("naked_reraise", naked_reraise)

def reraise():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise
show("reraise", reraise)

def raise_new():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise KeyError("new")
show("raise_new", raise_new)

def raise_two():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2), OSError(3)])
    except* ValueError:
        raise KeyError("k")
    except* TypeError:
        raise IndexError("i")
show("raise_two", raise_two)

def nested():
    try:
        raise ExceptionGroup("outer", [ExceptionGroup("inner", [ValueError(1), TypeError(2)]), ValueError(3)])
    except* ValueError as e:
        print("caught", repr(e))
show("nested", nested)

def bad_type():
    try:
        raise ValueError(1)
    except* ExceptionGroup:
        pass
show("bad_type", bad_type)

def tuple_match():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2), KeyError(3)])
    except* (ValueError, TypeError) as e:
        print("caught", repr(e))
show("tuple_match", tuple_match)

def reraise_and_raise():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise
    except* TypeError:
        raise RuntimeError("r")
try:
    reraise_and_raise()
except ExceptionGroup as e:
    print(repr(e), repr(e.exceptions[0].__context__))
