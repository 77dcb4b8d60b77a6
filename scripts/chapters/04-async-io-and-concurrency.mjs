// Chapter 04, async I/O and concurrency: the crawler experiment of the notes (serial against
// concurrent fetching) on the simulated HTTP service and the virtual clock, and what a coroutine
// and the event loop are, with orderings that real CPython confirms.
// Run: node scripts/chapters/04-async-io-and-concurrency.mjs (after `npx tsc -p tsconfig.json`).
import { buildChapter, confirmed, md, simulated } from './chapter.mjs';

const VIRTUAL_CLOCK = 'timings come from the virtual clock and the simulated HTTP service';

await buildChapter('04-async-io-and-concurrency.ipynb', [
  md(`
    # Async I/O and concurrency

    A program that fetches web pages spends almost all its time waiting: the request goes out,
    and nothing useful happens until the answer comes back. Doing the requests one after the
    other adds up every wait. Doing them *concurrently* lets the waits overlap, and a single
    thread is enough for that, as long as something keeps track of who is waiting for what. In
    Python that something is an event loop, and \`asyncio\` is the standard one.

    The note this chapter follows reports the book's crawler experiment: 1000 requests to a test
    server that answers each after about 0.1 s, made serially and with three concurrent
    libraries:

    | crawler | serial | gevent | tornado | aiohttp |
    |---|---|---|---|---|
    | runtime (s) | 102.684 | 1.142 | 1.171 | 1.101 |

    A hundredfold difference, from waiting less, not from computing faster.

    **What is simulated here.** The kernel's machine has no network and its own clock: the
    \`simhttp\` module is a simulated HTTP server at \`http://127.0.0.1:8080\` that answers any path
    after the \`delay\` milliseconds its query asks for, and waiting moves a virtual clock instead
    of the real one (the kernel's docs explain the clock). So every timing below is the
    simulation's: exact, the same on every run, and returned in a moment of real time. Cells
    starting with \`# confirmed\` contain no timings: real CPython 3.11 prints exactly what they
    store, and the project's tests re-run them on \`python3\`.
  `),
  md(`
    ## One request, then a thousand in a row

    \`simhttp.get\` blocks like \`requests.get\`: the program stops until the answer is there.
  `),
  simulated(VIRTUAL_CLOCK, `
    import time
    import simhttp

    start = time.perf_counter()
    response = simhttp.get("http://127.0.0.1:8080/add?name=python&delay=100")
    print(response, repr(response.text), f"{time.perf_counter() - start:.4f} s")
  `),
  md(`
    The serial crawler of the experiment asks for 1000 URLs in a loop:
  `),
  simulated(VIRTUAL_CLOCK, `
    def crawl_serial(count):
        start = time.perf_counter()
        total = 0
        for i in range(count):
            total += len(simhttp.get(f"http://127.0.0.1:8080/add?name=url-{i}&delay=100").text)
        return total, time.perf_counter() - start

    total, seconds = crawl_serial(1000)
    print(f"{total} characters in {seconds:.3f} s")
  `),
  md(`
    1000 waits of 0.1 s are 100 s; the loop's own work adds a few milliseconds. The book's 102.7 s
    is the same story with a real network stack and a real server adding their share.

    ## Coroutines are generators that the loop drives

    Chapter 03 showed that a generator is a function that can stop in the middle (\`yield\`) and be
    resumed later with \`send\`. A coroutine, the function defined with \`async def\`, is the same
    machine: calling it runs nothing, and each \`send\` runs it up to its next suspension. When it
    returns, its value travels in a \`StopIteration\`, as a generator's does:
  `),
  confirmed(`
    async def add(a, b):
        return a + b

    coroutine = add(2, 3)
    print(type(coroutine).__name__)
    try:
        coroutine.send(None)
    except StopIteration as stop:
        print("finished with", stop.value)
  `),
  md(`
    An event loop is a scheduler built on that: it keeps the coroutines that are ready to go on
    (wrapped in *tasks*), resumes each until it suspends on something that is not ready (a timer,
    a socket, another task), and meanwhile watches the timers and sockets. \`await asyncio.sleep(d)\`
    suspends a task for \`d\` seconds while the others run. The order of events shows it: all
    three tasks start before any finishes, and they finish by their delays, not by their order
    of creation. \`gather\` still returns the results in the order it was given the coroutines:
  `),
  confirmed(`
    import asyncio

    async def fetch(name, delay, log):
        log.append(f"start {name}")
        await asyncio.sleep(delay)
        log.append(f"done {name}")
        return name.upper()

    async def main():
        log = []
        results = await asyncio.gather(fetch("a", 0.03, log), fetch("b", 0.01, log), fetch("c", 0.02, log))
        print(results)
        print(log)

    asyncio.run(main())
  `),
  md(`
    When the first results should be used first, \`as_completed\` hands them over as they arrive:
  `),
  confirmed(`
    async def first_come():
        pending = [fetch(name, delay, []) for name, delay in (("x", 0.03), ("y", 0.01), ("z", 0.02))]
        return [await next_done for next_done in asyncio.as_completed(pending)]

    print(asyncio.run(first_come()))
  `),
  md(`
    (Real CPython waits the 30 ms of these sleeps; the kernel's virtual clock skips them.)

    ## The concurrent crawler

    \`simhttp.ClientSession\` is shaped like aiohttp's client: \`session.get(url)\` is awaited, and
    waiting for the server suspends only the task that asked. A \`Semaphore\` caps how many
    requests are in flight at once, as a polite crawler does (and as the book's crawlers did,
    with 100):
  `),
  simulated(VIRTUAL_CLOCK, `
    async def fetch_page(session, url, limit):
        async with limit:
            async with session.get(url) as response:
                return await response.text()

    async def crawl_concurrent(count, concurrency):
        limit = asyncio.Semaphore(concurrency)
        async with simhttp.ClientSession() as session:
            urls = [f"http://127.0.0.1:8080/add?name=url-{i}&delay=100" for i in range(count)]
            return await asyncio.gather(*(fetch_page(session, url, limit) for url in urls))

    start = time.perf_counter()
    pages = asyncio.run(crawl_concurrent(1000, 100))
    print(f"{sum(map(len, pages))} characters in {time.perf_counter() - start:.3f} s")
    print(pages[:2])
  `),
  md(`
    The same 1000 pages, the same characters, in about a hundredth of the time: ten rounds of 100
    overlapping waits of 0.1 s each, plus the event loop's bookkeeping. That is the note's table
    again: gevent, tornado and aiohttp differ in how they spell this, not in what they do.

    The cap sets the time. With one request in flight the concurrent crawler is the serial one;
    each tenfold increase divides the time by ten until all requests fit in one round:
  `),
  simulated(VIRTUAL_CLOCK, `
    for concurrency in (1, 10, 100, 1000):
        start = time.perf_counter()
        asyncio.run(crawl_concurrent(1000, concurrency))
        print(f"at most {concurrency:>4} in flight: {time.perf_counter() - start:8.3f} s")
  `),
  md(`
    A real crawler cannot push the cap up forever: a server may refuse or slow down hundreds of
    simultaneous connections, and every request in flight holds a socket, buffers and a task.
    The book found its sweet spot by measuring, and so should you.

    ## One blocking call stops everyone

    Concurrency in an event loop is cooperative: a task gives the others a turn only at an
    \`await\`. A blocking call inside a coroutine, such as \`simhttp.get\` (or \`requests.get\`, or
    \`time.sleep\`), holds the whole loop while it waits, and the "concurrent" crawler becomes
    serial again:
  `),
  simulated(VIRTUAL_CLOCK, `
    async def fetch_blocking(url):
        return simhttp.get(url).text  # no await: the loop cannot run anything else meanwhile

    async def crawl_blocking(count):
        urls = [f"http://127.0.0.1:8080/add?name=url-{i}&delay=100" for i in range(count)]
        return await asyncio.gather(*(fetch_blocking(url) for url in urls))

    start = time.perf_counter()
    asyncio.run(crawl_blocking(100))
    print(f"100 pages, blocking inside async: {time.perf_counter() - start:.3f} s")
  `),
  md(`
    The same holds for CPU-bound work: a task that computes for a second without awaiting delays
    every other task by a second. Event loops are for waiting; computing in parallel needs other
    processes, the subject of the next chapter.

    ## In short

    - I/O-bound programs spend their time waiting; overlapping the waits is what makes them fast.
    - \`async def\` functions are resumable like generators; an event loop resumes whichever task
      can go on, and \`await\` is where a task lets the others run.
    - \`gather\` returns results in the order given, \`as_completed\` in the order they finish
      (confirmed on CPython 3.11).
    - All the timings here (100 s serial, about 1 s with 100 requests in flight) are the virtual
      clock's, with a simulated server of exactly 0.1 s latency; the book's real measurements
      have the same shape.
  `),
]);
