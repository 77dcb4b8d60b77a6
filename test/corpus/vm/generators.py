def echo():
    received = yield "ready"
    while True:
        try:
            received = yield received * 2
        except ValueError as e:
            received = f"handled {e}"
        finally:
            pass

e = echo()
print(next(e), e.send(5), e.send(7), e.throw(ValueError("bad")))
e.close()
print(e.gi_running, e.gi_frame)

def inner():
    x = yield 1
    y = yield x
    return x + y

def outer():
    r = yield from inner()
    yield f"result {r}"

g = outer()
print(next(g), g.send(10), g.send(20))

def closing():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")

c = closing()
print(next(c))
c.close()
print(list(closing()))

def bad():
    raise StopIteration
    yield

try:
    next(bad())
except RuntimeError as err:
    print(type(err).__name__, err, type(err.__cause__).__name__)

def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b

it = fib()
print([next(it) for _ in range(10)])
print(sum(i for i in range(100) if i % 7 == 0))
gen = (x for x in [])
print(type(gen).__name__, list(gen))
def counter(n):
    yield from range(n)
print(list(counter(4)), tuple(map(lambda v: v + 1, counter(3))))
