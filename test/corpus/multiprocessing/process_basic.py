# Process: start, join, exit code and repr
from multiprocessing import Process
def f(n):
    print('child', n, flush=True)
if __name__ == '__main__':
    p = Process(target=f, args=(1,))
    p.start(); p.join()
    print(p.exitcode, repr(p).replace(str(p.pid), 'PID').replace(str(__import__('os').getpid()), 'PPID'))
