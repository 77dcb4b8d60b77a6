# os.environ as a mapping, getenv/putenv, and the module's constants.
import os

os.environ['PML_TEST_VAR'] = 'value 1'
print(os.environ['PML_TEST_VAR'], os.getenv('PML_TEST_VAR'), 'PML_TEST_VAR' in os.environ)
print(os.getenv('PML_SURELY_MISSING'), os.getenv('PML_SURELY_MISSING', 'fallback'))
print(os.environ.pop('PML_TEST_VAR'), 'PML_TEST_VAR' in os.environ)
try:
    os.environ['PML_SURELY_MISSING']
except KeyError as e:
    print('KeyError:', e)
try:
    os.environ['PML_X'] = 1
except TypeError as e:
    print('TypeError:', e)
print(os.environ.setdefault('PML_Y', 'dflt'), os.environ.get('PML_Y'))
del os.environ['PML_Y']
print(isinstance(os.environ.get('PATH'), str), os.name, repr(os.sep), repr(os.linesep), os.curdir, os.pardir,
      os.extsep, os.pathsep, os.devnull, repr(os.altsep))
print(os.O_RDONLY, os.O_WRONLY, os.O_RDWR, os.O_CREAT, os.O_EXCL, os.O_TRUNC, os.O_APPEND, os.SEEK_SET,
      os.SEEK_CUR, os.SEEK_END, os.F_OK, os.R_OK, os.W_OK, os.X_OK)
print(os.fsencode('naïve'), os.fsdecode(b'na\xc3\xafve'), os.fspath('s'), os.fspath(b'b'), os.error is OSError)
class P:
    def __fspath__(self):
        return '/from/fspath'
print(os.fspath(P()), isinstance(P(), os.PathLike), isinstance('s', os.PathLike), os.path.join(P(), 'x'))
for bad in [lambda: os.fspath(3), lambda: os.stat([]), lambda: os.open(3, 0), lambda: os.stat('a\0b'),
            lambda: os.listdir(b'a\0'), lambda: os.write(1, 'x'), lambda: os.read(1.5, 2)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
