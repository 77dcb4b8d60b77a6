"""Locks, semaphores, conditions, events and barriers shared by processes (CPython's
multiprocessing/synchronize.py), built on the native _multiprocessing.SemLock, whose value every
simulated process sees. Only the fork start method is simulated, so every semaphore is unlinked
as soon as it is made and is shared by inheritance alone."""

__all__ = [
    'Lock', 'RLock', 'Semaphore', 'BoundedSemaphore', 'Condition', 'Event', 'Barrier',
]

import mmap
import random
import struct
import sys
import time

from _multiprocessing import SemLock as _SemLock, sem_unlink

from . import process

try:
    from threading import BrokenBarrierError
except ImportError:
    class BrokenBarrierError(RuntimeError):
        pass
    BrokenBarrierError.__module__ = 'threading'

RECURSIVE_MUTEX, SEMAPHORE = list(range(2))
SEM_VALUE_MAX = _SemLock.SEM_VALUE_MAX

_NAME_CHARS = 'abcdefghijklmnopqrstuvwxyz0123456789_'
_names = random.Random()


def _random_name():
    return ''.join(_names.choice(_NAME_CHARS) for _ in range(8))


def _inherited_only(obj):
    # What context.assert_spawning says when such an object is pickled outside a spawn.
    raise RuntimeError('%s objects should only be shared between processes'
                       ' through inheritance' % type(obj).__name__)


def _register_after_fork(obj, func):
    try:
        from .util import register_after_fork
    except ImportError:
        from .process import register_after_fork
    register_after_fork(obj, func)


def _reset_after_fork(obj):
    obj._semlock._after_fork()


class SemLock(object):
    """The base of the semaphores and locks: a _multiprocessing.SemLock with its methods."""

    def __init__(self, kind, value, maxvalue, *, ctx):
        prefix = process.current_process()._config.get('semprefix', '/mp')
        for _ in range(100):
            try:
                self._semlock = _SemLock(kind, value, maxvalue,
                                         '%s-%s' % (prefix, _random_name()), True)
            except FileExistsError:
                continue
            break
        else:
            raise FileExistsError('cannot find name for semaphore')
        self._make_methods()
        _register_after_fork(self, _reset_after_fork)

    def _make_methods(self):
        self.acquire = self._semlock.acquire
        self.release = self._semlock.release

    def __enter__(self):
        return self._semlock.__enter__()

    def __exit__(self, *args):
        return self._semlock.__exit__(*args)

    def __getstate__(self):
        _inherited_only(self)


class Semaphore(SemLock):

    def __init__(self, value=1, *, ctx):
        SemLock.__init__(self, SEMAPHORE, value, SEM_VALUE_MAX, ctx=ctx)

    def get_value(self):
        return self._semlock._get_value()

    def __repr__(self):
        try:
            value = self._semlock._get_value()
        except Exception:
            value = 'unknown'
        return '<%s(value=%s)>' % (self.__class__.__name__, value)


class BoundedSemaphore(Semaphore):

    def __init__(self, value=1, *, ctx):
        SemLock.__init__(self, SEMAPHORE, value, value, ctx=ctx)

    def __repr__(self):
        try:
            value = self._semlock._get_value()
        except Exception:
            value = 'unknown'
        return '<%s(value=%s, maxvalue=%s)>' % (self.__class__.__name__, value,
                                                self._semlock.maxvalue)


def _owner(semlock):
    """Who holds a lock, in the words of the locks' reprs (threads are not simulated)."""
    if semlock._is_mine():
        return process.current_process().name
    if semlock._get_value() == 1:
        return 'None'
    if semlock._count() > 0:
        return 'SomeOtherThread'
    return 'SomeOtherProcess'


class Lock(SemLock):

    def __init__(self, *, ctx):
        SemLock.__init__(self, SEMAPHORE, 1, 1, ctx=ctx)

    def __repr__(self):
        try:
            name = _owner(self._semlock)
        except Exception:
            name = 'unknown'
        return '<%s(owner=%s)>' % (self.__class__.__name__, name)


class RLock(SemLock):

    def __init__(self, *, ctx):
        SemLock.__init__(self, RECURSIVE_MUTEX, 1, 1, ctx=ctx)

    def __repr__(self):
        try:
            name = _owner(self._semlock)
            if name == 'None':
                count = 0
            elif self._semlock._is_mine():
                count = self._semlock._count()
            else:
                count = 'nonzero'
        except Exception:
            name, count = 'unknown', 'unknown'
        return '<%s(%s, %s)>' % (self.__class__.__name__, name, count)


class Condition(object):
    """A condition variable: waiters count themselves in one semaphore, sleep on a second and
    say they woke in a third, so a notifier in another process knows how many to wake."""

    def __init__(self, lock=None, *, ctx):
        self._lock = lock or RLock(ctx=ctx)
        self._sleeping_count = Semaphore(0, ctx=ctx)
        self._woken_count = Semaphore(0, ctx=ctx)
        self._wait_semaphore = Semaphore(0, ctx=ctx)
        self._make_methods()

    def __getstate__(self):
        _inherited_only(self)

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *args):
        return self._lock.__exit__(*args)

    def _make_methods(self):
        self.acquire = self._lock.acquire
        self.release = self._lock.release

    def __repr__(self):
        try:
            waiting = (self._sleeping_count._semlock._get_value() -
                       self._woken_count._semlock._get_value())
        except Exception:
            waiting = 'unknown'
        return '<%s(%s, %s)>' % (self.__class__.__name__, self._lock, waiting)

    def wait(self, timeout=None):
        assert self._lock._semlock._is_mine(), \
            'must acquire() condition before using wait()'
        self._sleeping_count.release()
        # Give the lock up entirely (an RLock may be held several times), then take it back
        # as many times once woken or timed out.
        held = self._lock._semlock._count()
        for _ in range(held):
            self._lock.release()
        try:
            return self._wait_semaphore.acquire(True, timeout)
        finally:
            self._woken_count.release()
            for _ in range(held):
                self._lock.acquire()

    def notify(self, n=1):
        assert self._lock._semlock._is_mine(), 'lock is not owned'
        assert not self._wait_semaphore.acquire(False), \
            'notify: Should not have been able to acquire _wait_semaphore'
        # Waiters that woke (by a timeout) since the last notify are no longer sleeping.
        while self._woken_count.acquire(False):
            res = self._sleeping_count.acquire(False)
            assert res, 'notify: Bug in sleeping_count.acquire- res should not be False'
        woken = 0
        while woken < n and self._sleeping_count.acquire(False):
            self._wait_semaphore.release()
            woken += 1
        if woken:
            for _ in range(woken):
                self._woken_count.acquire()
            # A waiter that timed out meanwhile left its wake-up unused: take it back.
            while self._wait_semaphore.acquire(False):
                pass

    def notify_all(self):
        self.notify(n=sys.maxsize)

    def wait_for(self, predicate, timeout=None):
        result = predicate()
        if result:
            return result
        endtime = None if timeout is None else time.monotonic() + timeout
        waittime = None
        while not result:
            if endtime is not None:
                waittime = endtime - time.monotonic()
                if waittime <= 0:
                    break
            self.wait(waittime)
            result = predicate()
        return result


class Event(object):
    """A flag in a semaphore (0 or 1) guarded by a condition that wakes the waiters."""

    def __init__(self, *, ctx):
        self._cond = Condition(Lock(ctx=ctx), ctx=ctx)
        self._flag = Semaphore(0, ctx=ctx)

    def _peek(self):
        if self._flag.acquire(False):
            self._flag.release()
            return True
        return False

    def is_set(self):
        with self._cond:
            return self._peek()

    def set(self):
        with self._cond:
            self._flag.acquire(False)
            self._flag.release()
            self._cond.notify_all()

    def clear(self):
        with self._cond:
            self._flag.acquire(False)

    def wait(self, timeout=None):
        with self._cond:
            if not self._peek():
                self._cond.wait(timeout)
            return self._peek()

    def __repr__(self):
        return '<%s at %#x %s>' % (type(self).__qualname__, id(self),
                                   'set' if self.is_set() else 'unset')


# Barrier states, as threading.Barrier numbers them.
_FILLING, _DRAINING, _RESETTING, _BROKEN = 0, 1, -1, -2


class Barrier(object):
    """threading.Barrier's algorithm with its state and waiter count in shared memory (two C ints
    in an anonymous MAP_SHARED mapping), so every process sees one barrier."""

    def __init__(self, parties, action=None, timeout=None, *, ctx):
        self._parties = parties
        self._action = action
        self._timeout = timeout
        self._cond = Condition(ctx=ctx)
        self._shared = mmap.mmap(-1, struct.calcsize('ii'))

    def __getstate__(self):
        _inherited_only(self)

    @property
    def _state(self):
        return struct.unpack_from('i', self._shared, 0)[0]

    @_state.setter
    def _state(self, value):
        struct.pack_into('i', self._shared, 0, value)

    @property
    def _count(self):
        return struct.unpack_from('i', self._shared, 4)[0]

    @_count.setter
    def _count(self, value):
        struct.pack_into('i', self._shared, 4, value)

    def __repr__(self):
        cls = self.__class__
        if self.broken:
            return f"<{cls.__module__}.{cls.__qualname__} at {id(self):#x}: broken>"
        return (f"<{cls.__module__}.{cls.__qualname__} at {id(self):#x}:"
                f" waiters={self.n_waiting}/{self.parties}>")

    def wait(self, timeout=None):
        """Waits until `parties` processes wait; returns this one's arrival index."""
        if timeout is None:
            timeout = self._timeout
        with self._cond:
            # A barrier still letting the previous round out (or being reset) is waited out.
            while self._state in (_DRAINING, _RESETTING):
                self._cond.wait()
            if self._state < 0:
                raise BrokenBarrierError
            index = self._count
            self._count += 1
            try:
                if index + 1 == self._parties:
                    self._trip()
                else:
                    self._await_trip(timeout)
                return index
            finally:
                self._count -= 1
                self._leave()

    def _trip(self):
        try:
            if self._action:
                self._action()
            self._state = _DRAINING
            self._cond.notify_all()
        except:
            self._break()
            raise

    def _await_trip(self, timeout):
        if not self._cond.wait_for(lambda: self._state != _FILLING, timeout):
            self._break()
            raise BrokenBarrierError
        if self._state < 0:
            raise BrokenBarrierError

    def _leave(self):
        # The last one out of a draining or reset barrier makes it fill again.
        if self._count == 0 and self._state in (_RESETTING, _DRAINING):
            self._state = _FILLING
            self._cond.notify_all()

    def reset(self):
        """Back to the empty state; processes waiting now get BrokenBarrierError."""
        with self._cond:
            if self._count > 0:
                if self._state in (_FILLING, _BROKEN):
                    self._state = _RESETTING
            else:
                self._state = _FILLING
            self._cond.notify_all()

    def abort(self):
        """Breaks the barrier: current and future waits raise BrokenBarrierError."""
        with self._cond:
            self._break()

    def _break(self):
        self._state = _BROKEN
        self._cond.notify_all()

    @property
    def parties(self):
        return self._parties

    @property
    def n_waiting(self):
        return self._count if self._state == _FILLING else 0

    @property
    def broken(self):
        return self._state == _BROKEN
