# fork, wait and the wait-status macros: each child ends its own way, the parent reaps them in
# order and decodes what waitpid reports.
import os
import sys

parent = os.getpid()


def child(how):
    if how == "_exit":
        os._exit(3)
    if how == "sys.exit":
        sys.exit(4)
    if how == "message":
        sys.exit("child says goodbye")
    if how == "return":
        return
    if how == "raise":
        raise ValueError("bad value in child")


for how in ["_exit", "sys.exit", "message", "return", "raise"]:
    sys.stdout.flush()
    pid = os.fork()
    if pid == 0:
        print("child", how, "parent is the forker:", os.getppid() == parent, flush=True)
        print("child pid differs:", os.getpid() != parent, flush=True)
        child(how)
        os._exit(0)
    got, status = os.waitpid(pid, 0)
    print(how, got == pid, os.WIFEXITED(status), os.WEXITSTATUS(status),
          os.WIFSIGNALED(status), os.waitstatus_to_exitcode(status), flush=True)

try:
    os.wait()
except ChildProcessError as e:
    print(type(e).__name__, e.errno, e)
try:
    os.waitpid(12345, 0)
except ChildProcessError as e:
    print(type(e).__name__, e)
print(os.WEXITSTATUS(status=0x2a00), os.WIFEXITED(0x2a00), os.WTERMSIG(9), os.WIFSIGNALED(9))
print(os.waitstatus_to_exitcode(0), os.waitstatus_to_exitcode(15))
print(os.WIFSTOPPED(0x137f), os.WSTOPSIG(0x137f))
for bad in (0x137f, 0xffff):
    try:
        os.waitstatus_to_exitcode(bad)
    except ValueError as e:
        print(e)
