# Semaphores and locks shared by os.fork children: the value is one for
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

