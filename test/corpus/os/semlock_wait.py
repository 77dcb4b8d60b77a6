# Conditions, events and timed waits across os.fork children: a waiter in one process is woken
# by another, and a wait nobody ends times out on the virtual clock.
import multiprocessing as mp
import os

# A condition: the child waits, the parent notifies while holding the lock.
cond = mp.Condition()
ready = mp.Semaphore(0)
pid = os.fork()
if pid == 0:
    with cond:
        ready.release()
        woke = cond.wait(5)
    print('child woke', woke)
    os._exit(0)
ready.acquire()
with cond:
    cond.notify()
    print('parent notified', cond)
os.waitpid(pid, 0)
print(cond)

# An event set by a child.
ev = mp.Event()
pid = os.fork()
if pid == 0:
    ev.set()
    os._exit(0)
print('event', ev.wait(10))
os.waitpid(pid, 0)
print('event set', ev.is_set())

# RLock held twice in the parent: the child's acquire times out.
rl = mp.RLock()
rl.acquire(); rl.acquire()
pid = os.fork()
if pid == 0:
    rl._semlock._after_fork()
    print('child', rl, rl.acquire(timeout=0.05))
    os._exit(0)
os.waitpid(pid, 0)
print('parent', rl)

# A timed wait nobody ends: the child's time runs out while the parent waits for it.
import time
sem = mp.Semaphore(0)
t0 = time.monotonic()
pid = os.fork()
if pid == 0:
    t = time.monotonic()
    print('child timed out', sem.acquire(timeout=2), round(time.monotonic() - t, 1))
    os._exit(0)
os.waitpid(pid, 0)
print('parent waited', round(time.monotonic() - t0, 1))
