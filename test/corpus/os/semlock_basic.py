# Locks and semaphores of multiprocessing in one process: reprs, counts and errors.
import multiprocessing as mp

lock = mp.Lock()
print(lock)
print(lock.acquire(), lock)
print(lock.acquire(False), lock.acquire(timeout=0.2))
lock.release()
try:
    lock.release()
except ValueError as e:
    print('ValueError:', e)
with lock:
    print('inside', lock)
print(lock)

rlock = mp.RLock()
print(rlock)
with rlock:
    with rlock:
        print(rlock)
    print(rlock)
try:
    rlock.release()
except AssertionError as e:
    print('AssertionError:', e)

sem = mp.Semaphore(2)
print(sem, sem.get_value())
sem.acquire(); sem.acquire()
print(sem, sem.acquire(block=False))
sem.release(); sem.release(); sem.release()
print(sem)

bsem = mp.BoundedSemaphore(2)
print(bsem)
try:
    bsem.release()
except ValueError as e:
    print('ValueError:', e)
bsem.acquire()
print(bsem)

cond = mp.Condition()
print(cond)
with cond:
    print(cond.wait(0.1))
    print(cond.wait_for(lambda: 42))
    print(cond.wait_for(lambda: False, timeout=0.05))
    cond.notify()
    cond.notify_all()
try:
    cond.wait()
except AssertionError as e:
    print('AssertionError:', e)
print(mp.Condition(mp.Lock()))

ev = mp.Event()
print(ev.is_set(), ev.wait(0.01))
ev.set()
print(ev.is_set(), ev.wait(), ev.wait(0.5))
ev.clear()
print(ev.is_set(), repr(ev).split(' at ')[0], repr(ev).endswith(' unset>'))

import pickle
try:
    pickle.dumps(lock)
except RuntimeError as e:
    print('RuntimeError:', e)
