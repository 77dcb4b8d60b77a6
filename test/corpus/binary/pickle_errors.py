# What cannot be pickled, and what broken pickles say.
import pickle


def attempt(f, *args):
    try:
        return f(*args)
    except Exception as e:
        return '%s.%s: %s' % (type(e).__module__, type(e).__name__, e)


for data in (b'', b'x', b'\x80\x04K', b'\x80\x09N.', b'N', b'(.', b'0.', b'h\x05.', b'\x80\x04\x95\x05\x00\x00\x00\x00\x00\x00\x00K\x01.'):
    print(data, attempt(pickle.loads, data))
print(attempt(pickle.loads, 'text'))


def make_local():
    class Local:
        pass
    return Local


print(attempt(pickle.dumps, make_local()))
print(attempt(pickle.dumps, make_local()()))
print(attempt(pickle.dumps, 1, 6))


class BadReduce:
    def __reduce__(self):
        return 5


class ShortReduce:
    def __reduce__(self):
        return (1,)


print(attempt(pickle.dumps, BadReduce()))
print(attempt(pickle.dumps, ShortReduce()))
print(issubclass(pickle.PicklingError, pickle.PickleError), issubclass(pickle.UnpicklingError, pickle.PickleError))
print(pickle.PicklingError.__module__)
