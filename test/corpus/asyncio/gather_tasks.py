import asyncio
import sys
import time

FILE = None

def show(x):
    global FILE
    FILE = show.__code__.co_filename
    print(repr(x).replace(FILE, 'FILE'))

async def work(name, delay, result):
    print('start', name)
    await asyncio.sleep(delay)
    print('end', name)
    return result

async def failing():
    await asyncio.sleep(0.01)
    raise ValueError('boom')

async def main():
    t0 = time.monotonic()
    r = await asyncio.gather(work('a', 0.3, 1), work('b', 0.1, 2), work('c', 0.2, 3))
    print(r, round(time.monotonic() - t0, 1))
    t = asyncio.create_task(work('d', 0.1, 4), name='worker')
    show(t)
    await asyncio.sleep(0)
    show(t)
    print(await t)
    show(t)
    r = await asyncio.gather(failing(), work('e', 0.05, 5), return_exceptions=True)
    print(r)
    try:
        await asyncio.gather(failing(), work('f', 0.05, 6))
    except ValueError as e:
        print('caught', repr(e))
    await asyncio.sleep(0.1)
    f = asyncio.get_running_loop().create_future()
    show(f)
    f.set_result([1, 2, 3])
    show(f)
    f2 = asyncio.Future()
    f2.set_exception(KeyError('k'))
    show(f2)
    try:
        f2.result()
    except KeyError as e:
        print('key', e)
    f3 = asyncio.Future()
    print(f3.cancel(), f3.cancelled(), f3.cancel())
    show(f3)
    try:
        f.set_result(1)
    except asyncio.InvalidStateError as e:
        print('invalid', e)
    print(asyncio.current_task().get_name())
    return 'done'

print(asyncio.run(main()))
