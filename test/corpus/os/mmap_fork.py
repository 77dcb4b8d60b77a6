# MAP_SHARED memory is one memory for parent and children after fork; MAP_PRIVATE and
# ACCESS_COPY memory is copied, so each side sees only its own writes.
import mmap
import multiprocessing as mp
import os
import struct
import tempfile

shared = mmap.mmap(-1, 64)
private = mmap.mmap(-1, 64, flags=mmap.MAP_PRIVATE)
shared[:5] = private[:5] = b'start'

pid = os.fork()
if pid == 0:
    print('child sees', shared[:5], private[:5])
    shared[:5] = b'child'
    private[:5] = b'child'
    shared.seek(10)
    os._exit(0)
os.waitpid(pid, 0)
print('parent sees', shared[:5], private[:5], 'parent pos', shared.tell())

# Many children add to one counter in shared memory under a lock.
lock = mp.Lock()
counter = mmap.mmap(-1, 8)
kids = []
for i in range(4):
    pid = os.fork()
    if pid == 0:
        for _ in range(25):
            with lock:
                (n,) = struct.unpack_from('q', counter, 0)
                struct.pack_into('q', counter, 0, n + 1)
        os._exit(0)
    kids.append(pid)
for pid in kids:
    os.waitpid(pid, 0)
print('counter', struct.unpack_from('q', counter, 0)[0])

# The parent writes after the fork, the child waits for it through a semaphore.
ready = mp.Semaphore(0)
view = memoryview(shared)
pid = os.fork()
if pid == 0:
    ready.acquire()
    print('child reads', bytes(view[:6]))
    view[:6] = b'answer'
    os._exit(0)
view[:6] = b'parent'
ready.release()
os.waitpid(pid, 0)
print('parent reads', bytes(view[:6]))
view.release()

# A shared file mapping: the child's writes reach the file.
path = os.path.join(tempfile.mkdtemp(), 'f.bin')
with open(path, 'wb') as f:
    f.write(bytes(16))
with open(path, 'r+b') as f:
    fm = mmap.mmap(f.fileno(), 0)
    cm = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_COPY)
pid = os.fork()
if pid == 0:
    fm[:4] = b'kids'
    cm[:4] = b'copy'
    fm.flush()
    os._exit(0)
os.waitpid(pid, 0)
with open(path, 'rb') as f:
    print('file', f.read(), fm[:4], cm[:4])

# A child that closes its mapping leaves the parent's open.
pid = os.fork()
if pid == 0:
    shared.close()
    os._exit(0 if shared.closed else 1)
_, status = os.waitpid(pid, 0)
print('child closed its copy', os.WEXITSTATUS(status) == 0, 'parent', shared.closed, shared[:5])
