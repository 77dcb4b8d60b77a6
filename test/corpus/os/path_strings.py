# os.path's pure string operations: join, split, splitext, basename, dirname, normpath, relpath.
import os.path as p

for parts in [('a', 'b', 'c'), ('/a', '/b'), ('a/', 'b'), ('', 'x'), ('a', ''), (b'x', b'y')]:
    print(parts, '->', repr(p.join(*parts)))
for path in ['/a/b/c.txt', 'a/b/', '/', '//x', 'noslash', '', '///a//b']:
    print(repr(path), p.split(path), repr(p.basename(path)), repr(p.dirname(path)))
for path in ['a.txt', 'a.tar.gz', '.bashrc', 'dir.d/file', '..x', 'a/.b.c', 'x.', b'f.py']:
    print(repr(path), p.splitext(path))
for path in ['/a/./b/../c//d/', 'a/../..', '../x/../../y', '//a//b', '///a', '.', '', 'a/b/..', b'/x/../y']:
    print(repr(path), '->', repr(p.normpath(path)))
print(p.isabs('/x'), p.isabs('x'), p.isabs(b'/'))
print(p.relpath('/a/b/c', '/a/d'), p.relpath('/a', '/a'), p.relpath('/x/y', '/'))
print(p.commonprefix(['/usr/lib', '/usr/local', '/usr/l']), p.commonpath(['/usr/lib', '/usr/local/x']))
try:
    p.commonpath(['/a', 'b'])
except ValueError as e:
    print('ValueError:', e)
try:
    p.join('a', 3)
except TypeError as e:
    print('TypeError:', e)
try:
    p.join('a', b'b')
except TypeError as e:
    print('TypeError:', e)
print(p.splitdrive('/a/b'), p.normcase('/A/b'), p.sep, p.extsep, p.pathsep, p.devnull, p.curdir, p.pardir)
import os
print(p.expanduser('~/x') == p.join(os.environ['HOME'], 'x'), p.expanduser('~other/x'), p.expanduser('nothome'))
