# Generators: send/throw/close, yield from with return values, generator expressions, state.
import sys
def counter(limit):
    n = 0
    while n < limit:
        got = yield n
        if got is not None:
            n = got
        else:
            n += 1
    return "done at %d" % n
g = counter(10)
print(next(g), next(g), g.send(7), next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration", e.value, e.args)
def inner():
    x = yield 1
    y = yield x * 10
    return x + y
def outer():
    r = yield from inner()
    yield ("result", r)
    r2 = yield from [7, 8]
    yield ("list result", r2)
o = outer()
print(next(o), o.send(3), o.send(4), next(o), next(o), next(o), list(o))
def guarded():
    try:
        yield 1
        yield 2
    except ValueError as e:
        yield "caught " + str(e)
    finally:
        print("finally runs")
g = guarded()
print(next(g), g.throw(ValueError("boom")))
g.close()
g = guarded()
print(next(g))
g.close()
print(g.gi_frame, g.gi_running)
def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield 2
s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print("RuntimeError:", e)
def gen():
    yield from range(3)
gg = gen()
print(gg.__name__, gg.__qualname__, type(gg).__name__, iter(gg) is gg)
print(list(gg), list(gg))
squares = (i * i for i in range(6) if i % 2)
print(type(squares).__name__, next(squares), list(squares), sum(x for x in range(101)))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
import itertools
print(list(itertools.islice(fib(), 15)), next(itertools.dropwhile(lambda v: v < 1000, fib())))
def running_mean():
    total = count = 0
    avg = None
    while True:
        value = yield avg
        total += value
        count += 1
        avg = total / count
rm = running_mean()
next(rm)
print([rm.send(v) for v in [10, 20, 30, 40]])
def chain(*its):
    for it in its:
        yield from it
print(list(chain("ab", [1, 2], (3,), range(2))))
def raiser():
    yield 1
    raise KeyError("inside")
try:
    list(raiser())
except KeyError as e:
    print("KeyError:", e)
def bad():
    yield 1
    raise StopIteration("x")
try:
    list(bad())
except RuntimeError as e:
    print("RuntimeError:", e, type(e.__cause__).__name__)
g = (x for x in [1])
print(g.gi_running, g.gi_code.co_name, g.gi_frame is not None)
def tree(n):
    if n:
        yield n
        yield from tree(n - 1)
        yield -n
print(list(tree(4)))
print(sys.getsizeof(x for x in ()) > 0, [i for i in reversed(range(5))])
