# A Barrier shared by a forked child: nobody passes until every party arrives; the action
# runs once per round.
import multiprocessing as mp
import os
import struct
import mmap

rounds = mmap.mmap(-1, 8)


def tick():
    struct.pack_into('i', rounds, 0, struct.unpack_from('i', rounds, 0)[0] + 1)


barrier = mp.Barrier(2, action=tick)
print(repr(barrier).split(' at ')[0], barrier.parties, barrier.n_waiting, barrier.broken)
arrived = mmap.mmap(-1, 16)
r, w = os.pipe()
kids = []
for i in range(1):
    pid = os.fork()
    if pid == 0:
        for phase in range(2):
            arrived[4 * i + phase] = 1
            barrier.wait()
            # Past the barrier, every party has arrived in this phase.
            seen = all(arrived[4 * k + phase] for k in (0, 3))
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
print('rounds', struct.unpack_from('i', rounds, 0)[0], 'index range', all(0 <= i < 2 for i in indices))
print(barrier.n_waiting, barrier.broken)
