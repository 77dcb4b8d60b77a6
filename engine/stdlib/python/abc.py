"""Abstract base classes: ABCMeta, ABC, abstractmethod and virtual subclass registration."""

from weakref import WeakSet


def abstractmethod(funcobj):
    """Mark a method abstract: a class that keeps it abstract cannot be instantiated."""
    funcobj.__isabstractmethod__ = True
    return funcobj


class abstractclassmethod(classmethod):
    __isabstractmethod__ = True

    def __init__(self, callable):
        callable.__isabstractmethod__ = True
        super().__init__(callable)


class abstractstaticmethod(staticmethod):
    __isabstractmethod__ = True

    def __init__(self, callable):
        callable.__isabstractmethod__ = True
        super().__init__(callable)


class abstractproperty(property):
    __isabstractmethod__ = True


# Bumped by every register() so that negative caches everywhere go stale at once.
_abc_invalidation_counter = 0


def get_cache_token():
    """A token that changes whenever any ABC's virtual subclasses change."""
    return _abc_invalidation_counter


class _abc_data:
    """One ABC's registry of virtual subclasses and its positive and negative caches."""
    __slots__ = ('registry', 'cache', 'negative_cache', 'negative_cache_version', '__weakref__')

    def __init__(self):
        self.registry = WeakSet()
        self.cache = WeakSet()
        self.negative_cache = WeakSet()
        self.negative_cache_version = _abc_invalidation_counter


def _abstract_names(cls, namespace, bases):
    abstracts = {name for name, value in namespace.items()
                 if getattr(value, '__isabstractmethod__', False)}
    for base in bases:
        for name in getattr(base, '__abstractmethods__', ()):
            value = getattr(cls, name, None)
            if getattr(value, '__isabstractmethod__', False):
                abstracts.add(name)
    return frozenset(abstracts)


class ABCMeta(type):
    """Metaclass for abstract base classes: tracks abstract methods and virtual subclasses."""

    def __new__(mcls, name, bases, namespace, /, **kwargs):
        cls = super().__new__(mcls, name, bases, namespace, **kwargs)
        cls.__abstractmethods__ = _abstract_names(cls, namespace, bases)
        cls._abc_impl = _abc_data()
        return cls

    def register(cls, subclass):
        """Register a virtual subclass of this ABC; returns the subclass, to serve as a decorator."""
        global _abc_invalidation_counter
        if not isinstance(subclass, type):
            raise TypeError('Can only register classes')
        if issubclass(subclass, cls):
            return subclass
        if issubclass(cls, subclass):
            raise RuntimeError('Refusing to create an inheritance cycle')
        cls._abc_impl.registry.add(subclass)
        _abc_invalidation_counter += 1
        return subclass

    def __instancecheck__(cls, instance):
        """Override for isinstance(instance, cls)."""
        impl = cls._abc_impl
        subclass = instance.__class__
        if subclass in impl.cache:
            return True
        subtype = type(instance)
        if subtype is subclass:
            if (impl.negative_cache_version == _abc_invalidation_counter and
                    subclass in impl.negative_cache):
                return False
            return cls.__subclasscheck__(subclass)
        return any(cls.__subclasscheck__(c) for c in (subclass, subtype))

    def __subclasscheck__(cls, subclass):
        """Override for issubclass(subclass, cls)."""
        if not isinstance(subclass, type):
            raise TypeError('issubclass() arg 1 must be a class')
        impl = cls._abc_impl
        if subclass in impl.cache:
            return True
        if impl.negative_cache_version < _abc_invalidation_counter:
            impl.negative_cache = WeakSet()
            impl.negative_cache_version = _abc_invalidation_counter
        elif subclass in impl.negative_cache:
            return False
        ok = cls.__subclasshook__(subclass)
        if ok is not NotImplemented:
            if not isinstance(ok, bool):
                raise AssertionError('__subclasshook__ must return either False, True, or NotImplemented')
            (impl.cache if ok else impl.negative_cache).add(subclass)
            return ok
        if cls in getattr(subclass, '__mro__', ()):
            impl.cache.add(subclass)
            return True
        for candidate in list(impl.registry) + cls.__subclasses__():
            if issubclass(subclass, candidate):
                impl.cache.add(subclass)
                return True
        impl.negative_cache.add(subclass)
        return False

    def _dump_registry(cls, file=None):
        """Print this ABC's registry and caches, for debugging."""
        impl = cls._abc_impl
        print(f'Class: {cls.__module__}.{cls.__qualname__}', file=file)
        print(f'Inv. counter: {get_cache_token()}', file=file)
        print(f'_abc_registry: {set(impl.registry)!r}', file=file)
        print(f'_abc_cache: {set(impl.cache)!r}', file=file)
        print(f'_abc_negative_cache: {set(impl.negative_cache)!r}', file=file)
        print(f'_abc_negative_cache_version: {impl.negative_cache_version!r}', file=file)

    def _abc_registry_clear(cls):
        """Forget every registered virtual subclass."""
        cls._abc_impl.registry = WeakSet()

    def _abc_caches_clear(cls):
        """Empty the positive and negative caches."""
        impl = cls._abc_impl
        impl.cache = WeakSet()
        impl.negative_cache = WeakSet()


def update_abstractmethods(cls):
    """Recompute cls.__abstractmethods__ after methods were added or replaced."""
    if not hasattr(cls, '__abstractmethods__'):
        return cls
    abstracts = set()
    for scls in cls.__bases__:
        for name in getattr(scls, '__abstractmethods__', ()):
            value = getattr(cls, name, None)
            if getattr(value, '__isabstractmethod__', False):
                abstracts.add(name)
    for name, value in cls.__dict__.items():
        if getattr(value, '__isabstractmethod__', False):
            abstracts.add(name)
    cls.__abstractmethods__ = frozenset(abstracts)
    return cls


class ABC(metaclass=ABCMeta):
    """Helper class that provides a standard way to create an ABC using
    inheritance.
    """
    __slots__ = ()
