# The device files: /dev/null swallows writes and reads empty, /dev/zero gives zero bytes,
# /dev/urandom gives as many bytes as asked.
import os

with open('/dev/null', 'w') as f:
    print(f.write('discarded'), f.tell() >= 0)
with open('/dev/null', 'rb') as f:
    print(f.read(), f.read(10))
with open('/dev/zero', 'rb') as f:
    print(f.read(8), len(f.read(5000)))
with open('/dev/urandom', 'rb') as f:
    chunk = f.read(32)
    print(len(chunk), type(chunk).__name__)
print(len(os.urandom(0)), len(os.urandom(17)), os.urandom(0))
fd = os.open(os.devnull, os.O_WRONLY)
print(os.write(fd, b'x' * 100))
os.close(fd)
print(os.devnull, os.path.exists('/dev/null'), os.path.isfile('/dev/null'))
try:
    os.urandom(-1)
except ValueError as e:
    print('ValueError:', e)
