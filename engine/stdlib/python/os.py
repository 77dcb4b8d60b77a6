"""OS routines of the simulated Linux machine: posix's functions, os.path, the environment,
and the helpers written on top of them (makedirs, walk, scandir, fsencode)."""
import abc
import sys
import stat as st

from posix import *
import posix
import posixpath as path

try:
    from posix import _exit
except ImportError:
    pass

name = 'posix'
linesep = '\n'
sep = path.sep
altsep = path.altsep
curdir = path.curdir
pardir = path.pardir
extsep = path.extsep
pathsep = path.pathsep
defpath = path.defpath
devnull = path.devnull

sys.modules['os.path'] = path

supports_dir_fd = set()
supports_effective_ids = set()
supports_fd = set()
supports_follow_symlinks = set()


def _fscodec():
    def fsencode(filename):
        """A path as bytes: str encoded as UTF-8 with surrogateescape, bytes as they are."""
        filename = fspath(filename)
        if isinstance(filename, str):
            return filename.encode('utf-8', 'surrogateescape')
        return filename

    def fsdecode(filename):
        """A path as str: bytes decoded as UTF-8 with surrogateescape, str as it is."""
        filename = fspath(filename)
        if isinstance(filename, bytes):
            return filename.decode('utf-8', 'surrogateescape')
        return filename

    return fsencode, fsdecode


fsencode, fsdecode = _fscodec()
del _fscodec


class PathLike(abc.ABC):
    """Objects whose __fspath__ gives a path."""

    @abc.abstractmethod
    def __fspath__(self):
        raise NotImplementedError

    @classmethod
    def __subclasshook__(cls, subclass):
        if cls is PathLike:
            for klass in subclass.__mro__:
                if '__fspath__' in klass.__dict__:
                    return klass.__dict__['__fspath__'] is not None or NotImplemented
        return NotImplemented

    def __class_getitem__(cls, item):
        return cls


def makedirs(name, mode=0o777, exist_ok=False):
    """mkdir -p: creates the missing parents first; an existing leaf is an error unless exist_ok."""
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    if head and tail and not path.exists(head):
        try:
            makedirs(head, exist_ok=exist_ok)
        except FileExistsError:
            pass
        cdir = curdir
        if isinstance(tail, bytes):
            cdir = bytes(curdir, 'ASCII')
        if tail == cdir:
            return
    try:
        mkdir(name, mode)
    except OSError:
        if not exist_ok or not path.isdir(name):
            raise


def removedirs(name):
    """rmdir, then each parent that became empty."""
    rmdir(name)
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    while head and tail:
        try:
            rmdir(head)
        except OSError:
            break
        head, tail = path.split(head)


def renames(old, new):
    head, tail = path.split(new)
    if head and tail and not path.exists(head):
        makedirs(head)
    rename(old, new)
    head, tail = path.split(old)
    if head and tail:
        try:
            removedirs(head)
        except OSError:
            pass


class DirEntry:
    """One entry of a scandir() listing."""

    def __init__(self, dirpath, name):
        self.name = name
        self.path = path.join(dirpath, name)
        self._stat = None

    def __repr__(self):
        return f'<DirEntry {self.name!r}>'

    def __fspath__(self):
        return self.path

    def stat(self, *, follow_symlinks=True):
        if self._stat is None:
            self._stat = stat(self.path)
        return self._stat

    def inode(self):
        return self.stat().st_ino

    def _mode_is(self, test):
        try:
            return test(self.stat().st_mode)
        except FileNotFoundError:
            return False

    def is_dir(self, *, follow_symlinks=True):
        return self._mode_is(st.S_ISDIR)

    def is_file(self, *, follow_symlinks=True):
        return self._mode_is(st.S_ISREG)

    def is_symlink(self):
        return False

    def __class_getitem__(cls, item):
        return cls


DirEntry.__module__ = 'posix'


class _ScandirIterator:
    def __init__(self, top):
        self._entries = iter([DirEntry(top, n) for n in listdir(top)])

    def __iter__(self):
        return self

    def __next__(self):
        return next(self._entries)

    def close(self):
        self._entries = iter(())

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def scandir(path='.'):
    """An iterator of DirEntry objects for the directory's entries."""
    return _ScandirIterator(fspath(path))


def walk(top, topdown=True, onerror=None, followlinks=False):
    """(dirpath, dirnames, filenames) for each directory under top."""
    top = fspath(top)
    stack = [top]
    while stack:
        top = stack.pop()
        if isinstance(top, tuple):
            yield top
            continue
        dirs, nondirs = [], []
        try:
            entries = list(scandir(top))
        except OSError as error:
            if onerror is not None:
                onerror(error)
            continue
        for entry in entries:
            (dirs if entry.is_dir() else nondirs).append(entry.name)
        if topdown:
            yield top, dirs, nondirs
            for d in reversed(dirs):
                stack.append(path.join(top, d))
        else:
            stack.append((top, dirs, nondirs))
            for d in reversed(dirs):
                stack.append(path.join(top, d))


class _Environ:
    """os.environ: str keys and values over posix's bytes environment."""

    def __init__(self, data):
        self._data = data

    def __getitem__(self, key):
        try:
            return self._data[key]
        except KeyError:
            raise KeyError(key) from None

    def __setitem__(self, key, value):
        if not isinstance(key, str):
            raise TypeError(f'str expected, not {type(key).__name__}')
        if not isinstance(value, str):
            raise TypeError(f'str expected, not {type(value).__name__}')
        self._data[key] = value

    def __delitem__(self, key):
        try:
            del self._data[key]
        except KeyError:
            raise KeyError(key) from None

    def __iter__(self):
        return iter(list(self._data))

    def __len__(self):
        return len(self._data)

    def __contains__(self, key):
        return key in self._data

    def keys(self):
        return self._data.keys()

    def values(self):
        return self._data.values()

    def items(self):
        return self._data.items()

    def get(self, key, default=None):
        return self._data.get(key, default)

    def setdefault(self, key, value):
        if key not in self._data:
            self[key] = value
        return self._data[key]

    def pop(self, key, *default):
        return self._data.pop(key, *default)

    def update(self, other=(), **kw):
        for k, v in dict(other, **kw).items():
            self[k] = v

    def copy(self):
        return dict(self._data)

    def __repr__(self):
        return f'environ({self._data!r})'


environ = _Environ({k.decode(): v.decode() for k, v in posix.environ.items()})


def getenv(key, default=None):
    return environ.get(key, default)


def putenv(key, value):
    environ._data[fsdecode(key)] = fsdecode(value)


def unsetenv(key):
    environ._data.pop(fsdecode(key), None)


def fdopen(fd, mode='r', buffering=-1, encoding=None, *args, **kwargs):
    if not isinstance(fd, int):
        raise TypeError('invalid fd type (%s, expected integer)' % type(fd))
    import io
    return io.open(fd, mode, buffering, encoding, *args, **kwargs)


def get_exec_path(env=None):
    return (environ if env is None else env).get('PATH', defpath).split(pathsep)
