# Process with a Pipe: messages both ways, send_bytes/recv_bytes, poll, exit code
from multiprocessing import Process, Pipe, Lock
import multiprocessing as mp
def f(conn):
    conn.send(['hello', 42, None])
    print('child got', conn.recv(), flush=True)
    conn.close()
if __name__ == '__main__':
    a, b = Pipe()
    p = Process(target=f, args=(b,))
    p.start()
    print(a.recv())
    a.send({'x': 1})
    p.join()
    print(p.exitcode, mp.cpu_count() > 0, mp.current_process().name)
    a.send_bytes(b'abc'); print(b.recv_bytes(), b.poll(), a.poll())
