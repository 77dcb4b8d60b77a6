# Docstrings of builtin functions as CPython stores them, and the getpass module's surface.
import getpass

for f in (len, abs, repr, sorted, isinstance, print, id, hash, iter, next, getattr, divmod):
    print(f.__name__, repr(f.__doc__))

print(issubclass(getpass.GetPassWarning, UserWarning))
print(getpass.getpass.__name__, getpass.getuser.__name__)
