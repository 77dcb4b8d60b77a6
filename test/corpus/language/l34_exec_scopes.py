# exec/eval namespaces, globals()/locals(), class bodies, and name resolution order.
g = {"x": 1}
exec("y = x + 1\nz = [x for _ in range(2)]", g)
print(g["y"], g["z"], "__builtins__" in g)
loc = {}
exec("a = 10\nb = a * 2", {}, loc)
print(loc)
print(eval("x + y", {"x": 1}, {"y": 2}), eval("len('abc')"), eval("__name__"))
def f():
    local_var = 5
    return sorted(locals()), "f" in globals()
print(f())
print(sorted(k for k in globals() if not k.startswith("__"))[:5], globals()["__name__"])
x = "global"
def shadowing():
    x = "local"
    return eval("x"), eval("x", globals())
print(shadowing())
class K:
    a = 1
    b = a + 1
    c = [a for _ in range(1)] if False else None
    def m(self):
        return b if "b" in globals() else "no b global"
print(K.b, K().m())
ns = {}
exec("class Dyn:\n    v = 3\n    def get(self):\n        return self.v * 2\n", ns)
print(ns["Dyn"]().get(), ns["Dyn"].__module__ if "__name__" in ns else ns["Dyn"].__module__)
code = compile("3 * 7", "<expr>", "eval")
print(eval(code), code.co_filename)
try:
    exec("raise ValueError('in exec')")
except ValueError as e:
    print("ValueError:", e)
try:
    eval("1 +")
except SyntaxError as e:
    print("SyntaxError:", e.msg, e.lineno, e.offset)
try:
    eval("undefined_thing")
except NameError as e:
    print("NameError:", e)
import builtins
print(builtins.len is len, hasattr(builtins, "print"), type(__builtins__).__name__ in ("module", "dict"))
counter = 0
def bump():
    global counter
    counter += 1
for _ in range(5):
    bump()
print(counter)
def make():
    v = 1
    def inner():
        return locals()
    return inner()
print(make())
exec("import math as m2", g)
print(g["m2"].sqrt(16))
print(eval("lambda q: q ** 2")(9), (lambda: eval("[1, 2][-1]"))())
