# Two processes waiting with different timeouts on the virtual clock: each times out at its own
# deadline, the earlier first.
import multiprocessing as mp, os, time
a, b = mp.Semaphore(0), mp.Semaphore(0)
t0 = time.monotonic()
pid = os.fork()
if pid == 0:
    t = time.monotonic()
    print('child', b.acquire(timeout=3), round(time.monotonic() - t, 1))
    os._exit(0)
print('parent', a.acquire(timeout=1), round(time.monotonic() - t0, 1))
os.waitpid(pid, 0)
print('total', round(time.monotonic() - t0, 1))
