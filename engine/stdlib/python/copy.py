"""Shallow and deep copying of Python objects (copy, deepcopy, Error)."""

import copyreg
import weakref


class Error(Exception):
    pass


error = Error

__all__ = ["Error", "copy", "deepcopy"]


def _function_types():
    def plain():
        pass
    return (type(plain), type(len), type(int.__add__), type(str.join),
            type(object.__init__), type(plain.__code__), type(property()))


# Values that copy and deepcopy hand back unchanged: immutable scalars,
# classes, functions and code have no state worth duplicating.
_ATOMIC = frozenset((
    type(None), type(Ellipsis), type(NotImplemented), int, float, bool,
    complex, bytes, str, range, type, weakref.ref,
) + _function_types())

# Containers whose shallow copy is a type call or their own .copy().
_SHALLOW_BY_COPY = frozenset((list, dict, set, bytearray))
_SHALLOW_AS_IS = frozenset((tuple, frozenset, slice))


def copy(x):
    """Return a shallow copy of x."""
    cls = type(x)
    if cls in _ATOMIC or cls in _SHALLOW_AS_IS:
        return x
    if cls in _SHALLOW_BY_COPY:
        return x.copy()
    if issubclass(cls, type):
        return x
    copier = getattr(cls, "__copy__", None)
    if copier is not None:
        return copier(x)
    rv = _reduce(x, cls)
    if isinstance(rv, str):
        return x
    return _reconstruct(x, None, *rv)


def _reduce(x, cls):
    reductor = copyreg.dispatch_table.get(cls)
    if reductor is not None:
        return reductor(x)
    reductor = getattr(x, "__reduce_ex__", None)
    if reductor is not None:
        return reductor(4)
    reductor = getattr(x, "__reduce__", None)
    if reductor is not None:
        return reductor()
    raise Error("un(deep)copyable object of type %s" % cls)


def deepcopy(x, memo=None, _nil=[]):
    """Return a deep copy of x; memo maps id() of copied objects to their copies."""
    if memo is None:
        memo = {}
    key = id(x)
    found = memo.get(key, _nil)
    if found is not _nil:
        return found
    cls = type(x)
    copier = _DEEP_DISPATCH.get(cls)
    if copier is not None:
        y = copier(x, memo)
    elif cls in _ATOMIC or issubclass(cls, type):
        y = x
    else:
        custom = getattr(x, "__deepcopy__", None)
        if custom is not None:
            y = custom(memo)
        else:
            rv = _reduce(x, cls)
            if isinstance(rv, str):
                y = x
            else:
                y = _reconstruct(x, memo, *rv)
    if y is not x:
        memo[key] = y
        _keep_alive(x, memo)
    return y


def _keep_alive(x, memo):
    # The originals must outlive the copy so their id()s in memo stay unique.
    try:
        memo[id(memo)].append(x)
    except KeyError:
        memo[id(memo)] = [x]


def _deepcopy_list(x, memo):
    y = []
    memo[id(x)] = y
    for item in x:
        y.append(deepcopy(item, memo))
    return y


def _deepcopy_tuple(x, memo):
    y = [deepcopy(item, memo) for item in x]
    # The tuple may have been copied while copying its own items (a cycle through a list).
    try:
        return memo[id(x)]
    except KeyError:
        pass
    for old, new in zip(x, y):
        if old is not new:
            return tuple(y)
    return x


def _deepcopy_dict(x, memo):
    y = {}
    memo[id(x)] = y
    for key, value in x.items():
        y[deepcopy(key, memo)] = deepcopy(value, memo)
    return y


def _deepcopy_method(x, memo):
    return x.__func__.__get__(deepcopy(x.__self__, memo))


# A function bound to an object gives the method type without a throwaway class, whose cycles
# would be garbage for the user's first gc.collect() (CPython's copy module leaves none).
_DEEP_DISPATCH = {
    list: _deepcopy_list,
    tuple: _deepcopy_tuple,
    dict: _deepcopy_dict,
    type(_deepcopy_method.__get__(0)): _deepcopy_method,
}


def _reconstruct(x, memo, func, args, state=None, listiter=None, dictiter=None,
                 *, deepcopy=deepcopy):
    deep = memo is not None
    if deep and args:
        args = deepcopy(args, memo)
    y = func(*args)
    if deep:
        memo[id(x)] = y
    if state is not None:
        if deep:
            state = deepcopy(state, memo)
        setstate = getattr(y, "__setstate__", None)
        if setstate is not None:
            setstate(state)
        else:
            slotstate = None
            if isinstance(state, tuple) and len(state) == 2:
                state, slotstate = state
            if state:
                y.__dict__.update(state)
            if slotstate:
                for name, value in slotstate.items():
                    setattr(y, name, value)
    if listiter is not None:
        for item in listiter:
            y.append(deepcopy(item, memo) if deep else item)
    if dictiter is not None:
        for key, value in dictiter:
            if deep:
                key = deepcopy(key, memo)
                value = deepcopy(value, memo)
            y[key] = value
    return y


del _function_types
