"""Timing small pieces of code, on the simulated machine's virtual clock.

As in CPython, the statement is compiled into a function that runs it `number` times between
two readings of the timer, with the cycle collector off. The default timer is
time.perf_counter, which here is the virtual clock: every executed bytecode instruction costs
a fixed time (docs/clock.md), so the same statement gives the same timing on every machine,
and the differences between two statements are the differences in the instructions they run.
"""

import gc
import itertools
import sys
import time

__all__ = ['Timer', 'timeit', 'repeat', 'default_timer']

dummy_src_name = '<timeit-src>'
default_number = 1000000
default_repeat = 5
default_timer = time.perf_counter

_globals = globals


def _indented(source, spaces):
    return source.replace('\n', '\n' + ' ' * spaces)


class Timer:
    """Times `stmt` after running `setup` once; both are source strings or callables."""

    def __init__(self, stmt='pass', setup='pass', timer=default_timer, globals=None):
        self.timer = timer
        namespace = {}
        global_ns = _globals() if globals is None else globals
        arguments = ''
        if isinstance(setup, str):
            compile(setup, dummy_src_name, 'exec')
            setup_source = _indented(setup, 4)
        elif callable(setup):
            namespace['_setup'] = setup
            arguments += ', _setup=_setup'
            setup_source = '_setup()'
        else:
            raise ValueError('setup is neither a string nor callable')
        if isinstance(stmt, str):
            # The statement must compile on its own, and after the setup (which may define names).
            compile(setup + '\n' + stmt if isinstance(setup, str) else stmt, dummy_src_name, 'exec')
            stmt_source = _indented(stmt, 8)
        elif callable(stmt):
            namespace['_stmt'] = stmt
            arguments += ', _stmt=_stmt'
            stmt_source = '_stmt()'
        else:
            raise ValueError('stmt is neither a string nor callable')
        self.src = (
            f'def inner(_it, _timer{arguments}):\n'
            f'    {setup_source}\n'
            f'    _t0 = _timer()\n'
            f'    for _i in _it:\n'
            f'        {stmt_source}\n'
            f'        pass\n'
            f'    _t1 = _timer()\n'
            f'    return _t1 - _t0\n'
        )
        exec(compile(self.src, dummy_src_name, 'exec'), global_ns, namespace)
        self.inner = namespace['inner']

    def print_exc(self, file=None):
        """Prints the exception the timed code raised."""
        exc = sys.exc_info()[1]
        if exc is not None:
            print(f'{type(exc).__name__}: {exc}', file=sys.stderr if file is None else file)

    def timeit(self, number=default_number):
        """Seconds the statement took `number` times over."""
        it = itertools.repeat(None, number)
        collecting = gc.isenabled()
        gc.disable()
        try:
            return self.inner(it, self.timer)
        finally:
            if collecting:
                gc.enable()

    def repeat(self, repeat=default_repeat, number=default_number):
        """timeit(number), `repeat` times: a list of the timings."""
        return [self.timeit(number) for _ in range(repeat)]

    def autorange(self, callback=None):
        """Finds a number of loops (1, 2, 5, 10, 20, 50, ...) that takes at least 0.2 seconds;
        returns (number, time taken)."""
        scale = 1
        while True:
            for factor in (1, 2, 5):
                number = scale * factor
                elapsed = self.timeit(number)
                if callback:
                    callback(number, elapsed)
                if elapsed >= 0.2:
                    return number, elapsed
            scale *= 10


def timeit(stmt='pass', setup='pass', timer=default_timer, number=default_number, globals=None):
    """Timer(stmt, setup, timer, globals).timeit(number)"""
    return Timer(stmt, setup, timer, globals).timeit(number)


def repeat(stmt='pass', setup='pass', timer=default_timer, repeat=default_repeat, number=default_number, globals=None):
    """Timer(stmt, setup, timer, globals).repeat(repeat, number)"""
    return Timer(stmt, setup, timer, globals).repeat(repeat, number)
