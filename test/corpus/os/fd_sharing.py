# Descriptors: dup shares the offset, dup2 replaces a descriptor, fdopen wraps one in a file
# object, and the lowest free number is reused.
import os

p = '/tmp/pml_os_fd.txt'
fd = os.open(p, os.O_RDWR | os.O_CREAT | os.O_TRUNC, 0o644)
os.write(fd, b'0123456789')
other = os.dup(fd)
print(other - fd, os.lseek(fd, 0, os.SEEK_CUR), os.lseek(other, 0, os.SEEK_CUR))
os.lseek(fd, 2, os.SEEK_SET)
print(os.read(other, 3), os.lseek(fd, 0, os.SEEK_CUR))
second = os.open(p, os.O_RDONLY)
print(os.read(second, 4), os.read(fd, 2))
target = os.dup2(second, other)
print(target == other, os.read(other, 2), os.read(second, 2))
os.close(second)
print(os.read(other, 100))
os.close(other)
again = os.open(p, os.O_RDONLY)
print(again == other or again == second)
os.close(again)
print(os.get_inheritable(fd), os.fstat(fd).st_size)
try:
    os.lseek(fd, 0, 7)
except OSError as e:
    print(type(e).__name__, e)
f = os.fdopen(fd, 'r')
f.seek(0)
print(f.read(), f.name == fd, f.closed)
f.close()
try:
    os.fstat(fd)
except OSError as e:
    print(type(e).__name__, e.errno, e.strerror)
fd = os.open(p, os.O_WRONLY | os.O_APPEND)
os.lseek(fd, 0, os.SEEK_SET)
os.write(fd, b'END')
os.close(fd)
print(open(p).read())
os.remove(p)
print(os.strerror(2), os.strerror(13), os.strerror(9999))
