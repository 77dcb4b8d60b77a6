# Pipes between a parent and its child: both directions, end of file once every write end is
# closed, a broken pipe once every read end is.
import os
import sys

parent_pid = os.getpid()
r, w = os.pipe()
print("pipe fds", r, w, flush=True)
pid = os.fork()
if pid == 0:
    os.close(r)
    os.write(w, b"hello from the child, ")
    os.write(w, str(os.getppid() == parent_pid).encode())
    os.close(w)
    os._exit(0)
os.close(w)
chunks = []
while True:
    data = os.read(r, 7)
    if not data:
        break
    chunks.append(data)
os.close(r)
print(b"".join(chunks), max(len(c) for c in chunks), flush=True)
print(os.waitpid(pid, 0)[1], flush=True)

r, w = os.pipe()
pid = os.fork()
if pid == 0:
    os.close(w)
    got = b""
    while True:
        data = os.read(r, 4096)
        if not data:
            break
        got += data
    print("child read", got, "from its parent:", os.getppid() == parent_pid, flush=True)
    os._exit(len(got))
os.close(r)
os.write(w, b"some work for the child")
os.write(w, b" and more")
os.close(w)
_, status = os.waitpid(pid, 0)
print("child exit code is the length", os.WEXITSTATUS(status), flush=True)

r, w = os.pipe()
os.close(r)
try:
    os.write(w, b"x")
except BrokenPipeError as e:
    print(type(e).__name__, e.errno, e)
os.close(w)
try:
    os.read(r, 1)
except OSError as e:
    print(type(e).__name__, e.errno, e)
print(os.read(os.pipe()[0], 0))
