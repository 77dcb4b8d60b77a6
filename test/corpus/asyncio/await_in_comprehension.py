# await inside list, set and dict comprehensions (nested too) makes them asynchronous comprehensions
# awaited by their function; inside a generator expression it makes an async generator; in a
# plain def it is a SyntaxError, and a generator expression compiles.
import asyncio
async def one(x):
    await asyncio.sleep(0)
    return x
async def agen():
    yield 1
    yield 2
async def main():
    print([await one(i) for i in range(3)])
    print({i: await one(i * 2) for i in range(3)})
    print({await one(i % 2) for i in range(5)})
    print([[await one(i * j) for j in range(3)] for i in range(3)])
    print([x async for x in agen()])
    g = (await one(i) for i in range(2))
    print(type(g).__name__, [x async for x in g])
    return "done"
print(asyncio.run(main()))
for src in ("def f():\n    return [await x for x in y]\n", "def f():\n    return (await x for x in y)\n"):
    try:
        compile(src, "<src>", "exec")
        print("compiled")
    except SyntaxError as e:
        print("SyntaxError:", e.msg)
