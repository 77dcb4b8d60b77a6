# multiprocessing.Queue between forked processes: results back from workers, a task queue with
# sentinels, maxsize with Full/Empty and timeouts, close, SimpleQueue
import multiprocessing as mp
import queue

def square(q, n):
    q.put((n, n * n))

def is_prime(n):
    return n > 1 and all(n % d for d in range(2, int(n ** 0.5) + 1))

def worker(tasks, results):
    while True:
        n = tasks.get()
        if n is None:
            break
        if is_prime(n):
            results.put(n)
    results.put(None)

if __name__ == '__main__':
    q = mp.Queue()
    ps = [mp.Process(target=square, args=(q, i)) for i in range(4)]
    for p in ps:
        p.start()
    got = sorted(q.get() for _ in ps)
    for p in ps:
        p.join()
    print(got, [p.exitcode for p in ps], q.empty())

    tasks, results = mp.Queue(), mp.Queue()
    for n in range(2, 60):
        tasks.put(n)
    workers = [mp.Process(target=worker, args=(tasks, results)) for _ in range(2)]
    for _ in workers:
        tasks.put(None)
    for w in workers:
        w.start()
    primes, done = [], 0
    while done < len(workers):
        r = results.get()
        if r is None:
            done += 1
        else:
            primes.append(r)
    for w in workers:
        w.join()
    print(sorted(primes))

    small = mp.Queue(maxsize=2)
    small.put(1); small.put(2)
    print(small.full(), small.qsize())
    try:
        small.put_nowait(3)
    except queue.Full:
        print('full')
    try:
        small.put(3, timeout=0.01)
    except queue.Full:
        print('still full')
    print(small.get(), small.get_nowait())
    try:
        small.get_nowait()
    except queue.Empty:
        print('empty')
    try:
        small.get(timeout=0.01)
    except queue.Empty:
        print('still empty')
    small.close()
    try:
        small.put(1)
    except ValueError:
        print('closed')

    sq = mp.SimpleQueue()
    sq.put({'a': [1, 2]})
    print(sq.empty(), sq.get(), sq.empty())
