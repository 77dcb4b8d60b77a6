"""File copying and tree removal on the simulated file system (no metadata beyond the mode)."""
import os
import stat

__all__ = ['copyfileobj', 'copyfile', 'copymode', 'copy', 'copy2', 'copytree', 'rmtree', 'move', 'Error',
           'SameFileError']

COPY_BUFSIZE = 64 * 1024


class Error(OSError):
    pass


class SameFileError(Error):
    """Raised when source and destination are the same file."""


def copyfileobj(fsrc, fdst, length=0):
    length = length or COPY_BUFSIZE
    while True:
        buf = fsrc.read(length)
        if not buf:
            break
        fdst.write(buf)


def _samefile(src, dst):
    try:
        return os.path.samefile(src, dst)
    except OSError:
        return False


def copyfile(src, dst, *, follow_symlinks=True):
    if _samefile(src, dst):
        raise SameFileError(f'{src!r} and {dst!r} are the same file')
    with open(src, 'rb') as fsrc:
        with open(dst, 'wb') as fdst:
            copyfileobj(fsrc, fdst)
    return dst


def copymode(src, dst, *, follow_symlinks=True):
    os.chmod(dst, stat.S_IMODE(os.stat(src).st_mode))


def copy(src, dst, *, follow_symlinks=True):
    if os.path.isdir(dst):
        dst = os.path.join(dst, os.path.basename(src))
    copyfile(src, dst)
    copymode(src, dst)
    return dst


copy2 = copy


def copytree(src, dst, symlinks=False, ignore=None, copy_function=copy2, ignore_dangling_symlinks=False,
             dirs_exist_ok=False):
    names = os.listdir(src)
    ignored = ignore(os.fspath(src), names) if ignore is not None else set()
    os.makedirs(dst, exist_ok=dirs_exist_ok)
    for name in names:
        if name in ignored:
            continue
        s = os.path.join(src, name)
        d = os.path.join(dst, name)
        if os.path.isdir(s):
            copytree(s, d, symlinks, ignore, copy_function, dirs_exist_ok=dirs_exist_ok)
        else:
            copy_function(s, d)
    return dst


def rmtree(path, ignore_errors=False, onerror=None):
    """Removes a directory and everything under it, deepest first."""
    if ignore_errors:
        def onerror(*args):
            pass
    elif onerror is None:
        def onerror(*args):
            raise
    try:
        names = os.listdir(path)
    except OSError:
        onerror(os.listdir, path, None)
        return
    for name in names:
        full = os.path.join(path, name)
        if os.path.isdir(full):
            rmtree(full, ignore_errors, onerror)
        else:
            try:
                os.unlink(full)
            except OSError:
                onerror(os.unlink, full, None)
    try:
        os.rmdir(path)
    except OSError:
        onerror(os.rmdir, path, None)


def move(src, dst, copy_function=copy2):
    real_dst = os.path.join(dst, os.path.basename(os.fspath(src).rstrip('/'))) if os.path.isdir(dst) else dst
    if os.path.exists(real_dst) and os.path.isdir(real_dst):
        raise Error(f"Destination path '{real_dst}' already exists")
    os.rename(src, real_dst)
    return real_dst
