# Semaphores, locks, conditions and events shared by os.fork children: the value is one for
# every process, a blocked acquire waits until another process releases.
import multiprocessing as mp
import os

# Children wait for the parent's go.
go = mp.Semaphore(0)
r, w = os.pipe()
kids = []
for i in range(3):
    pid = os.fork()
    if pid == 0:
        go.acquire()
        os.write(w, b'%d' % i)
        os._exit(0)
    kids.append(pid)
for _ in kids:
    go.release()
for pid in kids:
    os.waitpid(pid, 0)
print('go value', go.get_value(), 'pipe', sorted(os.read(r, 100)))

# A lock taken before fork: the child inherits the count, the value is shared.
lock = mp.Lock()
lock.acquire()
pid = os.fork()
if pid == 0:
    print('child sees', lock, lock._semlock._count())
    print('child try', lock.acquire(False), lock.acquire(timeout=0.1))
    os._exit(0)
os.waitpid(pid, 0)
lock.release()
print('parent', lock)
pid = os.fork()
if pid == 0:
    print('child takes', lock.acquire(timeout=1), lock)
    os._exit(3)
_, status = os.waitpid(pid, 0)
print('child exit', os.WEXITSTATUS(status), 'parent sees', lock, lock.acquire(False))

# Ping-pong: each process blocks until the other releases.
ping, pong = mp.Semaphore(0), mp.Semaphore(0)
pid = os.fork()
if pid == 0:
    for i in range(3):
        ping.acquire()
        print('pong', i)
        pong.release()
    os._exit(0)
for i in range(3):
    print('ping', i)
    ping.release()
    pong.acquire()
os.waitpid(pid, 0)

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
