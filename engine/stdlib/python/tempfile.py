"""Temporary files and directories on the simulated file system (under /tmp by default).
Names draw on the session's urandom stream, so a run makes the same names every time."""
import io
import os
import shutil as _shutil

__all__ = ['NamedTemporaryFile', 'TemporaryFile', 'TemporaryDirectory', 'mkstemp', 'mkdtemp', 'mktemp',
           'gettempdir', 'gettempprefix', 'gettempdirb', 'gettempprefixb', 'TMP_MAX', 'template', 'tempdir']

TMP_MAX = 10000
template = 'tmp'
tempdir = None
_CHARACTERS = 'abcdefghijklmnopqrstuvwxyz0123456789_'


def _random_name():
    return ''.join(_CHARACTERS[b % len(_CHARACTERS)] for b in os.urandom(8))


def gettempdir():
    return tempdir if tempdir is not None else os.environ.get('TMPDIR', '/tmp')


def gettempdirb():
    return os.fsencode(gettempdir())


def gettempprefix():
    return template


def gettempprefixb():
    return os.fsencode(template)


def _names(suffix, prefix, dir):
    suffix = '' if suffix is None else suffix
    prefix = template if prefix is None else prefix
    dir = gettempdir() if dir is None else os.fspath(dir)
    for _ in range(TMP_MAX):
        yield os.path.join(dir, prefix + _random_name() + suffix)
    raise FileExistsError(17, 'No usable temporary file name found')


def mkstemp(suffix=None, prefix=None, dir=None, text=False):
    """Creates a file only this caller can read and write: (descriptor, absolute path)."""
    for name in _names(suffix, prefix, dir):
        try:
            fd = os.open(name, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            continue
        return fd, os.path.abspath(name)


def mkdtemp(suffix=None, prefix=None, dir=None):
    for name in _names(suffix, prefix, dir):
        try:
            os.mkdir(name, 0o700)
        except FileExistsError:
            continue
        return os.path.abspath(name)


def mktemp(suffix='', prefix=template, dir=None):
    for name in _names(suffix, prefix, dir):
        if not os.path.exists(name):
            return name


class _TemporaryFileWrapper:
    """A file object that knows its name and removes the file when closed (if delete)."""

    def __init__(self, file, name, delete=True):
        self.file = file
        self.name = name
        self.delete = delete
        self._closed = False

    def __getattr__(self, name):
        return getattr(self.__dict__['file'], name)

    def __enter__(self):
        self.file.__enter__()
        return self

    def __exit__(self, exc, value, tb):
        self.close()

    def __iter__(self):
        return iter(self.file)

    def close(self):
        if self._closed:
            return
        self._closed = True
        try:
            self.file.close()
        finally:
            if self.delete:
                try:
                    os.unlink(self.name)
                except FileNotFoundError:
                    pass

    def __del__(self):
        self.close()


def NamedTemporaryFile(mode='w+b', buffering=-1, encoding=None, newline=None, suffix=None, prefix=None, dir=None,
                       delete=True, *, errors=None):
    fd, name = mkstemp(suffix, prefix, dir)
    try:
        file = io.open(fd, mode, buffering=buffering, newline=newline, encoding=encoding, errors=errors)
    except BaseException:
        os.unlink(name)
        os.close(fd)
        raise
    return _TemporaryFileWrapper(file, name, delete)


def TemporaryFile(mode='w+b', buffering=-1, encoding=None, newline=None, suffix=None, prefix=None, dir=None, *,
                  errors=None):
    """A file with no name left on disk: removed as soon as it is opened."""
    fd, name = mkstemp(suffix, prefix, dir)
    try:
        os.unlink(name)
        return io.open(fd, mode, buffering=buffering, newline=newline, encoding=encoding, errors=errors)
    except BaseException:
        os.close(fd)
        raise


class TemporaryDirectory:
    """A directory removed with its contents by cleanup() or at the end of a with block."""

    def __init__(self, suffix=None, prefix=None, dir=None, ignore_cleanup_errors=False):
        self.name = mkdtemp(suffix, prefix, dir)
        self._ignore_cleanup_errors = ignore_cleanup_errors
        self._done = False

    def __repr__(self):
        return f'<{self.__class__.__name__} {self.name!r}>'

    def __enter__(self):
        return self.name

    def __exit__(self, exc, value, tb):
        self.cleanup()

    def cleanup(self):
        if self._done:
            return
        self._done = True
        _shutil.rmtree(self.name, ignore_errors=self._ignore_cleanup_errors)
