# Path on the file system: mkdir, write/read text and bytes, iterdir, glob, stat, rename, unlink.
from pathlib import Path

base = Path('/tmp/pml_os_pathlib')
(base / 'pkg' / 'sub').mkdir(parents=True)
(base / 'pkg').mkdir(exist_ok=True)
try:
    (base / 'pkg').mkdir()
except FileExistsError as e:
    print('FileExistsError:', e)
try:
    (base / 'x' / 'y').mkdir()
except FileNotFoundError as e:
    print('FileNotFoundError:', e)
print((base / 'pkg' / 'a.py').write_text('print("a")\n'), (base / 'pkg' / 'b.txt').write_text('bee'),
      (base / 'pkg' / 'sub' / 'c.py').write_bytes(b'\x00\x01'))
print((base / 'pkg' / 'a.py').read_text(), (base / 'pkg' / 'sub' / 'c.py').read_bytes())
print(sorted(p.name for p in (base / 'pkg').iterdir()))
print(sorted(str(p.relative_to(base)) for p in base.glob('pkg/*.py')))
print(sorted(str(p.relative_to(base)) for p in base.glob('**/*.py')))
print(sorted(str(p.relative_to(base)) for p in base.rglob('*')))
print(sorted(p.name for p in (base / 'pkg').glob('?.*')))
f = base / 'pkg' / 'b.txt'
print(f.exists(), f.is_file(), f.is_dir(), f.parent.is_dir(), (base / 'nope').exists(), f.stat().st_size)
with f.open('a') as fh:
    fh.write('s')
print(f.read_text())
g = f.rename(base / 'pkg' / 'bees.txt')
print(g, f.exists(), g.exists(), g.read_text())
(base / 'empty').touch()
print((base / 'empty').stat().st_size, Path('/tmp/pml_os_pathlib/pkg/../pkg/a.py').resolve())
try:
    (base / 'empty').touch(exist_ok=False)
except FileExistsError as e:
    print('FileExistsError:', e)
for p in sorted(base.rglob('*'), key=lambda p: len(p.parts), reverse=True):
    if p.is_dir():
        p.rmdir()
    else:
        p.unlink()
(base / 'gone').unlink(missing_ok=True)
base.rmdir()
print(base.exists(), Path.cwd().is_absolute(), Path('rel').absolute().is_absolute())
