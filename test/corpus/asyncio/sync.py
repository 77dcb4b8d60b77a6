# Lock, Event, Semaphore, Condition and Queue between tasks: the order they take turns.
import asyncio


async def locker(lock, name):
    async with lock:
        print(name, 'holds the lock', lock.locked())
        await asyncio.sleep(0.1)
    print(name, 'released')


async def waiter(event, name):
    print(name, 'waits')
    await event.wait()
    print(name, 'sees the event')


async def limited(sem, name, log):
    async with sem:
        log.append(('in', name))
        await asyncio.sleep(0.1)
        log.append(('out', name))


async def producer(q, n):
    for i in range(n):
        await q.put(i)
        print('put', i, q.qsize())
    await q.put(None)


async def consumer(q):
    while True:
        item = await q.get()
        q.task_done()
        if item is None:
            break
        print('got', item)
        await asyncio.sleep(0.05)


async def main():
    lock = asyncio.Lock()
    await asyncio.gather(*(locker(lock, n) for n in 'abc'))

    event = asyncio.Event()
    tasks = [asyncio.create_task(waiter(event, n)) for n in ('w1', 'w2')]
    await asyncio.sleep(0.1)
    print('setting', event.is_set())
    event.set()
    await asyncio.gather(*tasks)
    event.clear()
    print(event.is_set())

    sem = asyncio.Semaphore(2)
    log = []
    await asyncio.gather(*(limited(sem, n, log) for n in range(5)))
    print(log)
    try:
        b = asyncio.BoundedSemaphore(1)
        b.release()
    except ValueError as e:
        print(e)

    q = asyncio.Queue(maxsize=2)
    await asyncio.gather(producer(q, 5), consumer(q))
    await q.join()
    print(q.empty(), q.full(), q.maxsize)
    try:
        q.get_nowait()
    except asyncio.QueueEmpty:
        print('empty')
    pq = asyncio.PriorityQueue()
    for x in (5, 1, 3):
        pq.put_nowait(x)
    lq = asyncio.LifoQueue()
    for x in (5, 1, 3):
        lq.put_nowait(x)
    print([pq.get_nowait() for _ in range(3)], [lq.get_nowait() for _ in range(3)])
    print(str(asyncio.Queue(3)))

    cond = asyncio.Condition()
    items = []

    async def take():
        async with cond:
            await cond.wait_for(lambda: items)
            print('took', items.pop())

    takers = [asyncio.create_task(take()) for _ in range(2)]
    await asyncio.sleep(0)
    for x in ('first', 'second'):
        async with cond:
            items.append(x)
            cond.notify()
        await asyncio.sleep(0)
    await asyncio.gather(*takers)
    try:
        lock.release()
    except RuntimeError as e:
        print(e)


asyncio.run(main())
