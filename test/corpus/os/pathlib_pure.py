# PurePosixPath: joining with /, the parts of a path, suffixes, relative_to and match.
from pathlib import PurePath, PurePosixPath, Path

p = PurePosixPath('/usr/lib/python3.11/json/__init__.py')
print(p, repr(p), p.name, p.suffix, p.suffixes, p.stem, p.parent, p.anchor, p.root, repr(p.drive))
print(p.parts, list(p.parents)[:3], p.is_absolute())
q = PurePosixPath('a') / 'b' / PurePosixPath('c.tar.gz')
print(q, q.suffixes, q.stem, q.with_suffix('.zip'), q.with_name('d.txt'), q.with_stem('e'), q.parent.parent)
print(PurePosixPath('a', '/b', 'c'), PurePosixPath('//x/y'), PurePosixPath('///x'), PurePosixPath('a//b/./c/'),
      PurePosixPath(), PurePosixPath('.'), PurePosixPath('..', 'x'), 'pre' / PurePosixPath('post'))
print(PurePosixPath('/a/b/c').relative_to('/a'), PurePosixPath('/a/b').is_relative_to('/a'),
      PurePosixPath('/a/b').is_relative_to('/c'))
try:
    PurePosixPath('/a/b').relative_to('/c')
except ValueError as e:
    print('ValueError:', e)
for pat in ['*.py', 'json/*.py', '/usr/*/*/*/*.py', '*.txt', '__init__.*', 'lib/*']:
    print(pat, p.match(pat))
print(PurePosixPath('a') == PurePosixPath('a/'), PurePosixPath('a') < PurePosixPath('b'),
      sorted([PurePosixPath('b'), PurePosixPath('a/c'), PurePosixPath('a')]),
      hash(PurePosixPath('x/y')) == hash(PurePosixPath('x//y')))
print(PurePath('x'), type(PurePath('x')).__name__, type(Path('x')).__name__, str(Path('/tmp') / 'f'))
for bad in [lambda: PurePosixPath('a').with_suffix('txt'), lambda: PurePosixPath('/').with_name('x'),
            lambda: PurePosixPath('a') / 3, lambda: PurePosixPath('a').with_name('')]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
print(PurePosixPath('a.b.c').suffixes, PurePosixPath('.bashrc').suffix, PurePosixPath('.bashrc').stem,
      PurePosixPath('x.').suffix, PurePosixPath('/').name, PurePosixPath('/').parent, PurePosixPath('a/b').as_posix())
import os
print(os.fspath(PurePosixPath('/q/r')), bytes(PurePosixPath('/q')))
