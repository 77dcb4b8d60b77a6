# File times follow the clock time.time() reads: a new file's mtime is now, a later write moves
# it forward, and the three forms of a time agree with each other.
import os
import time

p = '/tmp/pml_os_times.txt'
before = time.time()
with open(p, 'w') as f:
    f.write('first')
st = os.stat(p)
print(abs(st.st_mtime - before) < 5, st.st_mtime_ns // 10**9 == st[8] == int(st.st_mtime))
print(abs(st.st_mtime_ns / 1e9 - st.st_mtime) < 1e-3, st.st_ctime >= st.st_mtime - 1)
time.sleep(0.05)
with open(p, 'a') as f:
    f.write('second')
later = os.stat(p)
print(later.st_mtime_ns > st.st_mtime_ns, later.st_mtime <= time.time() + 1)
print(abs(os.path.getmtime(p) - later.st_mtime) < 1e-6)
os.remove(p)
