# Creating, listing, renaming and removing files and directories with the posix calls.
import os

base = '/tmp/pml_os_files'
os.makedirs(base + '/sub/deeper', exist_ok=True)
os.makedirs(base + '/sub', exist_ok=True)
try:
    os.makedirs(base + '/sub')
except FileExistsError as e:
    print('FileExistsError:', e)

fd = os.open(base + '/a.txt', os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
print('written', os.write(fd, b'alpha\nbeta\n'))
os.close(fd)
fd = os.open(base + '/a.txt', os.O_RDONLY)
print(os.read(fd, 6), os.read(fd, 100), os.read(fd, 100))
print('lseek', os.lseek(fd, 2, os.SEEK_SET), os.read(fd, 3), os.lseek(fd, -2, os.SEEK_END), os.read(fd, 10))
print('size', os.fstat(fd).st_size)
os.close(fd)
try:
    os.close(fd)
except OSError as e:
    print(type(e).__name__, e)

print(sorted(os.listdir(base)), sorted(os.listdir(base.encode())))
os.rename(base + '/a.txt', base + '/sub/b.txt')
print(sorted(os.listdir(base + '/sub')), os.path.exists(base + '/a.txt'))
os.replace(base + '/sub/b.txt', base + '/c.txt')
print(os.path.isfile(base + '/c.txt'), os.path.isdir(base + '/sub'), os.path.getsize(base + '/c.txt'))

for call, args in [(os.rmdir, (base + '/sub',)), (os.remove, (base + '/sub',)), (os.mkdir, (base,)),
                   (os.listdir, (base + '/c.txt',)), (os.stat, (base + '/missing',)),
                   (os.rename, (base + '/missing', base + '/other')), (os.open, (base + '/c.txt/x', os.O_RDONLY)),
                   (os.open, (base + '/sub', os.O_WRONLY)), (os.open, (base + '/c.txt', os.O_CREAT | os.O_EXCL | os.O_WRONLY))]:
    try:
        call(*args)
    except OSError as e:
        print(call.__name__, type(e).__name__, e.errno, e.strerror, e.filename == args[0], e)

os.unlink(base + '/c.txt')
os.removedirs(base + '/sub/deeper')
print(os.path.exists(base))
