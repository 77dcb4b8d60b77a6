# chdir/getcwd, relative paths, os.walk top-down and bottom-up, scandir entries.
import os

base = '/tmp/pml_os_walk'
for d in ['a/b', 'a/c', 'd']:
    os.makedirs(os.path.join(base, d))
for f in ['a/one.txt', 'a/b/two.txt', 'd/three.txt', 'top.txt']:
    with open(os.path.join(base, f), 'w') as fh:
        fh.write(f)

start = os.getcwd()
os.chdir(base)
print(os.getcwd(), os.path.abspath('a/b/../c'))
os.chdir('a')
print(os.getcwd(), sorted(os.listdir()), sorted(os.listdir('.')), os.path.exists('one.txt'))
os.chdir('..')
try:
    os.chdir('top.txt')
except NotADirectoryError as e:
    print('NotADirectoryError:', e)

print('top-down')
for dirpath, dirnames, filenames in os.walk(base):
    dirnames.sort()
    print(os.path.relpath(dirpath, base), dirnames, sorted(filenames))
print('bottom-up')
for dirpath, dirnames, filenames in os.walk(base, topdown=False):
    print(os.path.relpath(dirpath, base), sorted(dirnames), sorted(filenames))

with os.scandir(base) as it:
    for entry in sorted(it, key=lambda e: e.name):
        print(entry, entry.name, entry.path, entry.is_dir(), entry.is_file(), entry.is_symlink(), os.fspath(entry))

for dirpath, dirnames, filenames in os.walk(base, topdown=False):
    for f in filenames:
        os.remove(os.path.join(dirpath, f))
    os.rmdir(dirpath)
os.chdir(start)
print(os.path.exists(base))
