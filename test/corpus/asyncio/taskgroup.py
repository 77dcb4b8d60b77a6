# TaskGroup (3.11): waiting for all tasks, the first failure cancelling the rest, ExceptionGroup
# (read through its args: message and exceptions).
import asyncio


async def work(name, delay, fail=False):
    await asyncio.sleep(delay)
    if fail:
        raise ValueError(f'{name} failed')
    print(name, 'done')
    return name


async def main():
    async with asyncio.TaskGroup() as tg:
        a = tg.create_task(work('a', 0.2))
        b = tg.create_task(work('b', 0.1))
    print(a.result(), b.result())

    try:
        async with asyncio.TaskGroup() as tg:
            slow = tg.create_task(work('slow', 1))
            tg.create_task(work('bad', 0.1, fail=True))
    except ExceptionGroup as eg:
        print('group:', type(eg).__name__, [str(e) for e in eg.args[1]])
    print('slow cancelled:', slow.cancelled())

    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(work('x', 0.1, fail=True))
            tg.create_task(work('y', 0.1, fail=True))
    except ExceptionGroup as eg:
        print(eg.args[0], sorted(str(e) for e in eg.args[1]))

    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(work('z', 0.5))
            raise KeyError('body')
    except ExceptionGroup as eg:
        print('body error in group:', [repr(e) for e in eg.args[1]])

    tg = asyncio.TaskGroup()
    c = work('never', 0)
    try:
        tg.create_task(c)
    except RuntimeError as e:
        print(str(e).replace(repr(tg), 'TG'))
    c.close()
    async with tg:
        pass
    c = work('late', 0)
    try:
        tg.create_task(c)
    except RuntimeError as e:
        print(str(e).replace(repr(tg), 'TG'))
    c.close()


asyncio.run(main())
