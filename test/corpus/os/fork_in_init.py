# os.fork() inside __init__: the child continues from the fork in __init__, returns the instance
# to the class call, and goes on with the program.
import os
class Worker:
    def __init__(self, n):
        self.n = n
        self.pid = os.fork()
        if self.pid == 0:
            self.role = 'child'
        else:
            self.role = 'parent'
w = Worker(3)
if w.pid == 0:
    print('child sees', w.n, w.role, flush=True)
    os._exit(7)
_, status = os.waitpid(w.pid, 0)
print('parent sees', w.n, w.role, os.WEXITSTATUS(status))
