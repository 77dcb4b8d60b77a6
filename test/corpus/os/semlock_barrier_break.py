# A Barrier broken by a timeout or by abort() in a child: every wait raises BrokenBarrierError
# until reset().
import multiprocessing as mp
import os

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
