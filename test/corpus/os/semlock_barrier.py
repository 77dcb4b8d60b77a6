# A Barrier shared by forked children: nobody passes until every party arrives; the action
# runs once per round; abort, reset and timeouts break it.
import multiprocessing as mp
import os
import struct
import mmap

rounds = mmap.mmap(-1, 8)


def tick():
    struct.pack_into('i', rounds, 0, struct.unpack_from('i', rounds, 0)[0] + 1)


barrier = mp.Barrier(3, action=tick)
print(repr(barrier).split(' at ')[0], barrier.parties, barrier.n_waiting, barrier.broken)
arrived = mmap.mmap(-1, 16)
r, w = os.pipe()
kids = []
for i in range(2):
    pid = os.fork()
    if pid == 0:
        for phase in range(2):
            arrived[4 * i + phase] = 1
            barrier.wait()
            # Past the barrier, every party has arrived in this phase.
            seen = all(arrived[4 * k + phase] for k in (0, 1, 3))
            os.write(w, b'%d' % seen)
        os._exit(0)
    kids.append(pid)
indices = []
for phase in range(2):
    arrived[12 + phase] = 1
    indices.append(barrier.wait())
for pid in kids:
    os.waitpid(pid, 0)
os.close(w)
print('children saw everyone:', os.read(r, 100))
print('rounds', struct.unpack_from('i', rounds, 0)[0], 'index range', all(0 <= i < 3 for i in indices))
print(barrier.n_waiting, barrier.broken)

# A timeout breaks the barrier for everyone.
b = mp.Barrier(2, timeout=0.5)
try:
    b.wait()
except Exception as e:
    print(type(e).__name__, type(e).__module__, b.broken, repr(b).endswith(': broken>'))
try:
    b.wait()
except Exception as e:
    print('still broken:', type(e).__name__)
b.reset()
print('after reset', b.broken, b.n_waiting)

# abort() in a child breaks the parent's wait.
b = mp.Barrier(2)
pid = os.fork()
if pid == 0:
    b.abort()
    os._exit(0)
os.waitpid(pid, 0)
try:
    b.wait()
except Exception as e:
    print('aborted:', type(e).__name__, b.broken)
