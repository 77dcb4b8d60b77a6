# Async generators: async for, comprehensions, asend/athrow/aclose and their awaitables.
import asyncio


async def ticker(n, delay):
    for i in range(n):
        await asyncio.sleep(delay)
        yield i
    print('ticker done')


async def echo():
    received = []
    try:
        while True:
            v = yield len(received)
            received.append(v)
    except GeneratorExit:
        print('echo closing with', received)
        raise


async def failing():
    yield 1
    raise ValueError('inside')


async def main():
    async for v in ticker(3, 0.1):
        print('tick', v)
    print([v async for v in ticker(4, 0)])
    g = echo()
    print(await g.__anext__(), await g.asend('a'), await g.asend('b'))
    await g.aclose()
    try:
        await g.__anext__()
    except StopAsyncIteration:
        print('closed generator: StopAsyncIteration')
    f = failing()
    print(await anext(f) if 'anext' in dir(__builtins__) else await f.__anext__())
    try:
        await f.__anext__()
    except ValueError as e:
        print('raised', e)
    t = ticker(5, 0.1)
    print(await t.__anext__())
    try:
        await t.athrow(KeyError('k'))
    except KeyError as e:
        print('athrow raised', repr(e))
    print(type(t).__name__, type(t.__anext__()).__name__, type(t.aclose()).__name__)
    print(hasattr(t, '__aiter__'), t.__aiter__() is t)
    g2 = echo()
    await g2.aclose()
    print('closing an unstarted one is fine')


asyncio.run(main())
