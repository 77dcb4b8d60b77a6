# pickle of exceptions (args, instance dict, OSError's filename, ImportError's name/path),
# complex, range, slice, NotImplemented, Ellipsis and sets: the bytes of every protocol and the
# objects they load back as; copy and deepcopy through the same reductions.
import pickle, copy

class AppError(Exception):
    pass

e_dict = ValueError('bad', 3)
e_dict.extra = [1, 2]
objs = [ValueError('x'), KeyError('k'), AppError(1, 2), e_dict, StopIteration(5),
        OSError(2, 'No such file', 'f.txt'), OSError(1, 'perm', 'a', None, 'b'), FileNotFoundError(2, 'nf'),
        SystemExit(3), BaseException(), KeyboardInterrupt(), ImportError('m', name='mod', path='/p'),
        ModuleNotFoundError('gone'), SyntaxError('s', ('f', 1, 2, 'x', 1, 2)), ExceptionGroup('g', [ValueError(1)]),
        1+2j, complex(0, -1.5), range(1, 10, 2), range(5), range(-3, 30, -7), slice(1, 2, 3), slice(None),
        slice('a', None, [1]), NotImplemented, Ellipsis, {1, 2}, frozenset([3]), frozenset()]
for o in objs:
    print(type(o).__name__)
    for proto in range(6):
        data = pickle.dumps(o, proto)
        back = pickle.loads(data)
        same = (type(back) is type(o) and (back.args == o.args and back.__dict__ == o.__dict__
                if isinstance(o, BaseException) else back == o or back is o))
        print(' ', proto, same, data)

r = pickle.loads(pickle.dumps(OSError(1, 'perm', 'a', None, 'b')))
print(type(r).__name__, r.errno, r.strerror, r.filename, r.filename2, r.args, str(r))
i = pickle.loads(pickle.dumps(ImportError('m', name='mod', path='/p')))
print(i.name, i.path, i.msg, i.args, ImportError('x').__reduce__(), ImportError(name='n').__reduce__())
print(ValueError(1).__reduce__(), e_dict.__reduce__(), OSError(2, 'x', 'y').__reduce__())
print(range(3).__reduce__(), slice(1, None).__reduce__(), NotImplemented.__reduce__(), Ellipsis.__reduce__())
print(set([1]).__reduce__(), frozenset().__reduce_ex__(2))
class S(set):
    pass
s = S([4]); s.tag = 't'
print(s.__reduce__(), pickle.loads(pickle.dumps(s)).tag)

x = ValueError('v'); x.__setstate__({'a': 1}); x.__setstate__(None)
print(x.a)
for bad in (5, {1: 2}):
    try:
        x.__setstate__(bad)
    except TypeError as err:
        print('TypeError', err)
try:
    ImportError(nope=1)
except TypeError as err:
    print('TypeError', err)

print(copy.deepcopy(frozenset([1])), copy.copy(frozenset('ab')) == frozenset('ab'), copy.deepcopy({1, (2, 3)}))
print(copy.copy(e_dict).extra is e_dict.extra, copy.deepcopy(e_dict).extra is e_dict.extra, copy.deepcopy(e_dict).args)
print(copy.copy(range(4)), copy.deepcopy(slice([1], 2)), copy.deepcopy(1j), copy.copy(OSError(2, 'x', 'y')).filename)
