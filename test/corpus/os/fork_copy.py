# After fork the child works on a copy of everything: its changes stay its own, ids are the
# same addresses in both processes, and a grandchild sees its parent, not the first process.
import os

data = {"numbers": [1, 2, 3], "name": "first"}
ident = id(data["numbers"])
top = os.getpid()
r, w = os.pipe()
pid = os.fork()
if pid == 0:
    data["numbers"].append(4)
    data["name"] = "changed in the child"
    print("child sees", data, id(data["numbers"]) == ident, flush=True)
    me = os.getpid()
    grandchild = os.fork()
    if grandchild == 0:
        print("grandchild: parent is the child", os.getppid() == me,
              "not the first process", os.getppid() != top, flush=True)
        data["numbers"].clear()
        os._exit(2)
    _, st = os.waitpid(grandchild, 0)
    print("child reaped the grandchild", os.WEXITSTATUS(st), data["numbers"], flush=True)
    os.write(w, repr(data).encode())
    os._exit(0)
os.close(w)
seen = os.read(r, 1000)
os.waitpid(pid, 0)
print("the child sent", seen.decode(), flush=True)
print("parent still has", data, id(data["numbers"]) == ident, flush=True)
