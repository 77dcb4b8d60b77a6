def f():
    try:
        1 / 0
    except ZeroDivisionError as e:
        print("caught", e)
        return "from except"
    finally:
        print("finally")

print(f())
try:
    try:
        raise ValueError("inner")
    except ValueError:
        raise KeyError("outer")
except KeyError as e:
    print(repr(e), repr(e.__context__))
try:
    raise RuntimeError("x") from TypeError("y")
except RuntimeError as e:
    print(e.__cause__, e.__suppress_context__)

class Ctx:
    def __enter__(self):
        print("enter")
        return self
    def __exit__(self, t, v, tb):
        print("exit", t.__name__ if t else None)
        return True

with Ctx() as c:
    raise IndexError("swallowed")
print("after with")
for i in range(3):
    try:
        if i == 1:
            continue
        print("body", i)
    finally:
        print("fin", i)

def gen():
    yield 1
    yield 2
    return 3

g = gen()
print(next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print("stop", e.value)
print(list(x * x for x in range(5)), [x for x in range(10) if x % 3 == 0], {k: v for k, v in zip("ab", (1, 2))})
assert True
try:
    assert 1 == 2, "math"
except AssertionError as e:
    print("assert", e)
def outer():
    raise ValueError("deep")
def middle():
    outer()
middle()
