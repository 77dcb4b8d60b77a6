# Cancelling tasks: where CancelledError lands, messages, cancelling(), uncancel, shield.
import asyncio


async def sleeper(name, delay):
    try:
        await asyncio.sleep(delay)
        print(name, 'woke')
        return name
    except asyncio.CancelledError as e:
        print(name, 'cancelled', repr(e), e.args)
        raise


async def stubborn():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print('stubborn ignores the cancel')
    return 'kept going'


async def main():
    t = asyncio.create_task(sleeper('t1', 1))
    await asyncio.sleep(0.1)
    print(t.cancel(), t.cancelling(), t.done())
    try:
        await t
    except asyncio.CancelledError as e:
        print('awaiting t1 raised', repr(e))
    print(t.cancelled(), t.done(), t.cancel())

    t = asyncio.create_task(sleeper('t2', 1))
    await asyncio.sleep(0)
    t.cancel('stop now')
    try:
        await t
    except asyncio.CancelledError as e:
        print('awaiting t2 raised', repr(e))

    t = asyncio.create_task(sleeper('t3', 1))
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print('t3 never started', t.cancelled())

    t = asyncio.create_task(stubborn())
    await asyncio.sleep(0.1)
    t.cancel()
    print(await t, t.cancelled(), t.cancelling(), t.uncancel(), t.cancelling())

    inner = asyncio.create_task(sleeper('inner', 0.2))
    outer = asyncio.shield(inner)
    await asyncio.sleep(0.1)
    outer.cancel()
    try:
        await outer
    except asyncio.CancelledError:
        print('outer cancelled, inner done?', inner.done())
    print(await inner)

    g = asyncio.gather(sleeper('g1', 1), sleeper('g2', 1))
    await asyncio.sleep(0.1)
    print(g.cancel())
    try:
        await g
    except asyncio.CancelledError as e:
        print('gather cancelled', repr(e))

    try:
        f = asyncio.get_running_loop().create_future()
        f.cancel('why')
        f.result()
    except asyncio.CancelledError as e:
        print('future result', repr(e))
    print(issubclass(asyncio.CancelledError, BaseException), issubclass(asyncio.CancelledError, Exception))
    print(asyncio.CancelledError.__module__, asyncio.TimeoutError is TimeoutError)


asyncio.run(main())
