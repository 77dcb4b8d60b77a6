"""pathlib for POSIX paths: PurePosixPath's string algebra and Path's file-system methods,
which go through os on the simulated file system."""
import io
import os
import posixpath
import re

__all__ = ['PurePath', 'PurePosixPath', 'Path', 'PosixPath']


def _parse(parts):
    """(root, components) of the joined arguments; an absolute argument restarts the path."""
    root = ''
    comps = []
    for part in parts:
        if isinstance(part, PurePath):
            text = str(part)
        else:
            text = os.fspath(part)
            if not isinstance(text, str):
                raise TypeError('argument should be a str or an os.PathLike object where __fspath__ returns '
                                f'a str, not {type(text).__name__!r}')
        if text.startswith('/'):
            # POSIX keeps exactly two leading slashes; three or more are one.
            root = '//' if text.startswith('//') and not text.startswith('///') else '/'
            comps = []
        comps.extend(c for c in text.split('/') if c and c != '.')
    return root, comps


def _wildcard(pattern):
    """A compiled regex for one path component's shell pattern (*, ?, [...])."""
    out = []
    i = 0
    while i < len(pattern):
        c = pattern[i]
        if c == '*':
            out.append('.*')
        elif c == '?':
            out.append('.')
        elif c == '[':
            end = pattern.find(']', i + 1)
            if end < 0:
                out.append('\\[')
            else:
                body = pattern[i + 1:end]
                if body.startswith('!'):
                    body = '^' + body[1:]
                out.append('[' + body.replace('\\', '\\\\') + ']')
                i = end
        else:
            out.append(re.escape(c))
        i += 1
    return re.compile('(?s:' + ''.join(out) + ')\\Z')


class PurePath:
    """A path as a string: no file system access."""
    __slots__ = ('_root', '_parts', '_str', '_hash')

    def __new__(cls, *args):
        if cls is PurePath:
            cls = PurePosixPath
        return cls._from_parsed(*_parse(args))

    @classmethod
    def _from_parsed(cls, root, parts):
        self = object.__new__(cls)
        self._root = root
        self._parts = list(parts)
        self._str = None
        self._hash = None
        return self

    def _derive(self, root, parts):
        return type(self)._from_parsed(root, parts)

    def __str__(self):
        if self._str is None:
            self._str = (self._root + '/'.join(self._parts)) or '.'
        return self._str

    def __fspath__(self):
        return str(self)

    def as_posix(self):
        return str(self)

    def __bytes__(self):
        return os.fsencode(str(self))

    def __repr__(self):
        return f'{type(self).__name__}({self.as_posix()!r})'

    def __reduce__(self):
        return (type(self), tuple(self.parts))

    def _key(self):
        return (self._root, self._parts)

    def __eq__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self):
        if self._hash is None:
            self._hash = hash(str(self))
        return self._hash

    def __lt__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return self._key() < other._key()

    def __le__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return self._key() <= other._key()

    def __gt__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return self._key() > other._key()

    def __ge__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return self._key() >= other._key()

    def __truediv__(self, key):
        try:
            return self._derive(*_parse([self, key]))
        except TypeError:
            return NotImplemented

    def __rtruediv__(self, key):
        try:
            return self._derive(*_parse([key, self]))
        except TypeError:
            return NotImplemented

    def joinpath(self, *args):
        return self._derive(*_parse([self, *args]))

    @property
    def drive(self):
        return ''

    @property
    def root(self):
        return self._root

    @property
    def anchor(self):
        return self._root

    @property
    def parts(self):
        return tuple(([self._root] if self._root else []) + self._parts)

    @property
    def name(self):
        return self._parts[-1] if self._parts else ''

    @property
    def suffix(self):
        name = self.name
        i = name.rfind('.')
        return name[i:] if 0 < i < len(name) - 1 else ''

    @property
    def suffixes(self):
        name = self.name
        if name.endswith('.'):
            return []
        name = name.lstrip('.')
        return ['.' + s for s in name.split('.')[1:]]

    @property
    def stem(self):
        name = self.name
        i = name.rfind('.')
        return name[:i] if 0 < i < len(name) - 1 else name

    @property
    def parent(self):
        if not self._parts:
            return self
        return self._derive(self._root, self._parts[:-1])

    @property
    def parents(self):
        return tuple(self._derive(self._root, self._parts[:n]) for n in range(len(self._parts) - 1, -1, -1))

    def is_absolute(self):
        return bool(self._root)

    def is_reserved(self):
        return False

    def with_name(self, name):
        if not self.name:
            raise ValueError(f'{self!r} has an empty name')
        if not name or '/' in name or name == '.':
            raise ValueError(f'Invalid name {name!r}')
        return self._derive(self._root, self._parts[:-1] + [name])

    def with_stem(self, stem):
        return self.with_name(stem + self.suffix)

    def with_suffix(self, suffix):
        if '/' in suffix or (suffix and not suffix.startswith('.')) or suffix == '.':
            raise ValueError(f'Invalid suffix {suffix!r}')
        if not self.name:
            raise ValueError(f'{self!r} has an empty name')
        return self.with_name(self.stem + suffix)

    def relative_to(self, *other):
        base = self._derive(*_parse(other))
        n = len(base._parts)
        if base._root != self._root or self._parts[:n] != base._parts:
            formatted = str(base)
            raise ValueError(f'{str(self)!r} is not in the subpath of {formatted!r} OR one path is relative '
                             'and the other is absolute.')
        return self._derive('', self._parts[n:])

    def is_relative_to(self, *other):
        try:
            self.relative_to(*other)
            return True
        except ValueError:
            return False

    def match(self, path_pattern):
        root, pat = _parse([path_pattern])
        if not pat:
            raise ValueError('empty pattern')
        if root and (root != self._root or len(pat) != len(self._parts)):
            return False
        if len(pat) > len(self._parts):
            return False
        tail = self._parts[len(self._parts) - len(pat):]
        return all(_wildcard(p).match(name) for p, name in zip(pat, tail))


class PurePosixPath(PurePath):
    __slots__ = ()


class Path(PurePath):
    """A path on the (simulated) file system."""
    __slots__ = ()

    def __new__(cls, *args, **kwargs):
        if cls is Path:
            cls = PosixPath
        return cls._from_parsed(*_parse(args))

    @classmethod
    def cwd(cls):
        return cls(os.getcwd())

    @classmethod
    def home(cls):
        return cls(os.path.expanduser('~'))

    def absolute(self):
        return self if self.is_absolute() else type(self)(os.getcwd(), self)

    def resolve(self, strict=False):
        return type(self)(os.path.realpath(self, strict=strict))

    def expanduser(self):
        return type(self)(os.path.expanduser(str(self)))

    def stat(self, *, follow_symlinks=True):
        return os.stat(self)

    def lstat(self):
        return os.lstat(self)

    def _mode_test(self, test):
        try:
            return test(self.stat().st_mode)
        except (FileNotFoundError, NotADirectoryError, ValueError):
            return False

    def exists(self):
        return self._mode_test(lambda mode: True)

    def is_dir(self):
        return self._mode_test(lambda mode: mode & 0o170000 == 0o040000)

    def is_file(self):
        return self._mode_test(lambda mode: mode & 0o170000 == 0o100000)

    def is_symlink(self):
        return False

    def is_mount(self):
        return os.path.ismount(self)

    def is_char_device(self):
        return self._mode_test(lambda mode: mode & 0o170000 == 0o020000)

    def open(self, mode='r', buffering=-1, encoding=None, errors=None, newline=None):
        return io.open(self, mode, buffering, encoding, errors, newline)

    def read_bytes(self):
        with self.open('rb') as f:
            return f.read()

    def read_text(self, encoding=None, errors=None):
        with self.open('r', encoding=encoding, errors=errors) as f:
            return f.read()

    def write_bytes(self, data):
        view = memoryview(data)
        with self.open('wb') as f:
            return f.write(view)

    def write_text(self, data, encoding=None, errors=None, newline=None):
        if not isinstance(data, str):
            raise TypeError('data must be str, not %s' % data.__class__.__name__)
        with self.open('w', encoding=encoding, errors=errors, newline=newline) as f:
            return f.write(data)

    def iterdir(self):
        for name in os.listdir(self):
            yield self._derive(self._root, self._parts + [name])

    def _select(self, parts, recursive):
        """Paths under self matching the component patterns (with ** for any depth)."""
        if not parts:
            yield self
            return
        head, rest = parts[0], parts[1:]
        if head == '**':
            for path in self._walk_dirs():
                yield from path._select(rest, recursive)
            return
        if not self.is_dir():
            return
        matcher = _wildcard(head)
        for name in os.listdir(self):
            if matcher.match(name) and (not name.startswith('.') or head.startswith('.')):
                child = self._derive(self._root, self._parts + [name])
                if rest and not child.is_dir():
                    continue
                yield from child._select(rest, recursive)

    def _walk_dirs(self):
        yield self
        for name in os.listdir(self):
            child = self._derive(self._root, self._parts + [name])
            if child.is_dir() and not name.startswith('.'):
                yield from child._walk_dirs()

    def glob(self, pattern):
        root, parts = _parse([pattern])
        if not parts:
            raise ValueError(f"Unacceptable pattern: {pattern!r}")
        if root:
            raise NotImplementedError('Non-relative patterns are unsupported')
        seen = set()
        for path in self._select(parts, False):
            if path not in seen:
                seen.add(path)
                yield path

    def rglob(self, pattern):
        return self.glob('**/' + pattern)

    def mkdir(self, mode=0o777, parents=False, exist_ok=False):
        try:
            os.mkdir(self, mode)
        except FileNotFoundError:
            if not parents or self.parent == self:
                raise
            self.parent.mkdir(parents=True, exist_ok=True)
            self.mkdir(mode, parents=False, exist_ok=exist_ok)
        except OSError:
            if not exist_ok or not self.is_dir():
                raise

    def touch(self, mode=0o666, exist_ok=True):
        flags = os.O_CREAT | os.O_WRONLY
        if not exist_ok:
            flags |= os.O_EXCL
        os.close(os.open(self, flags, mode))

    def unlink(self, missing_ok=False):
        try:
            os.unlink(self)
        except FileNotFoundError:
            if not missing_ok:
                raise

    def rmdir(self):
        os.rmdir(self)

    def rename(self, target):
        os.rename(self, target)
        return type(self)(target)

    def replace(self, target):
        os.replace(self, target)
        return type(self)(target)

    def chmod(self, mode, *, follow_symlinks=True):
        os.chmod(self, mode)

    def samefile(self, other_path):
        other = other_path.stat() if isinstance(other_path, Path) else os.stat(other_path)
        return os.path.samestat(self.stat(), other)


class PosixPath(Path, PurePosixPath):
    __slots__ = ()
