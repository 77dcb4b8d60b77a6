"""POSIX shared memory objects (CPython's Modules/_multiprocessing/posixshmem.c): glibc's
shm_open and shm_unlink, which name files of the /dev/shm tmpfs."""

import os

_SHM_DIR = '/dev/shm'


def _shm_path(path):
    # glibc drops the leading slashes; what remains must be one non-empty file name.
    name = path.lstrip('/')
    if not name or '/' in name:
        raise OSError(22, os.strerror(22), path)
    return _SHM_DIR + '/' + name


def shm_open(path, flags, mode=0o777):
    """Open a shared memory object.  Returns a file descriptor (integer)."""
    if not isinstance(path, str):
        raise TypeError(f"shm_open() argument 'path' must be str, not {type(path).__name__}")
    try:
        return os.open(_shm_path(path), flags | os.O_NOFOLLOW | os.O_CLOEXEC, mode)
    except OSError as e:
        raise OSError(e.errno, e.strerror, path) from None


def shm_unlink(path):
    """Remove a shared memory object (similar to unlink())."""
    if not isinstance(path, str):
        raise TypeError(f"shm_unlink() argument 'path' must be str, not {type(path).__name__}")
    try:
        os.unlink(_shm_path(path))
    except OSError as e:
        raise OSError(e.errno, e.strerror, path) from None
