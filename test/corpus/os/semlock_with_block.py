# `with lock:` in a child that has to wait for its parent: the child gives the stack back and resumes inside __enter__
import os
from multiprocessing.synchronize import Lock
from multiprocessing import context
lock = Lock(ctx=context._default_context)
r, w = os.pipe()
lock.acquire()
pid = os.fork()
if pid == 0:
    os.close(r)
    os.write(w, b'x')
    with lock:
        print('child got the lock', flush=True)
    os._exit(0)
os.close(w)
os.read(r, 1)
print('parent releases', flush=True)
lock.release()
os.waitpid(pid, 0)
print('done', flush=True)
