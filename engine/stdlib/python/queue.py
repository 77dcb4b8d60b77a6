"""The exceptions of the queue module, which multiprocessing's queues raise.

The engine runs one thread per process (threads are not simulated), so the thread-safe queues of
CPython's queue module, whose blocking calls wait for another thread, are not provided.
"""

__all__ = ['Empty', 'Full']


class Empty(Exception):
    'Exception raised by Queue.get(block=0)/get_nowait().'
    pass


class Full(Exception):
    'Exception raised by Queue.put(block=0)/put_nowait().'
    pass
