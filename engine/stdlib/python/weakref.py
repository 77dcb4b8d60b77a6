"""Weak references, and containers that hold their contents weakly.

The reference types come from the native _weakref module; the containers here drop an entry
as soon as the object it refers to is freed, through the reference's callback.
"""

from _weakref import (ref, proxy, getweakrefcount, getweakrefs,
                      ReferenceType, ProxyType, CallableProxyType)

ProxyTypes = (ProxyType, CallableProxyType)

__all__ = ["ref", "proxy", "getweakrefcount", "getweakrefs", "WeakKeyDictionary",
           "ReferenceType", "ProxyType", "CallableProxyType", "ProxyTypes",
           "WeakValueDictionary", "WeakSet", "WeakMethod", "finalize", "KeyedRef"]


class KeyedRef(ref):
    """A weak reference that also carries the key it is stored under."""

    __slots__ = ("key",)

    def __new__(cls, ob, callback, key):
        self = ref.__new__(cls, ob, callback)
        self.key = key
        return self

    def __init__(self, ob, callback, key):
        super().__init__(ob, callback)


class WeakMethod(ref):
    """A weak reference to a bound method that dies with its object or its function."""

    __slots__ = ("_func_ref", "_meth_type", "_alive", "__weakref__")

    def __new__(cls, meth, callback=None):
        try:
            obj = meth.__self__
            func = meth.__func__
        except AttributeError:
            raise TypeError("argument should be a bound method, not {}"
                            .format(type(meth))) from None

        def _cb(arg):
            self = self_wr()
            if self._alive:
                self._alive = False
                if callback is not None:
                    callback(self)
        self = ref.__new__(cls, obj, _cb)
        self._func_ref = ref(func, _cb)
        self._meth_type = type(meth)
        self._alive = True
        self_wr = ref(self)
        return self

    def __call__(self):
        obj = super().__call__()
        func = self._func_ref()
        if obj is None or func is None:
            return None
        return self._meth_type(func, obj)

    def __eq__(self, other):
        if isinstance(other, WeakMethod):
            if not self._alive or not other._alive:
                return self is other
            return ref.__eq__(self, other) and self._func_ref == other._func_ref
        return NotImplemented

    def __ne__(self, other):
        if isinstance(other, WeakMethod):
            if not self._alive or not other._alive:
                return self is not other
            return ref.__ne__(self, other) or self._func_ref != other._func_ref
        return NotImplemented

    __hash__ = ref.__hash__


def _dropper(container_ref):
    """The callback that removes a dead reference's entry from the container it lives in."""
    def remove(wr):
        container = container_ref()
        if container is not None:
            data = container._data
            if data.get(wr.key) is wr:
                del data[wr.key]
    return remove


class WeakValueDictionary:
    """A mapping whose values are held weakly: an entry disappears when its value is freed."""

    def __init__(self, other=(), /, **kw):
        self._data = {}
        self._remove = _dropper(ref(self))
        self.update(other, **kw)

    def __getitem__(self, key):
        o = self._data[key]()
        if o is None:
            raise KeyError(key)
        return o

    def __setitem__(self, key, value):
        self._data[key] = KeyedRef(value, self._remove, key)

    def __delitem__(self, key):
        del self._data[key]

    def __len__(self):
        return len(self._data)

    def __contains__(self, key):
        try:
            o = self._data[key]()
        except KeyError:
            return False
        return o is not None

    def __repr__(self):
        return "<%s at %#x>" % (self.__class__.__name__, id(self))

    def __iter__(self):
        for key, wr in list(self._data.items()):
            if wr() is not None:
                yield key

    keys = __iter__

    def items(self):
        for key, wr in list(self._data.items()):
            value = wr()
            if value is not None:
                yield key, value

    def values(self):
        for wr in list(self._data.values()):
            value = wr()
            if value is not None:
                yield value

    def itervaluerefs(self):
        yield from list(self._data.values())

    def valuerefs(self):
        return list(self._data.values())

    def get(self, key, default=None):
        try:
            wr = self._data[key]
        except KeyError:
            return default
        o = wr()
        return default if o is None else o

    def pop(self, key, *args):
        try:
            o = self._data.pop(key)()
        except KeyError:
            o = None
        if o is None:
            if args:
                return args[0]
            raise KeyError(key)
        return o

    def popitem(self):
        while True:
            key, wr = self._data.popitem()
            o = wr()
            if o is not None:
                return key, o

    def setdefault(self, key, default=None):
        try:
            o = self._data[key]()
        except KeyError:
            o = None
        if o is None:
            self[key] = default
            return default
        return o

    def update(self, other=None, /, **kwargs):
        if other is not None:
            if not hasattr(other, "items"):
                other = dict(other)
            for key, o in other.items():
                self[key] = o
        for key, o in kwargs.items():
            self[key] = o

    def copy(self):
        new = WeakValueDictionary()
        for key, wr in self._data.items():
            o = wr()
            if o is not None:
                new[key] = o
        return new

    __copy__ = copy

    def clear(self):
        self._data.clear()


class WeakKeyDictionary:
    """A mapping whose keys are held weakly: an entry disappears when its key is freed."""

    def __init__(self, dict=None):
        self._data = {}
        self_ref = ref(self)

        def remove(k):
            owner = self_ref()
            if owner is not None:
                owner._data.pop(k, None)
        self._remove = remove
        if dict is not None:
            self.update(dict)

    def __getitem__(self, key):
        return self._data[ref(key)]

    def __setitem__(self, key, value):
        self._data[ref(key, self._remove)] = value

    def __delitem__(self, key):
        del self._data[ref(key)]

    def __len__(self):
        return len(self._data)

    def __contains__(self, key):
        try:
            wr = ref(key)
        except TypeError:
            return False
        return wr in self._data

    def __repr__(self):
        return "<%s at %#x>" % (self.__class__.__name__, id(self))

    def __iter__(self):
        for wr in list(self._data):
            obj = wr()
            if obj is not None:
                yield obj

    keys = __iter__

    def items(self):
        for wr, value in list(self._data.items()):
            key = wr()
            if key is not None:
                yield key, value

    def values(self):
        for wr, value in list(self._data.items()):
            if wr() is not None:
                yield value

    def keyrefs(self):
        return list(self._data)

    def get(self, key, default=None):
        return self._data.get(ref(key), default)

    def pop(self, key, *args):
        return self._data.pop(ref(key), *args)

    def popitem(self):
        while True:
            wr, value = self._data.popitem()
            obj = wr()
            if obj is not None:
                return obj, value

    def setdefault(self, key, default=None):
        return self._data.setdefault(ref(key, self._remove), default)

    def update(self, dict=None, /, **kwargs):
        if dict is not None:
            if not hasattr(dict, "items"):
                dict = type({})(dict)
            for key, value in dict.items():
                self[key] = value
        if kwargs:
            self.update(kwargs)

    def copy(self):
        new = WeakKeyDictionary()
        for key, value in self.items():
            new[key] = value
        return new

    __copy__ = copy

    def clear(self):
        self._data.clear()


class WeakSet:
    """A set whose members are held weakly."""

    def __init__(self, data=None):
        self._data = set()
        self_ref = ref(self)

        def remove(item):
            owner = self_ref()
            if owner is not None:
                owner._data.discard(item)
        self._remove = remove
        if data is not None:
            self.update(data)

    def __iter__(self):
        for wr in list(self._data):
            item = wr()
            if item is not None:
                yield item

    def __len__(self):
        return len(self._data)

    def __contains__(self, item):
        try:
            wr = ref(item)
        except TypeError:
            return False
        return wr in self._data

    def __repr__(self):
        return "{}({!r})".format(type(self).__name__, set(self))

    def add(self, item):
        self._data.add(ref(item, self._remove))

    def discard(self, item):
        self._data.discard(ref(item))

    def remove(self, item):
        self._data.remove(ref(item))

    def pop(self):
        while True:
            wr = self._data.pop()
            item = wr()
            if item is not None:
                return item

    def clear(self):
        self._data.clear()

    def update(self, other):
        for item in other:
            self.add(item)

    def copy(self):
        return type(self)(self)


class finalize:
    """Calls func(*args, **kwargs) once, when obj is freed (or when called, whichever first)."""

    _registry = {}

    class _Info:
        __slots__ = ("weakref", "func", "args", "kwargs", "atexit", "index")

    _index = 0

    def __init__(self, obj, func, /, *args, **kwargs):
        info = self._Info()
        info.weakref = ref(obj, self)
        info.func = func
        info.args = args
        info.kwargs = kwargs or None
        info.atexit = True
        finalize._index += 1
        info.index = finalize._index
        self._registry[self] = info

    def __call__(self, _=None):
        info = self._registry.pop(self, None)
        if info:
            return info.func(*info.args, **(info.kwargs or {}))

    def detach(self):
        info = self._registry.get(self)
        obj = info and info.weakref()
        if obj is not None and self._registry.pop(self, None):
            return (obj, info.func, info.args, info.kwargs or {})

    def peek(self):
        info = self._registry.get(self)
        obj = info and info.weakref()
        if obj is not None:
            return (obj, info.func, info.args, info.kwargs or {})

    @property
    def alive(self):
        return self in self._registry

    @property
    def atexit(self):
        info = self._registry.get(self)
        return bool(info) and info.atexit

    @atexit.setter
    def atexit(self, value):
        info = self._registry.get(self)
        if info:
            info.atexit = bool(value)

    def __repr__(self):
        info = self._registry.get(self)
        obj = info and info.weakref()
        if obj is None:
            return "<%s object at %#x; dead>" % (type(self).__name__, id(self))
        return "<%s object at %#x; for %r at %#x>" % (
            type(self).__name__, id(self), type(obj).__name__, id(obj))
