async def coro(x):
    return x * 2
async def main():
    a = await coro(3)
    return a + 1
c = main()
try:
    c.send(None)
except StopIteration as e:
    print("coro result", e.value)
def f():
    try:
        return "try"
    finally:
        print("finally runs")
print(f())
def g():
    for i in range(3):
        try:
            if i == 1:
                break
        finally:
            print("fin", i)
    return i
print(g())
class Base:
    subs = []
    def __init_subclass__(cls, **kw):
        Base.subs.append(cls.__name__)
class X(Base): pass
class Y(Base): pass
print(Base.subs)
