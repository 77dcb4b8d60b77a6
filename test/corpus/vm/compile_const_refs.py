# Once compile() or exec() has finished, a constant is held only by the code objects that use it:
# the compiler's cache of shared constants goes with the compilation.
import sys

exec(compile("x = 300", "<cell>", "exec"))
print(sys.getrefcount(x) - 1)
exec("y = 'not an identifier!'")
print(sys.getrefcount(y) - 1)
code = compile("z = 2.5\nw = 2.5", "<cell>", "exec")
exec(code)
print(z is w, sys.getrefcount(z) - 1)
del code
print(sys.getrefcount(z) - 1)
