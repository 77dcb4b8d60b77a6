"""os.path for POSIX paths: pure string operations, plus the tests of genericpath."""
import os
import sys
import stat
import genericpath
from genericpath import *

__all__ = ['normcase', 'isabs', 'join', 'splitdrive', 'split', 'splitext', 'basename', 'dirname', 'commonprefix',
           'getsize', 'getmtime', 'getatime', 'getctime', 'islink', 'exists', 'lexists', 'isdir', 'isfile',
           'ismount', 'expanduser', 'expandvars', 'normpath', 'abspath', 'samefile', 'sameopenfile', 'samestat',
           'curdir', 'pardir', 'sep', 'pathsep', 'defpath', 'altsep', 'extsep', 'devnull', 'realpath',
           'supports_unicode_filenames', 'relpath', 'commonpath']

curdir = '.'
pardir = '..'
extsep = '.'
sep = '/'
pathsep = ':'
defpath = '/bin:/usr/bin'
altsep = None
devnull = '/dev/null'
supports_unicode_filenames = False


def _sep(p):
    return b'/' if isinstance(p, bytes) else '/'


def normcase(s):
    return os.fspath(s)


def isabs(s):
    s = os.fspath(s)
    return s.startswith(_sep(s))


def join(a, *p):
    """Joins components; an absolute component restarts the path."""
    a = os.fspath(a)
    sep = _sep(a)
    path = a
    try:
        if not p:
            path[:0] + sep
        for b in map(os.fspath, p):
            if b.startswith(sep):
                path = b
            elif not path or path.endswith(sep):
                path += b
            else:
                path += sep + b
    except (TypeError, AttributeError, BytesWarning):
        genericpath._check_arg_types('join', a, *p)
        raise
    return path


def split(p):
    """(head, tail): tail is after the last slash; head keeps no trailing slashes but the root's."""
    p = os.fspath(p)
    sep = _sep(p)
    i = p.rfind(sep) + 1
    head, tail = p[:i], p[i:]
    if head and head != sep * len(head):
        head = head.rstrip(sep)
    return head, tail


def splitext(p):
    p = os.fspath(p)
    if isinstance(p, bytes):
        return genericpath._splitext(p, b'/', None, b'.')
    return genericpath._splitext(p, '/', None, '.')


def splitdrive(p):
    p = os.fspath(p)
    return p[:0], p


def basename(p):
    p = os.fspath(p)
    return p[p.rfind(_sep(p)) + 1:]


def dirname(p):
    p = os.fspath(p)
    sep = _sep(p)
    head = p[:p.rfind(sep) + 1]
    if head and head != sep * len(head):
        head = head.rstrip(sep)
    return head


def islink(path):
    """The simulated file system has no symbolic links."""
    try:
        os.lstat(path)
    except (OSError, ValueError):
        return False
    return False


def lexists(path):
    try:
        os.lstat(path)
    except (OSError, ValueError):
        return False
    return True


def ismount(path):
    try:
        s1 = os.lstat(path)
    except (OSError, ValueError):
        return False
    path = os.fspath(path)
    parent = join(path, b'..' if isinstance(path, bytes) else '..')
    try:
        s2 = os.lstat(parent)
    except (OSError, ValueError):
        return False
    return s1.st_dev != s2.st_dev or s1.st_ino == s2.st_ino


def expanduser(path):
    path = os.fspath(path)
    tilde = b'~' if isinstance(path, bytes) else '~'
    if not path.startswith(tilde):
        return path
    sep = _sep(path)
    i = path.find(sep, 1)
    if i < 0:
        i = len(path)
    if i != 1:
        return path
    home = os.environ.get('HOME', '/home/user')
    if isinstance(path, bytes):
        home = os.fsencode(home)
    root = b'/' if isinstance(path, bytes) else '/'
    home = home.rstrip(root)
    return (home + path[i:]) or root


def expandvars(path):
    """$name and ${name} replaced from os.environ; unknown names are left alone."""
    path = os.fspath(path)
    if isinstance(path, bytes):
        return os.fsencode(expandvars(os.fsdecode(path)))
    if '$' not in path:
        return path
    out = []
    i = 0
    n = len(path)
    while i < n:
        c = path[i]
        if c != '$':
            out.append(c)
            i += 1
            continue
        if i + 1 < n and path[i + 1] == '{':
            end = path.find('}', i + 2)
            if end < 0:
                out.append(path[i:])
                break
            name = path[i + 2:end]
            stop = end + 1
        else:
            stop = i + 1
            while stop < n and (path[stop].isalnum() or path[stop] == '_'):
                stop += 1
            name = path[i + 1:stop]
        if name and name in os.environ:
            out.append(os.environ[name])
        else:
            out.append(path[i:stop])
        i = stop
    return ''.join(out)


def normpath(path):
    """Collapses redundant separators and "." / ".." components, lexically."""
    path = os.fspath(path)
    if isinstance(path, bytes):
        sep, empty, dot, dotdot = b'/', b'', b'.', b'..'
    else:
        sep, empty, dot, dotdot = '/', '', '.', '..'
    if path == empty:
        return dot
    initial = 0
    if path.startswith(sep):
        # POSIX keeps exactly two leading slashes, and folds three or more into one.
        initial = 2 if path.startswith(sep * 2) and not path.startswith(sep * 3) else 1
    comps = []
    for comp in path.split(sep):
        if comp in (empty, dot):
            continue
        if comp != dotdot or (not initial and not comps) or (comps and comps[-1] == dotdot):
            comps.append(comp)
        elif comps:
            comps.pop()
    path = sep * initial + sep.join(comps)
    return path or dot


def abspath(path):
    path = os.fspath(path)
    if not isabs(path):
        cwd = os.getcwdb() if isinstance(path, bytes) else os.getcwd()
        path = join(cwd, path)
    return normpath(path)


def realpath(filename, *, strict=False):
    """Without symbolic links, the real path is the absolute normalised one."""
    path = abspath(filename)
    if strict:
        os.stat(path)
    return path


def relpath(path, start=None):
    if not path:
        raise ValueError('no path specified')
    path = os.fspath(path)
    if isinstance(path, bytes):
        curdir_, sep_, pardir_ = b'.', b'/', b'..'
    else:
        curdir_, sep_, pardir_ = '.', '/', '..'
    start = curdir_ if start is None else os.fspath(start)
    try:
        start_list = [x for x in abspath(start).split(sep_) if x]
        path_list = [x for x in abspath(path).split(sep_) if x]
        i = len(commonprefix([start_list, path_list]))
        rel_list = [pardir_] * (len(start_list) - i) + path_list[i:]
        if not rel_list:
            return curdir_
        return join(*rel_list)
    except (TypeError, AttributeError, BytesWarning, DeprecationWarning):
        genericpath._check_arg_types('relpath', path, start)
        raise


def commonpath(paths):
    """The longest common sub-path (whole components) of the paths."""
    if not paths:
        raise ValueError('commonpath() arg is an empty sequence')
    paths = tuple(map(os.fspath, paths))
    if isinstance(paths[0], bytes):
        sep_, curdir_ = b'/', b'.'
    else:
        sep_, curdir_ = '/', '.'
    try:
        split_paths = [p.split(sep_) for p in paths]
        try:
            isabs_, = set(p[:1] == sep_ for p in paths)
        except ValueError:
            raise ValueError("Can't mix absolute and relative paths") from None
        split_paths = [[c for c in s if c and c != curdir_] for s in split_paths]
        s1 = min(split_paths)
        s2 = max(split_paths)
        common = s1
        for i, c in enumerate(s1):
            if c != s2[i]:
                common = s1[:i]
                break
        prefix = sep_ if isabs_ else sep_[:0]
        return prefix + sep_.join(common)
    except (TypeError, AttributeError):
        genericpath._check_arg_types('commonpath', *paths)
        raise
