"""Queues between processes (CPython's multiprocessing/queues.py): pickled objects through a pipe,
a lock for the readers, a lock for the writers, and a semaphore counting the free places.

CPython's Queue.put hands the object to a feeder thread that pickles and writes it later; threads
are not simulated, so put pickles and writes at once. What a program sees is the same except that
an unpicklable object raises in put (CPython's feeder thread prints the error instead), and that
close() and join_thread() have no thread to wait for.
"""

import os
import time
from queue import Empty, Full

from multiprocessing import connection
from multiprocessing.reduction import ForkingPickler
from multiprocessing.synchronize import SEM_VALUE_MAX

__all__ = ['Queue', 'SimpleQueue', 'JoinableQueue']


class Queue(object):

    def __init__(self, maxsize=0, *, ctx):
        if maxsize <= 0:
            maxsize = SEM_VALUE_MAX
        self._maxsize = maxsize
        self._reader, self._writer = connection.Pipe(duplex=False)
        self._rlock = ctx.Lock()
        self._wlock = ctx.Lock()
        self._sem = ctx.BoundedSemaphore(maxsize)
        self._closed = False
        self._opid = os.getpid()

    def _check_closed(self):
        if self._closed:
            raise ValueError(f"Queue {self!r} is closed")

    def put(self, obj, block=True, timeout=None):
        self._check_closed()
        if not self._sem.acquire(block, timeout):
            raise Full
        try:
            payload = ForkingPickler.dumps(obj)
        except BaseException:
            self._sem.release()
            raise
        with self._wlock:
            self._writer.send_bytes(payload)

    def get(self, block=True, timeout=None):
        self._check_closed()
        if block and timeout is None:
            with self._rlock:
                res = self._reader.recv_bytes()
            self._sem.release()
        else:
            if block:
                deadline = time.monotonic() + timeout
            if not self._rlock.acquire(block, timeout):
                raise Empty
            try:
                if block:
                    timeout = deadline - time.monotonic()
                    if not self._reader.poll(timeout):
                        raise Empty
                elif not self._reader.poll():
                    raise Empty
                res = self._reader.recv_bytes()
                self._sem.release()
            finally:
                self._rlock.release()
        return ForkingPickler.loads(res)

    def qsize(self):
        return self._maxsize - self._sem._semlock._get_value()

    def empty(self):
        return not self._reader.poll()

    def full(self):
        return self._sem._semlock._is_zero()

    def get_nowait(self):
        return self.get(False)

    def put_nowait(self, obj):
        return self.put(obj, False)

    def close(self):
        self._closed = True
        self._reader.close()

    def join_thread(self):
        assert self._closed, f"Queue {self!r} not closed"

    def cancel_join_thread(self):
        pass


class JoinableQueue(Queue):

    def __init__(self, maxsize=0, *, ctx):
        Queue.__init__(self, maxsize, ctx=ctx)
        self._unfinished_tasks = ctx.Semaphore(0)
        self._cond = ctx.Condition()

    def put(self, obj, block=True, timeout=None):
        self._check_closed()
        if not self._sem.acquire(block, timeout):
            raise Full
        with self._cond:
            try:
                payload = ForkingPickler.dumps(obj)
            except BaseException:
                self._sem.release()
                raise
            with self._wlock:
                self._writer.send_bytes(payload)
            self._unfinished_tasks.release()

    def task_done(self):
        with self._cond:
            if not self._unfinished_tasks.acquire(False):
                raise ValueError('task_done() called too many times')
            if self._unfinished_tasks._semlock._is_zero():
                self._cond.notify_all()

    def join(self):
        with self._cond:
            if not self._unfinished_tasks._semlock._is_zero():
                self._cond.wait()


class SimpleQueue(object):

    def __init__(self, *, ctx):
        self._reader, self._writer = connection.Pipe(duplex=False)
        self._rlock = ctx.Lock()
        self._wlock = ctx.Lock()

    def close(self):
        self._reader.close()
        self._writer.close()

    def empty(self):
        return not self._reader.poll()

    def get(self):
        with self._rlock:
            res = self._reader.recv_bytes()
        return ForkingPickler.loads(res)

    def put(self, obj):
        obj = ForkingPickler.dumps(obj)
        with self._wlock:
            self._writer.send_bytes(obj)
