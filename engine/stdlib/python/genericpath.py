"""Path tests shared by every os.path flavour: they ask the file system through os.stat."""
import os
import stat

__all__ = ['commonprefix', 'exists', 'getatime', 'getctime', 'getmtime', 'getsize', 'isdir', 'isfile',
           'samefile', 'sameopenfile', 'samestat']


def _stat_or_none(path):
    try:
        return os.stat(path)
    except (OSError, ValueError):
        return None


def exists(path):
    """Whether the path names something (a broken path is False, never an error)."""
    return _stat_or_none(path) is not None


def isfile(path):
    st = _stat_or_none(path)
    return st is not None and stat.S_ISREG(st.st_mode)


def isdir(s):
    st = _stat_or_none(s)
    return st is not None and stat.S_ISDIR(st.st_mode)


def getsize(filename):
    return os.stat(filename).st_size


def getmtime(filename):
    return os.stat(filename).st_mtime


def getatime(filename):
    return os.stat(filename).st_atime


def getctime(filename):
    return os.stat(filename).st_ctime


def commonprefix(m):
    """The longest leading run of characters (not components) every item shares."""
    if not m:
        return ''
    if not isinstance(m[0], (list, tuple)):
        m = tuple(map(os.fspath, m))
    lo = min(m)
    hi = max(m)
    for i, c in enumerate(lo):
        if c != hi[i]:
            return lo[:i]
    return lo


def samestat(s1, s2):
    return s1.st_ino == s2.st_ino and s1.st_dev == s2.st_dev


def samefile(f1, f2):
    return samestat(os.stat(f1), os.stat(f2))


def sameopenfile(fp1, fp2):
    return samestat(os.fstat(fp1), os.fstat(fp2))


def _splitext(p, sep, altsep, extsep):
    """Splits off the last extension; leading dots of the last component are not one."""
    dot = p.rfind(extsep)
    slash = p.rfind(sep)
    if altsep:
        slash = max(slash, p.rfind(altsep))
    if dot > slash:
        start = slash + 1
        while start < dot:
            if p[start:start + 1] != extsep:
                return p[:dot], p[dot:]
            start += 1
    return p, p[:0]


def _check_arg_types(funcname, *args):
    has_str = has_bytes = False
    for s in args:
        if isinstance(s, str):
            has_str = True
        elif isinstance(s, bytes):
            has_bytes = True
        else:
            raise TypeError(f'{funcname}() argument must be str, bytes, or '
                            f'os.PathLike object, not {s.__class__.__name__!r}') from None
    if has_str and has_bytes:
        raise TypeError("Can't mix strings and bytes in path components") from None
