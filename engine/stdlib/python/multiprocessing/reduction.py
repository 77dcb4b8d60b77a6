"""How objects travel between processes (CPython's multiprocessing/reduction.py): pickled, with
reducers a module can register for its own types."""

import copyreg
import io
import pickle

__all__ = ['ForkingPickler', 'register', 'dump']


class ForkingPickler(pickle.Pickler):
    """A Pickler that also knows the reducers registered with register()."""
    _extra_reducers = {}
    _copyreg_dispatch_table = copyreg.dispatch_table

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.dispatch_table = self._copyreg_dispatch_table.copy()
        self.dispatch_table.update(self._extra_reducers)

    @classmethod
    def register(cls, type, reduce):
        cls._extra_reducers[type] = reduce

    @classmethod
    def dumps(cls, obj, protocol=None):
        # Without registered reducers the stream is plain pickle's, written natively.
        if not cls._extra_reducers:
            return pickle.dumps(obj, protocol)
        buf = io.BytesIO()
        cls(buf, protocol).dump(obj)
        return buf.getvalue()

    loads = pickle.loads


register = ForkingPickler.register


def dump(obj, file, protocol=None):
    ForkingPickler(file, protocol).dump(obj)
