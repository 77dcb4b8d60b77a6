# os.stat fields that do not depend on the machine: modes, sizes, link counts, the stat module.
import os
import stat
import sys

base = '/tmp/pml_os_stat'
os.mkdir(base)
old = os.umask(0o022)
with open(base + '/f', 'wb') as f:
    f.write(b'x' * 1000)
os.mkdir(base + '/d')
os.mkdir(base + '/d/inner')

st = os.stat(base + '/f')
print(type(st).__name__, len(st), st[stat.ST_SIZE], st.st_size, oct(st.st_mode), stat.filemode(st.st_mode))
print(stat.S_ISREG(st.st_mode), stat.S_ISDIR(st.st_mode), oct(stat.S_IMODE(st.st_mode)), st.st_nlink)
print(isinstance(st.st_mtime, float), isinstance(st.st_mtime_ns, int), isinstance(st[8], int), st.st_blocks)
print(sys.getsizeof(st), st.n_fields if hasattr(st, 'n_fields') else '', isinstance(st, tuple))
sd = os.stat(base + '/d')
print(stat.filemode(sd.st_mode), sd.st_nlink, stat.S_ISDIR(sd.st_mode))
os.chmod(base + '/f', 0o600)
print(stat.filemode(os.stat(base + '/f').st_mode))
os.umask(0o077)
os.mkdir(base + '/private')
print(stat.filemode(os.stat(base + '/private').st_mode))
print(oct(os.umask(old)))
print(stat.filemode(os.stat('/dev/null').st_mode), stat.S_ISCHR(os.stat('/dev/null').st_mode))
fd = os.open(base + '/f', os.O_RDWR)
os.ftruncate(fd, 10)
print(os.fstat(fd).st_size, os.path.getsize(base + '/f'))
os.close(fd)
os.truncate(base + '/f', 3)
print(os.stat(base + '/f').st_size, os.access(base + '/f', os.F_OK), os.access(base + '/nope', os.F_OK))
os.remove(base + '/f')
for d in ['d/inner', 'd', 'private', '']:
    os.rmdir(os.path.join(base, d))
print(os.path.exists(base))
