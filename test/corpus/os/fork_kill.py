# kill on a child that waits on a pipe: the default action of SIGTERM and SIGKILL ends it, and
# waitpid reports the signal. WNOHANG polls without blocking.
import os

SIGKILL = 9
SIGTERM = 15

for sig in (SIGTERM, SIGKILL):
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(w)
        os.read(r, 1)
        print("never printed", flush=True)
        os._exit(0)
    os.close(r)
    print("poll before kill", os.waitpid(pid, os.WNOHANG), flush=True)
    print("kill returns", os.kill(pid, sig), flush=True)
    got, status = os.waitpid(pid, 0)
    print(got == pid, os.WIFSIGNALED(status), os.WTERMSIG(status), os.WIFEXITED(status),
          os.waitstatus_to_exitcode(status), flush=True)
    os.close(w)
    try:
        os.kill(pid, 0)
    except ProcessLookupError as e:
        print(type(e).__name__, e, flush=True)

r, w = os.pipe()
pid = os.fork()
if pid == 0:
    os.read(r, 1)
    os._exit(5)
print("signal 0 checks the child exists:", os.kill(pid, 0), flush=True)
os.write(w, b"!")
print(os.WEXITSTATUS(os.waitpid(pid, 0)[1]), flush=True)
