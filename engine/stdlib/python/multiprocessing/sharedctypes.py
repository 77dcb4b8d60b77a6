"""ctypes objects in shared memory (CPython's multiprocessing/sharedctypes.py): RawValue and
RawArray live in an anonymous MAP_SHARED mapping, so a forked child and its parent read and
write the same C value; Value and Array wrap them with a lock by default."""

import ctypes
import mmap

from . import synchronize
from .synchronize import _inherited_only

__all__ = ['RawValue', 'RawArray', 'Value', 'Array', 'copy', 'synchronized']

typecode_to_type = {
    'c': ctypes.c_char, 'u': ctypes.c_wchar,
    'b': ctypes.c_byte, 'B': ctypes.c_ubyte,
    'h': ctypes.c_short, 'H': ctypes.c_ushort,
    'i': ctypes.c_int, 'I': ctypes.c_uint,
    'l': ctypes.c_long, 'L': ctypes.c_ulong,
    'q': ctypes.c_longlong, 'Q': ctypes.c_ulonglong,
    'f': ctypes.c_float, 'd': ctypes.c_double,
}


def _new_value(type_):
    # One shared anonymous mapping per object (CPython packs them into shared arenas); its
    # pages start zeroed, as a fresh object's memory must be.
    memory = mmap.mmap(-1, max(ctypes.sizeof(type_), 1))
    obj = type_.from_buffer(memory)
    obj._wrapper = memory
    return obj


def RawValue(typecode_or_type, *args):
    """A ctypes object in shared memory, with no lock."""
    type_ = typecode_to_type.get(typecode_or_type, typecode_or_type)
    obj = _new_value(type_)
    obj.__init__(*args)
    return obj


def RawArray(typecode_or_type, size_or_initializer):
    """A ctypes array in shared memory, with no lock: zeros of a given length, or the items
    of an initializer."""
    type_ = typecode_to_type.get(typecode_or_type, typecode_or_type)
    if isinstance(size_or_initializer, int):
        return _new_value(type_ * size_or_initializer)
    result = _new_value(type_ * len(size_or_initializer))
    result.__init__(*size_or_initializer)
    return result


def _lock_for(lock, ctx):
    if lock in (True, None):
        return synchronize.RLock(ctx=ctx)
    if not hasattr(lock, 'acquire'):
        raise AttributeError("%r has no method 'acquire'" % lock)
    return lock


def Value(typecode_or_type, *args, lock=True, ctx=None):
    """A synchronized shared ctypes object (a bare one with lock=False)."""
    obj = RawValue(typecode_or_type, *args)
    if lock is False:
        return obj
    return synchronized(obj, _lock_for(lock, ctx), ctx=ctx)


def Array(typecode_or_type, size_or_initializer, *, lock=True, ctx=None):
    """A synchronized shared ctypes array (a bare one with lock=False)."""
    obj = RawArray(typecode_or_type, size_or_initializer)
    if lock is False:
        return obj
    return synchronized(obj, _lock_for(lock, ctx), ctx=ctx)


def copy(obj):
    """A new shared object holding the same bytes."""
    new_obj = _new_value(type(obj))
    new_obj._b_buffer[:ctypes.sizeof(obj)] = obj._b_buffer[obj._b_offset:obj._b_offset + ctypes.sizeof(obj)]
    return new_obj


def synchronized(obj, lock=None, ctx=None):
    """The wrapper that takes `lock` around every access to obj."""
    assert not isinstance(obj, SynchronizedBase), 'object already synchronized'
    if isinstance(obj, ctypes._SimpleCData):
        return Synchronized(obj, lock, ctx)
    if isinstance(obj, ctypes.Array):
        if obj._type_ is ctypes.c_char:
            return SynchronizedString(obj, lock, ctx)
        return SynchronizedArray(obj, lock, ctx)
    raise TypeError('cannot synchronize %s objects' % type(obj).__name__)


def _locked_property(name):
    def get(self):
        self.acquire()
        try:
            return getattr(self._obj, name)
        finally:
            self.release()

    def set(self, value):
        self.acquire()
        try:
            setattr(self._obj, name, value)
        finally:
            self.release()

    return property(get, set)


class SynchronizedBase(object):

    def __init__(self, obj, lock=None, ctx=None):
        self._obj = obj
        self._lock = lock if lock else synchronize.RLock(ctx=ctx)
        self.acquire = self._lock.acquire
        self.release = self._lock.release

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *args):
        return self._lock.__exit__(*args)

    def __reduce__(self):
        _inherited_only(self)

    def get_obj(self):
        return self._obj

    def get_lock(self):
        return self._lock

    def __repr__(self):
        return '<%s wrapper for %s>' % (type(self).__name__, self._obj)


class Synchronized(SynchronizedBase):
    value = _locked_property('value')


class SynchronizedArray(SynchronizedBase):

    def __len__(self):
        return len(self._obj)

    def __getitem__(self, i):
        with self:
            return self._obj[i]

    def __setitem__(self, i, value):
        with self:
            self._obj[i] = value


class SynchronizedString(SynchronizedArray):
    value = _locked_property('value')
    raw = _locked_property('raw')
