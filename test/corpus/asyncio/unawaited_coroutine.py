# A coroutine destroyed before it ever ran warns "coroutine ... was never awaited" at the line
# that dropped it (once per line, as the default filter shows RuntimeWarnings); one that ran, or
# was closed, does not. A suspended generator is closed when it is destroyed (its finally runs).
import warnings

async def fetch():
    return 1

fetch()
print('after the first')

def make():
    c = fetch()
    return 5
make()

for i in range(3):
    fetch()

x = [fetch()]
x.clear()

async def runner():
    fetch()
    return 2

r = runner()
try:
    r.send(None)
except StopIteration as e:
    print('done', e.value)

c = fetch()
c.close()
c = None

def gen():
    try:
        yield 1
    finally:
        print('generator closed')

g = gen()
next(g)
g = None

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter('always')
    fetch()
print([str(w.message) for w in caught], caught[0].category.__name__, caught[0].lineno)
print('end')
