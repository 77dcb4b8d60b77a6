"""Utilities for with-statement contexts: contextmanager, suppress, closing, ExitStack, ..."""

import sys
from abc import ABCMeta, abstractmethod
from collections import deque
from functools import wraps

__all__ = ['asynccontextmanager', 'contextmanager', 'closing', 'nullcontext',
           'AbstractContextManager', 'AbstractAsyncContextManager', 'AsyncExitStack',
           'ContextDecorator', 'ExitStack', 'redirect_stdout', 'redirect_stderr',
           'suppress', 'aclosing']


def _has_methods(C, *names):
    # A class provides a protocol when each name is found, and not set to None, along its MRO.
    mro = C.__mro__
    for name in names:
        for klass in mro:
            if name in klass.__dict__:
                if klass.__dict__[name] is None:
                    return NotImplemented
                break
        else:
            return NotImplemented
    return True


class AbstractContextManager(metaclass=ABCMeta):
    """An abstract base class for context managers."""

    __class_getitem__ = classmethod(lambda cls, item: cls)

    def __enter__(self):
        """Return `self` upon entering the runtime context."""
        return self

    @abstractmethod
    def __exit__(self, exc_type, exc_value, traceback):
        """Raise any exception triggered within the runtime context."""
        return None

    @classmethod
    def __subclasshook__(cls, C):
        if cls is AbstractContextManager:
            return _has_methods(C, '__enter__', '__exit__')
        return NotImplemented


class AbstractAsyncContextManager(metaclass=ABCMeta):
    """An abstract base class for asynchronous context managers."""

    async def __aenter__(self):
        """Return `self` upon entering the runtime context."""
        return self

    @abstractmethod
    async def __aexit__(self, exc_type, exc_value, traceback):
        """Raise any exception triggered within the runtime context."""
        return None

    @classmethod
    def __subclasshook__(cls, C):
        if cls is AbstractAsyncContextManager:
            return _has_methods(C, '__aenter__', '__aexit__')
        return NotImplemented


class ContextDecorator:
    """A base class that lets a context manager also be used as a decorator."""

    def _recreate_cm(self):
        # A context manager that can be entered again serves every call itself.
        return self

    def __call__(self, func):
        @wraps(func)
        def inner(*args, **kwds):
            with self._recreate_cm():
                return func(*args, **kwds)
        return inner


class AsyncContextDecorator:
    """A base class that lets an async context manager also decorate coroutine functions."""

    _recreate_cm = ContextDecorator._recreate_cm

    def __call__(self, func):
        @wraps(func)
        async def inner(*args, **kwds):
            async with self._recreate_cm():
                return await func(*args, **kwds)
        return inner


class _GeneratorContextManagerBase:
    """Shared set-up of the context managers made by (async)contextmanager."""

    def __init__(self, func, args, kwds):
        self.gen = func(*args, **kwds)
        self.func, self.args, self.kwds = func, args, kwds
        doc = getattr(func, '__doc__', None)
        if doc is None:
            doc = type(self).__doc__
        self.__doc__ = doc

    def _recreate_cm(self):
        # A decorated function must get a fresh generator at every call.
        return self.__class__(self.func, self.args, self.kwds)


def _outcome_of_throw(exc, value, traceback, stop_type, converted_types):
    """What __exit__ returns once the generator, thrown `value`, raised `exc` instead."""
    if isinstance(exc, stop_type):
        # The generator swallowed the exception, unless this stop is the exception itself.
        return exc is not value
    if exc is value:
        exc.__traceback__ = traceback
        return False
    if (isinstance(exc, RuntimeError) and isinstance(value, converted_types)
            and exc.__cause__ is value):
        # The generator machinery turned a stop escaping the generator into RuntimeError.
        value.__traceback__ = traceback
        return False
    raise exc


class _GeneratorContextManager(_GeneratorContextManagerBase, AbstractContextManager,
                               ContextDecorator):
    """Helper for @contextmanager decorator."""

    def __enter__(self):
        del self.args, self.kwds, self.func
        try:
            return next(self.gen)
        except StopIteration:
            raise RuntimeError("generator didn't yield") from None

    def __exit__(self, typ, value, traceback):
        if typ is None:
            try:
                next(self.gen)
            except StopIteration:
                return False
            else:
                raise RuntimeError("generator didn't stop")
        if value is None:
            value = typ()
        try:
            self.gen.throw(typ, value, traceback)
        except BaseException as exc:
            return _outcome_of_throw(exc, value, traceback, StopIteration, StopIteration)
        raise RuntimeError("generator didn't stop after throw()")


class _AsyncGeneratorContextManager(_GeneratorContextManagerBase, AbstractAsyncContextManager,
                                    AsyncContextDecorator):
    """Helper for @asynccontextmanager decorator."""

    async def __aenter__(self):
        del self.args, self.kwds, self.func
        try:
            return await anext(self.gen)
        except StopAsyncIteration:
            raise RuntimeError("generator didn't yield") from None

    async def __aexit__(self, typ, value, traceback):
        if typ is None:
            try:
                await anext(self.gen)
            except StopAsyncIteration:
                return False
            else:
                raise RuntimeError("generator didn't stop")
        if value is None:
            value = typ()
        try:
            await self.gen.athrow(typ, value, traceback)
        except BaseException as exc:
            return _outcome_of_throw(exc, value, traceback, StopAsyncIteration,
                                     (StopIteration, StopAsyncIteration))
        raise RuntimeError("generator didn't stop after athrow()")


def contextmanager(func):
    """Turn a generator function that yields once into a context manager factory."""
    @wraps(func)
    def helper(*args, **kwds):
        return _GeneratorContextManager(func, args, kwds)
    return helper


def asynccontextmanager(func):
    """Turn an async generator function that yields once into an async context manager factory."""
    @wraps(func)
    def helper(*args, **kwds):
        return _AsyncGeneratorContextManager(func, args, kwds)
    return helper


class closing(AbstractContextManager):
    """Context to automatically close something at the end of a block."""

    def __init__(self, thing):
        self.thing = thing

    def __enter__(self):
        return self.thing

    def __exit__(self, *exc_info):
        self.thing.close()


class aclosing(AbstractAsyncContextManager):
    """Async context manager that awaits aclose() of something at the end of a block."""

    def __init__(self, thing):
        self.thing = thing

    async def __aenter__(self):
        return self.thing

    async def __aexit__(self, *exc_info):
        await self.thing.aclose()


class _RedirectStream(AbstractContextManager):

    _stream = None

    def __init__(self, new_target):
        self._new_target = new_target
        self._old_targets = []

    def __enter__(self):
        self._old_targets.append(getattr(sys, self._stream))
        setattr(sys, self._stream, self._new_target)
        return self._new_target

    def __exit__(self, exctype, excinst, exctb):
        setattr(sys, self._stream, self._old_targets.pop())


class redirect_stdout(_RedirectStream):
    """Context manager for temporarily redirecting stdout to another file."""

    _stream = 'stdout'


class redirect_stderr(_RedirectStream):
    """Context manager for temporarily redirecting stderr to another file."""

    _stream = 'stderr'


class suppress(AbstractContextManager):
    """Context manager to suppress specified exceptions."""

    def __init__(self, *exceptions):
        self._exceptions = exceptions

    def __enter__(self):
        pass

    def __exit__(self, exctype, excinst, exctb):
        return exctype is not None and issubclass(exctype, self._exceptions)


def _missing_protocol(cm, kind):
    cls = type(cm)
    return TypeError(f"'{cls.__module__}.{cls.__qualname__}' object does not support the "
                     f"{kind} protocol")


class _BaseExitStack:
    """The callback stack shared by ExitStack and AsyncExitStack."""

    @staticmethod
    def _create_exit_wrapper(cm, cm_exit):
        return cm_exit.__get__(cm, type(cm))

    @staticmethod
    def _create_cb_wrapper(callback, /, *args, **kwds):
        def _exit_wrapper(exc_type, exc, tb):
            callback(*args, **kwds)
        return _exit_wrapper

    def __init__(self):
        self._exit_callbacks = deque()

    def pop_all(self):
        """Move the callbacks to a new stack, which is returned; this one is left empty."""
        new_stack = type(self)()
        new_stack._exit_callbacks = self._exit_callbacks
        self._exit_callbacks = deque()
        return new_stack

    def push(self, exit):
        """Register an __exit__-like callable (or a context manager's __exit__)."""
        _cb_type = type(exit)
        try:
            exit_method = _cb_type.__exit__
        except AttributeError:
            self._push_exit_callback(exit)
        else:
            self._push_cm_exit(exit, exit_method)
        return exit

    def enter_context(self, cm):
        """Enter a context manager and push its __exit__; returns what __enter__ returned."""
        cls = type(cm)
        try:
            _enter = cls.__enter__
            _exit = cls.__exit__
        except AttributeError:
            raise _missing_protocol(cm, 'context manager') from None
        result = _enter(cm)
        self._push_cm_exit(cm, _exit)
        return result

    def callback(self, callback, /, *args, **kwds):
        """Register a plain callback, called with the given arguments and no exception details."""
        _exit_wrapper = self._create_cb_wrapper(callback, *args, **kwds)
        _exit_wrapper.__wrapped__ = callback
        self._push_exit_callback(_exit_wrapper)
        return callback

    def _push_cm_exit(self, cm, cm_exit):
        self._push_exit_callback(self._create_exit_wrapper(cm, cm_exit), True)

    def _push_exit_callback(self, callback, is_sync=True):
        self._exit_callbacks.append((is_sync, callback))


def _fix_exception_context(new_exc, old_exc, frame_exc):
    # The exception raised by an exit callback gets the previous one as its context,
    # stopping at the exception that was current when the stack was entered.
    while 1:
        exc_context = new_exc.__context__
        if exc_context is None or exc_context is old_exc:
            return
        if exc_context is frame_exc:
            break
        new_exc = exc_context
    new_exc.__context__ = old_exc


class _Unwinding:
    """One unwinding of an exit stack: the exception still pending and whether any was suppressed."""

    def __init__(self, exc_details):
        self.received = exc_details[0] is not None
        self.frame_exc = sys.exc_info()[1]
        self.exc_details = exc_details
        self.suppressed = False
        self.pending_raise = False

    def returned(self, suppress):
        if suppress:
            self.suppressed = True
            self.pending_raise = False
            self.exc_details = (None, None, None)

    def raised(self):
        new_exc_details = sys.exc_info()
        _fix_exception_context(new_exc_details[1], self.exc_details[1], self.frame_exc)
        self.pending_raise = True
        self.exc_details = new_exc_details

    def finish(self):
        if self.pending_raise:
            exc = self.exc_details[1]
            # Raising again sets __context__ to the exception being handled; keep the fixed one.
            fixed_ctx = exc.__context__
            try:
                raise exc
            except BaseException:
                exc.__context__ = fixed_ctx
                raise
        return self.received and self.suppressed


class ExitStack(_BaseExitStack, AbstractContextManager):
    """Context manager for dynamic management of a stack of exit callbacks."""

    def __enter__(self):
        return self

    def __exit__(self, *exc_details):
        unwind = _Unwinding(exc_details)
        while self._exit_callbacks:
            is_sync, cb = self._exit_callbacks.pop()
            assert is_sync
            try:
                unwind.returned(cb(*unwind.exc_details))
            except:
                unwind.raised()
        return unwind.finish()

    def close(self):
        """Immediately unwind the context stack."""
        self.__exit__(None, None, None)


class AsyncExitStack(_BaseExitStack, AbstractAsyncContextManager):
    """Async context manager for dynamic management of a stack of exit callbacks."""

    @staticmethod
    def _create_async_cb_wrapper(callback, /, *args, **kwds):
        async def _exit_wrapper(exc_type, exc, tb):
            await callback(*args, **kwds)
        return _exit_wrapper

    async def enter_async_context(self, cm):
        """Enter an async context manager and push its __aexit__."""
        cls = type(cm)
        try:
            _enter = cls.__aenter__
            _exit = cls.__aexit__
        except AttributeError:
            raise _missing_protocol(cm, 'asynchronous context manager') from None
        result = await _enter(cm)
        self._push_exit_callback(self._create_exit_wrapper(cm, _exit), False)
        return result

    def push_async_exit(self, exit):
        """Register an __aexit__-like coroutine function."""
        _cb_type = type(exit)
        try:
            exit_method = _cb_type.__aexit__
        except AttributeError:
            self._push_exit_callback(exit, False)
        else:
            self._push_exit_callback(self._create_exit_wrapper(exit, exit_method), False)
        return exit

    def push_async_callback(self, callback, /, *args, **kwds):
        """Register an async callback, awaited with the given arguments."""
        _exit_wrapper = self._create_async_cb_wrapper(callback, *args, **kwds)
        _exit_wrapper.__wrapped__ = callback
        self._push_exit_callback(_exit_wrapper, False)
        return callback

    async def aclose(self):
        """Immediately unwind the context stack."""
        await self.__aexit__(None, None, None)

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc_details):
        unwind = _Unwinding(exc_details)
        while self._exit_callbacks:
            is_sync, cb = self._exit_callbacks.pop()
            try:
                result = cb(*unwind.exc_details)
                unwind.returned(result if is_sync else await result)
            except:
                unwind.raised()
        return unwind.finish()


class nullcontext(AbstractContextManager, AbstractAsyncContextManager):
    """Context manager that does nothing and returns enter_result from __enter__."""

    def __init__(self, enter_result=None):
        self.enter_result = enter_result

    def __enter__(self):
        return self.enter_result

    def __exit__(self, *excinfo):
        pass

    async def __aenter__(self):
        return self.enter_result

    async def __aexit__(self, *excinfo):
        pass
