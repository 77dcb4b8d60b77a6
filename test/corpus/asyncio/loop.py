# The event loop by hand: call_soon/call_later order, run_until_complete, loop state.
import asyncio


def say(*args):
    print('say', *args)


async def compute(x):
    await asyncio.sleep(0.1)
    return x * 2


loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
print(loop.is_running(), loop.is_closed())
loop.call_later(0.2, say, 'late')
loop.call_later(0.1, say, 'early')
h = loop.call_later(0.15, say, 'never')
h.cancel()
print(h.cancelled())
loop.call_soon(say, 'soon', 1)
loop.call_soon(say, 'soon', 2)
print(loop.run_until_complete(compute(21)))
print(loop.run_until_complete(asyncio.sleep(0.2, 'slept')))
fut = loop.create_future()
loop.call_later(0.05, fut.set_result, 'from a timer')
print(loop.run_until_complete(fut))
try:
    asyncio.get_running_loop()
except RuntimeError as e:
    print(e)


async def inner():
    return asyncio.get_running_loop() is loop


print(loop.run_until_complete(inner()))
loop.close()
print(loop.is_closed())
try:
    loop.call_soon(say)
except RuntimeError as e:
    print(e)
try:
    asyncio.run(1)
except ValueError as e:
    print(e)


async def nested():
    c = compute(1)
    try:
        asyncio.run(c)
    except RuntimeError as e:
        print(e)
    c.close()


asyncio.run(nested())
print(asyncio.iscoroutinefunction(compute), asyncio.iscoroutinefunction(say))
