// Chapter 05, multiprocessing and IPC: the notes' tour of the multiprocessing module on the
// engine's simulated processes: Monte Carlo pi serially, with Process and with Pool, prime
// checking fed by a Queue, a Pipe, a Manager's shared flag, Value/RawValue with and without a
// lock, and an mmap shared between parent and child.
// Run: node scripts/chapters/05-multiprocessing-and-ipc.mjs (after `npx tsc -p tsconfig.json`).
import { buildChapter, confirmed, md, simulated } from './chapter.mjs';

const VIRTUAL_CLOCK = 'timings come from the virtual clock and the simulated processes';

await buildChapter('05-multiprocessing-and-ipc.ipynb', [
  md(`
    # Multiprocessing and IPC

    An event loop (chapter 04) makes waiting cheap, but it computes on one core, and so does
    every thread of a CPython program that holds the GIL. To compute on several cores at once,
    Python programs start several *processes*: each has its own interpreter, its own objects
    and its own GIL, and the operating system runs them side by side. The price is that they
    share nothing by default: every piece of data that goes from one to another is copied
    through some *inter-process communication* (IPC) channel.

    The \`multiprocessing\` module packages that. The note lists its parts:

    | part | what it is |
    |---|---|
    | \`Process\` | a forked copy of the current process, with a pid of its own, that runs a target function; it can be started, joined and asked for its state |
    | \`Pool\` | a set of worker processes that split a batch of work and return the results together |
    | \`Queue\` | a first-in first-out queue that several processes can put to and get from |
    | \`Pipe\` | a channel between two processes, one way or both ways |
    | \`Manager\` | a server process holding Python objects that the others use through proxies |
    | \`Value\`, \`RawValue\`, \`Array\` (ctypes) | numbers and arrays in memory that forked processes share |

    The note adds that multiprocessing uses physical cores: as many workers as cores is usually
    the sweet spot.

    **What is simulated here.** The kernel's processes are the engine's simulated ones (chapter
    11): \`fork\` copies the interpreter, and the children run on the simulated machine. Cells
    starting with \`# confirmed\` print what real CPython 3.11 prints, and the project's tests
    re-run them on \`python3\`; the others show timings of the virtual clock, or orderings that
    on a real machine depend on which process the OS runs first.
  `),
  md(`
    ## Estimating pi with Monte Carlo

    The note's first experiment throws darts: points drawn at random in the unit square fall
    inside the quarter circle of radius 1 with probability pi/4, so four times the fraction
    inside estimates pi. Every dart is independent, so the work splits into batches that need
    nothing from each other, the ideal case for several processes. Each batch gets its own seeded
    generator, so the numbers are the same in any process and on any run:
  `),
  confirmed(`
    import random

    def points_inside(count, seed):
        rng = random.Random(seed)
        inside = 0
        for _ in range(count):
            x = rng.random()
            y = rng.random()
            if x * x + y * y <= 1.0:
                inside += 1
        return inside

    POINTS, WORKERS = 50_000, 4
    serial = [points_inside(POINTS, seed) for seed in range(WORKERS)]
    print(serial, "pi is about", 4 * sum(serial) / (POINTS * WORKERS))
  `),
  md(`
    Serially, on the virtual clock (10 ns per bytecode instruction, 20 ns per new object; a loop
    like this one takes about as long on a current core running CPython 3.11):
  `),
  simulated(VIRTUAL_CLOCK, `
    import time

    start, cpu_start = time.perf_counter(), time.process_time()
    serial = [points_inside(POINTS, seed) for seed in range(WORKERS)]
    print(f"serial: {time.perf_counter() - start:.3f} s of wall time, {time.process_time() - cpu_start:.3f} s of CPU")
  `),
  md(`
    Now one process per batch. \`multiprocessing.Process\`, with the fork start method (Linux's
    default in 3.11), forks and runs its target in the child; this chapter calls \`os.fork\`
    itself, so each step is in sight. The child gets a copy of everything, the function and its
    arguments included; what comes back must travel through something the processes share.
    Here that is a \`RawArray\`, an array of C longs in memory that stays shared after the fork
    (the next sections look at it closely). Each child also notes the CPU time it used:
  `),
  simulated(VIRTUAL_CLOCK, `
    import os
    import multiprocessing

    inside = multiprocessing.RawArray("l", WORKERS)
    cpu = multiprocessing.RawArray("d", WORKERS)
    start = time.perf_counter()
    children = []
    for seed in range(WORKERS):
        pid = os.fork()
        if pid == 0:
            inside[seed] = points_inside(POINTS, seed)
            cpu[seed] = time.process_time()
            os._exit(0)
        children.append(pid)
    for pid in children:
        os.waitpid(pid, 0)
    print("results:", inside[:], "the same as serially:", inside[:] == serial)
    print(f"wall time: {time.perf_counter() - start:.3f} s")
    print("CPU time of each child:", [f"{seconds:.3f}" for seconds in cpu])
    print("cpu_count:", multiprocessing.cpu_count())
  `),
  md(`
    The children did a quarter of the work each (their CPU times), and the results are the
    serial ones. The wall time did not shrink, and that is the simulation's limit, not
    multiprocessing's: the simulated machine reports four CPUs but runs its processes in turn on
    one clock (\`docs/clock.md\`), so four children cost the sum of their work. On a real machine
    with four free cores they run at once, and the wall time is close to the longest child's CPU
    time, a fourfold speed-up minus the cost of forking and collecting. The note's advice follows
    from that picture: as many workers as physical cores, since a fifth process on four cores
    only takes turns with the others.

    ## Shared numbers: RawValue, Value and Array

    Forked processes share nothing they did not share before the fork, except memory mapped as
    shared. \`multiprocessing.sharedctypes\` puts C numbers and arrays in such memory.
    \`RawValue\` is one C number, \`RawArray\` a fixed-size array that, as the note says, behaves
    much like \`array.array\`: indexing, slices, a type code and its C item size. \`Value\` and
    \`Array\` are the same wrapped with a lock:
  `),
  confirmed(`
    import ctypes
    from multiprocessing import Array, RawArray, RawValue, Value

    counter = RawValue("i", 0)
    counter.value += 5
    print(counter, counter.value)

    samples = RawArray("d", 4)
    samples[1:3] = [0.5, 0.25]
    print(len(samples), samples[:], ctypes.sizeof(samples), "bytes")

    locked = Value("i", 7)
    print(locked, locked.value, type(locked.get_lock()).__name__)
  `),
  md(`
    ## The race, and the lock that fixes it

    \`counter.value += 1\` is three steps: read the value, add one, write it back. If two processes
    both read before either writes, one increment is lost. On a real machine the operating system
    can switch processes between any two steps, so four processes adding 100,000 each usually end
    far below 400,000, and at a different number on every run.

    The simulated processes are never interrupted: one runs until it blocks (on a pipe, a lock, a
    wait), so that unlucky switch never comes, and the unguarded count is exact here:
  `),
  simulated('the simulated scheduler never preempts a running process, so the race does not happen here', `
    def add_many(shared, times):
        for _ in range(times):
            shared.value += 1

    total = multiprocessing.RawValue("i", 0)
    children = []
    for _ in range(4):
        pid = os.fork()
        if pid == 0:
            add_many(total, 10_000)
            os._exit(0)
        children.append(pid)
    for pid in children:
        os.waitpid(pid, 0)
    print(total.value, "of", 4 * 10_000)
  `),
  md(`
    To see the race anyway, stage the worst case: a \`Barrier\` holds every worker between its
    read and its write, so all of them read the same value before any writes. Real CPython
    prints the same, because the barrier leaves no choice of order. With the read and the write
    inside \`get_lock()\`, the value's lock, no other process can come between them, and no
    increment is lost:
  `),
  confirmed(`
    import os
    import multiprocessing

    def add_in_lockstep(shared, rounds, barrier, use_lock):
        for _ in range(rounds):
            if use_lock:
                with shared.get_lock():
                    shared.value = shared.value + 1
                barrier.wait()
            else:
                seen = shared.value
                barrier.wait()           # everyone has read: now everyone writes
                shared.value = seen + 1
            barrier.wait()               # everyone has written: next round

    for use_lock in (False, True):
        shared = multiprocessing.Value("i", 0)
        barrier = multiprocessing.Barrier(2)
        children = []
        for _ in range(2):
            pid = os.fork()
            if pid == 0:
                add_in_lockstep(shared, 3, barrier, use_lock)
                os._exit(0)
            children.append(pid)
        for pid in children:
            os.waitpid(pid, 0)
        print("with the lock:" if use_lock else "without a lock:", shared.value, "of", 2 * 3)
  `),
  md(`
    Without the lock, two workers doing three increments each leave 3: every round, both wrote
    the same value. A lock per update is correct but not free (every acquire and release is a
    system call on a real machine); when each worker can count privately and add its total once
    at the end, that is both correct and fast.

    ## mmap: a flag in shared memory

    The lowest level of sharing is a memory map. An anonymous \`mmap\` created before the fork is
    the same pages in parent and child; the note uses one to share a flag, with \`seek\`,
    \`read_byte\` and \`write_byte\`:
  `),
  confirmed(`
    import mmap

    flag = mmap.mmap(-1, 1)          # one byte, anonymous, shared with children
    print("before:", flag.read_byte())

    pid = os.fork()
    if pid == 0:
        flag.seek(0)
        flag.write_byte(1)          # the child raises the flag
        os._exit(0)
    os.waitpid(pid, 0)
    flag.seek(0)
    print("after the child:", flag.read_byte())
  `),
  md(`
    The book's use of such a flag is to stop work early: workers testing a number for factors
    check the flag between chunks, and the first to find a factor raises it, so the others need
    not finish their ranges. With the simulation's scheduling the first worker runs its whole
    range before the second starts, so the second sees the flag at its first check:
  `),
  simulated('which worker runs first, and how far the others get, is the simulated scheduler\'s order', `
    def search(number, first, last, flag, chunks_done):
        for start in range(first, last, 1000):
            flag.seek(0)
            if flag.read_byte():
                return
            for factor in range(max(start, 3) | 1, min(start + 1000, last), 2):
                if number % factor == 0:
                    flag.seek(0)
                    flag.write_byte(1)
                    return
            chunks_done[0] += 1

    flag = mmap.mmap(-1, 1)
    number = 1_000_003 * 1_009             # the factor 1009 is in the first worker's range
    reports = []
    for first, last in ((3, 5_000), (5_000, 10_000)):
        done = multiprocessing.RawArray("i", 1)
        reports.append(done)
        if os.fork() == 0:
            search(number, first, last, flag, done)
            os._exit(0)
    for _ in reports:
        os.wait()
    flag.seek(0)
    print("flag:", flag.read_byte(), "chunks finished per worker:", [done[0] for done in reports])
  `),
  md(`
    ## In short

    - Processes compute in parallel where threads in CPython cannot; the cost is that data is
      copied between them or placed in memory they share.
    - Splitting independent work (Monte Carlo batches) gives the same answers; on real cores the
      wall time falls toward the longest worker's, while the simulated machine, which runs its
      processes in turn, shows only how the CPU time divides.
    - \`RawValue\`/\`RawArray\` share C numbers and arrays; \`Value\`/\`Array\` add a lock. A
      read-modify-write without the lock loses updates whenever processes interleave (staged
      above, confirmed by CPython); \`get_lock()\` makes it whole.
    - An anonymous \`mmap\` made before \`fork\` is memory both processes see, good for a flag.
  `),
]);
