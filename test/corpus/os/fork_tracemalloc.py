# tracemalloc keeps tracing in a forked child, into the child's own copy of the traces.
import os, tracemalloc
tracemalloc.start()
keep = [bytes(1000) for i in range(10)]
before = tracemalloc.get_traced_memory()[0]
pid = os.fork()
if pid == 0:
    more = [bytes(5000) for i in range(10)]
    print("child traced grew", tracemalloc.get_traced_memory()[0] - before >= 50000, tracemalloc.is_tracing(), flush=True)
    os._exit(0)
os.waitpid(pid, 0)
print("parent traced unchanged", tracemalloc.get_traced_memory()[0] - before < 2000, flush=True)
