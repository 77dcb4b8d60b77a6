# wait_for, wait, as_completed and asyncio.timeout: which finishes first, what times out.
import asyncio
import time


async def job(name, delay):
    await asyncio.sleep(delay)
    print('finished', name)
    return name


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    print(await asyncio.wait_for(job('quick', 0.1), timeout=1))
    try:
        await asyncio.wait_for(job('slow', 2), timeout=0.5)
    except asyncio.TimeoutError as e:
        print('timed out', repr(e), type(e.__cause__).__name__)
    print(round(loop.time() - start, 1))

    tasks = [asyncio.create_task(job(f'w{i}', d)) for i, d in enumerate((0.3, 0.1, 0.2))]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    print(sorted(t.result() for t in done), len(pending))
    done, pending = await asyncio.wait(tasks, timeout=0.15)
    print(sorted(t.get_name() != '' and t.result() for t in done), len(pending))
    done, pending = await asyncio.wait(tasks)
    print(len(done), len(pending))

    for coro in asyncio.as_completed([job('x', 0.3), job('y', 0.1), job('z', 0.2)]):
        print('as completed', await coro)
    try:
        for coro in asyncio.as_completed([job('p', 0.1), job('q', 5)], timeout=1):
            print('got', await coro)
    except asyncio.TimeoutError:
        print('as_completed timed out')

    try:
        async with asyncio.timeout(0.2) as cm:
            await asyncio.sleep(1)
    except TimeoutError:
        print('timeout block expired', cm.expired())
    async with asyncio.timeout(None) as cm:
        await asyncio.sleep(0.01)
    print('no deadline', cm.expired(), cm.when())

    t0 = time.perf_counter()
    await asyncio.sleep(1.5)
    print('slept', round(time.perf_counter() - t0, 1))
    try:
        await asyncio.wait([])
    except ValueError as e:
        print(e)


asyncio.run(main())
