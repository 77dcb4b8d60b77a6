// functools, written in Python for this engine: reduce, partial, update_wrapper/wraps,
// total_ordering, cmp_to_key, lru_cache/cache with CPython's cache_info, cached_property.
import type { SourceModuleDef } from './moduledef.js';

export const functoolsSource: SourceModuleDef = {
  name: 'functools',
  source: String.raw`"""functools: tools for working with functions and callable objects."""
from collections import namedtuple
from types import GenericAlias, MappingProxyType

__all__ = ['update_wrapper', 'wraps', 'WRAPPER_ASSIGNMENTS', 'WRAPPER_UPDATES',
           'total_ordering', 'cache', 'cmp_to_key', 'lru_cache', 'reduce',
           'partial', 'cached_property', 'singledispatch', 'singledispatchmethod']

WRAPPER_ASSIGNMENTS = ('__module__', '__name__', '__qualname__', '__doc__', '__annotations__')
WRAPPER_UPDATES = ('__dict__',)


def update_wrapper(wrapper, wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    """Update a wrapper function to look like the wrapped function."""
    for attr in assigned:
        try:
            value = getattr(wrapped, attr)
        except AttributeError:
            pass
        else:
            setattr(wrapper, attr, value)
    for attr in updated:
        getattr(wrapper, attr).update(getattr(wrapped, attr, {}))
    wrapper.__wrapped__ = wrapped
    return wrapper


def wraps(wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    """Decorator factory to apply update_wrapper() to a wrapper function."""
    return partial(update_wrapper, wrapped=wrapped, assigned=assigned, updated=updated)


def _derived(root, negate, tie):
    """An ordering method computed from the root one: optionally negated, then combined
    with equality ('ne': and not equal, 'eq': or equal)."""
    def method(self, other):
        op_result = getattr(type(self), root)(self, other)
        if op_result is NotImplemented:
            return op_result
        if negate:
            op_result = not op_result
        if tie == 'ne':
            return op_result and self != other
        if tie == 'eq':
            return op_result or self == other
        return op_result
    return method

_convert = {
    '__lt__': [('__gt__', _derived('__lt__', True, 'ne')), ('__le__', _derived('__lt__', False, 'eq')),
               ('__ge__', _derived('__lt__', True, None))],
    '__le__': [('__ge__', _derived('__le__', True, 'eq')), ('__lt__', _derived('__le__', False, 'ne')),
               ('__gt__', _derived('__le__', True, None))],
    '__gt__': [('__lt__', _derived('__gt__', True, 'ne')), ('__ge__', _derived('__gt__', False, 'eq')),
               ('__le__', _derived('__gt__', True, None))],
    '__ge__': [('__le__', _derived('__ge__', True, 'eq')), ('__gt__', _derived('__ge__', False, 'ne')),
               ('__lt__', _derived('__ge__', True, None))],
}


def total_ordering(cls):
    """Class decorator that fills in missing ordering methods"""
    roots = {op for op in _convert if getattr(cls, op, None) is not getattr(object, op, None)}
    if not roots:
        raise ValueError('must define at least one ordering operation: < > <= >=')
    root = max(roots)
    for opname, opfunc in _convert[root]:
        if opname not in roots:
            opfunc.__name__ = opname
            setattr(cls, opname, opfunc)
    return cls


def cmp_to_key(mycmp):
    """Convert a cmp= function into a key= function"""
    class K(object):
        __slots__ = ['obj']
        def __init__(self, obj):
            self.obj = obj
        def __lt__(self, other):
            return mycmp(self.obj, other.obj) < 0
        def __gt__(self, other):
            return mycmp(self.obj, other.obj) > 0
        def __eq__(self, other):
            return mycmp(self.obj, other.obj) == 0
        def __le__(self, other):
            return mycmp(self.obj, other.obj) <= 0
        def __ge__(self, other):
            return mycmp(self.obj, other.obj) >= 0
        __hash__ = None
    return K


_initial_missing = object()

def reduce(function, sequence, initial=_initial_missing):
    """reduce(function, iterable[, initial]) -> value"""
    it = iter(sequence)
    if initial is _initial_missing:
        try:
            value = next(it)
        except StopIteration:
            raise TypeError("reduce() of empty iterable with no initial value") from None
    else:
        value = initial
    for element in it:
        value = function(value, element)
    return value


class partial:
    """New function with partial application of the given arguments and keywords."""

    __slots__ = "func", "args", "keywords", "__dict__", "__weakref__"

    def __new__(cls, func, /, *args, **keywords):
        if not callable(func):
            raise TypeError("the first argument must be callable")
        if hasattr(func, "func") and isinstance(func, partial):
            args = func.args + args
            keywords = {**func.keywords, **keywords}
            func = func.func
        self = super(partial, cls).__new__(cls)
        self.func = func
        self.args = args
        self.keywords = keywords
        return self

    def __call__(self, /, *args, **keywords):
        keywords = {**self.keywords, **keywords}
        return self.func(*self.args, *args, **keywords)

    def __repr__(self):
        qualname = type(self).__qualname__
        args = [repr(self.func)]
        args.extend(repr(x) for x in self.args)
        args.extend(f"{k}={v!r}" for (k, v) in self.keywords.items())
        if type(self).__module__ == "functools":
            return f"functools.{qualname}({', '.join(args)})"
        return f"{qualname}({', '.join(args)})"

    def __reduce__(self):
        return type(self), (self.func,), (self.func, self.args,
               self.keywords or None, self.__dict__ or None)

    def __setstate__(self, state):
        if not isinstance(state, tuple):
            raise TypeError("argument to __setstate__ must be a tuple")
        if len(state) != 4:
            raise TypeError(f"expected 4 items in state, got {len(state)}")
        func, args, kwds, namespace = state
        if (not callable(func) or not isinstance(args, tuple) or
           (kwds is not None and not isinstance(kwds, dict)) or
           (namespace is not None and not isinstance(namespace, dict))):
            raise TypeError("invalid partial state")
        self.func = func
        self.args = tuple(args) if type(args) is not tuple else args
        self.keywords = {} if kwds is None else (dict(kwds) if type(kwds) is not dict else kwds)
        self.__dict__.clear()
        if namespace is not None:
            self.__dict__.update(namespace)


_CacheInfo = namedtuple("CacheInfo", ["hits", "misses", "maxsize", "currsize"])


class _HashedSeq(list):
    __slots__ = 'hashvalue'

    def __init__(self, tup, hash=hash):
        self[:] = tup
        self.hashvalue = hash(tup)

    def __hash__(self):
        return self.hashvalue


def _make_key(args, kwds, typed, kwd_mark=(object(),), fasttypes=(int, str)):
    key = args
    if kwds:
        key += kwd_mark
        for item in kwds.items():
            key += item
    if typed:
        key += tuple(type(v) for v in args)
        if kwds:
            key += tuple(type(v) for v in kwds.values())
    elif len(key) == 1 and type(key[0]) in fasttypes:
        return key[0]
    return _HashedSeq(key)


def lru_cache(maxsize=128, typed=False):
    """Least-recently-used cache decorator."""
    if isinstance(maxsize, int):
        if maxsize < 0:
            maxsize = 0
    elif callable(maxsize) and isinstance(typed, bool):
        user_function, maxsize = maxsize, 128
        wrapper = _lru_cache_wrapper(user_function, maxsize, typed)
        wrapper.cache_parameters = lambda: {'maxsize': maxsize, 'typed': typed}
        return update_wrapper(wrapper, user_function)
    elif maxsize is not None:
        raise TypeError('Expected first argument to be an integer, a callable, or None')

    def decorating_function(user_function):
        wrapper = _lru_cache_wrapper(user_function, maxsize, typed)
        wrapper.cache_parameters = lambda: {'maxsize': maxsize, 'typed': typed}
        return update_wrapper(wrapper, user_function)

    return decorating_function


def _lru_cache_wrapper(user_function, maxsize, typed):
    sentinel = object()
    cache = {}
    stats = [0, 0]

    if maxsize == 0:
        def wrapper(*args, **kwds):
            stats[1] += 1
            return user_function(*args, **kwds)
    else:
        def wrapper(*args, **kwds):
            key = _make_key(args, kwds, typed)
            result = cache.get(key, sentinel)
            if result is not sentinel:
                stats[0] += 1
                if maxsize is not None:
                    del cache[key]
                    cache[key] = result
                return result
            stats[1] += 1
            result = user_function(*args, **kwds)
            if key in cache:
                return result
            if maxsize is not None and len(cache) >= maxsize:
                del cache[next(iter(cache))]
            cache[key] = result
            return result

    def cache_info():
        """Report cache statistics"""
        return _CacheInfo(stats[0], stats[1], maxsize, len(cache))

    def cache_clear():
        """Clear the cache and cache statistics"""
        cache.clear()
        stats[0] = stats[1] = 0

    wrapper.cache_info = cache_info
    wrapper.cache_clear = cache_clear
    return wrapper


def cache(user_function, /):
    'Simple lightweight unbounded cache.  Sometimes called "memoize".'
    return lru_cache(maxsize=None)(user_function)


_NOT_FOUND = object()


class cached_property:
    def __init__(self, func):
        self.func = func
        self.attrname = None
        self.__doc__ = func.__doc__

    def __set_name__(self, owner, name):
        if self.attrname is None:
            self.attrname = name
        elif name != self.attrname:
            raise TypeError(
                "Cannot assign the same cached_property to two different names "
                f"({self.attrname!r} and {name!r})."
            )

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        if self.attrname is None:
            raise TypeError(
                "Cannot use cached_property instance without calling __set_name__ on it.")
        cache = instance.__dict__
        val = cache.get(self.attrname, _NOT_FOUND)
        if val is _NOT_FOUND:
            val = self.func(instance)
            cache[self.attrname] = val
        return val


################################################################################
### singledispatch
################################################################################

def _c3_merge(sequences):
    """C3 linearisation: repeatedly take the first head that is in no other list's tail."""
    result = []
    sequences = [list(s) for s in sequences if s]
    while sequences:
        for seq in sequences:
            head = seq[0]
            if not any(head in other[1:] for other in sequences):
                break
        else:
            raise RuntimeError("Inconsistent hierarchy")
        result.append(head)
        for seq in sequences:
            if seq[0] is head:
                del seq[0]
        sequences = [s for s in sequences if s]
    return result


def _c3_mro(cls, abcs=None):
    """cls's MRO with the ABCs it is a virtual subclass of put where they belong: an ABC
    comes after the last explicitly inherited abstract base and before the bases that
    follow it, each one in front of the classes that implement it."""
    bases = cls.__bases__
    boundary = 0
    for index in range(len(bases) - 1, -1, -1):
        if hasattr(bases[index], '__abstractmethods__'):
            boundary = index + 1
            break
    remaining = list(abcs) if abcs else []
    explicit = list(bases[:boundary])
    others = list(bases[boundary:])
    implied = [abc for abc in remaining
               if issubclass(cls, abc) and not any(issubclass(b, abc) for b in bases)]
    remaining = [abc for abc in remaining if abc not in implied]
    return _c3_merge(
        [[cls]]
        + [_c3_mro(b, remaining) for b in explicit]
        + [_c3_mro(b, remaining) for b in implied]
        + [_c3_mro(b, remaining) for b in others]
        + [explicit, implied, others])


def _compose_mro(cls, types):
    """The MRO of cls extended by those registered types it only relates to through ABCs."""
    own = set(cls.__mro__)
    related = [t for t in types
               if t not in own and hasattr(t, '__mro__')
               and not isinstance(t, GenericAlias) and issubclass(cls, t)]
    # A type that is a base of another candidate comes in through that candidate's MRO.
    related = [t for t in related
               if not any(t != other and t in other.__mro__ for other in related)]
    chosen = set(related)
    ordered = []
    for t in related:
        paths = [[s for s in sub.__mro__ if s in chosen]
                 for sub in t.__subclasses__()
                 if sub not in own and issubclass(cls, sub)]
        if not paths:
            ordered.append(t)
            continue
        paths.sort(key=len, reverse=True)
        for path in paths:
            for s in path:
                if s not in ordered:
                    ordered.append(s)
    return _c3_mro(cls, abcs=ordered)


def _find_impl(cls, registry):
    """The implementation registered for the nearest type on cls's composed MRO; two
    candidates that no inheritance orders make the dispatch ambiguous."""
    match = None
    for t in _compose_mro(cls, registry.keys()):
        if match is not None:
            if (t in registry and t not in cls.__mro__
                    and match not in cls.__mro__ and not issubclass(match, t)):
                raise RuntimeError("Ambiguous dispatch: {} or {}".format(match, t))
            break
        if t in registry:
            match = t
    return registry.get(match)


def _is_union_type(cls):
    from typing import get_origin, Union
    return get_origin(cls) is Union


def _is_valid_dispatch_type(cls):
    if isinstance(cls, type):
        return True
    from typing import get_args
    return _is_union_type(cls) and all(isinstance(arg, type) for arg in get_args(cls))


def singledispatch(func):
    """Single-dispatch generic function decorator: calls go to the implementation
    registered for the type of the first argument, found along its MRO (ABCs included)."""
    import weakref
    from abc import get_cache_token

    registry = {}
    dispatch_cache = weakref.WeakKeyDictionary()
    cache_token = None

    def dispatch(cls):
        """generic_func.dispatch(cls) -> <function implementation>

        The implementation the generic function chooses for the type cls.
        """
        nonlocal cache_token
        if cache_token is not None:
            current = get_cache_token()
            if cache_token != current:
                dispatch_cache.clear()
                cache_token = current
        try:
            impl = dispatch_cache[cls]
        except KeyError:
            try:
                impl = registry[cls]
            except KeyError:
                impl = _find_impl(cls, registry)
            dispatch_cache[cls] = impl
        return impl

    def register(cls, func=None):
        """generic_func.register(cls, func) -> func

        Registers func as the implementation for the type cls.
        """
        nonlocal cache_token
        if _is_valid_dispatch_type(cls):
            if func is None:
                return lambda f: register(cls, f)
        else:
            if func is not None:
                raise TypeError(
                    f"Invalid first argument to ${'`'}register()${'`'}. "
                    f"{cls!r} is not a class or union type."
                )
            ann = getattr(cls, '__annotations__', {})
            if not ann:
                raise TypeError(
                    f"Invalid first argument to ${'`'}register()${'`'}: {cls!r}. "
                    f"Use either ${'`'}@register(some_class)${'`'} or plain ${'`'}@register${'`'} "
                    f"on an annotated function."
                )
            func = cls
            from typing import get_type_hints
            argname, cls = next(iter(get_type_hints(func).items()))
            if not _is_valid_dispatch_type(cls):
                if _is_union_type(cls):
                    raise TypeError(
                        f"Invalid annotation for {argname!r}. "
                        f"{cls!r} not all arguments are classes."
                    )
                raise TypeError(
                    f"Invalid annotation for {argname!r}. "
                    f"{cls!r} is not a class."
                )
        if _is_union_type(cls):
            from typing import get_args
            for arg in get_args(cls):
                registry[arg] = func
        else:
            registry[cls] = func
        if cache_token is None and hasattr(cls, '__abstractmethods__'):
            cache_token = get_cache_token()
        dispatch_cache.clear()
        return func

    def wrapper(*args, **kw):
        if not args:
            raise TypeError(f'{funcname} requires at least '
                            '1 positional argument')
        return dispatch(args[0].__class__)(*args, **kw)

    funcname = getattr(func, '__name__', 'singledispatch function')
    registry[object] = func
    wrapper.register = register
    wrapper.dispatch = dispatch
    wrapper.registry = MappingProxyType(registry)
    wrapper._clear_cache = dispatch_cache.clear
    update_wrapper(wrapper, func)
    return wrapper


class singledispatchmethod:
    """Single-dispatch generic method descriptor: dispatches on the type of the first
    argument after self (or cls)."""

    def __init__(self, func):
        if not callable(func) and not hasattr(func, "__get__"):
            raise TypeError(f"{func!r} is not callable or a descriptor")
        self.dispatcher = singledispatch(func)
        self.func = func

    def register(self, cls, method=None):
        """generic_method.register(cls, func) -> func

        Registers func as the implementation for the type cls.
        """
        return self.dispatcher.register(cls, func=method)

    def __get__(self, obj, cls=None):
        def _method(*args, **kwargs):
            method = self.dispatcher.dispatch(args[0].__class__)
            return method.__get__(obj, cls)(*args, **kwargs)

        _method.__isabstractmethod__ = self.__isabstractmethod__
        _method.register = self.register
        update_wrapper(_method, self.func)
        return _method

    @property
    def __isabstractmethod__(self):
        return getattr(self.func, '__isabstractmethod__', False)
`,
};
