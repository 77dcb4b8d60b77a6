# Copy-on-read: after fork, a child that only reads a million small objects still copies the pages
# that hold them, because every read updates the object's reference count. Printed: the child's
# Private_Dirty in kB once it has read them all (its other writes add a few hundred kB).
import os
import time

x = [None] * 10**6
for i in range(10**6):
    x[i] = bytes(31)


def private_dirty(pid):
    for line in open(f"/proc/{pid}/smaps_rollup"):
        if line.startswith("Private_Dirty:"):
            return int(line.split()[1])


r, w = os.pipe()
pid = os.fork()
if pid == 0:
    n = 0
    for o in x:
        n += len(o)
    os.write(w, b"x")
    time.sleep(2)
    os._exit(0)
os.read(r, 1)
print(private_dirty(pid))
os.waitpid(pid, 0)
