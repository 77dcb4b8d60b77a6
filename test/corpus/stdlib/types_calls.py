import types, sys
m = types.ModuleType('x'); print(m, m.__dict__)
m2 = types.ModuleType('y', 'doc'); print(m2.__doc__, m2)
for a in [(), (1,), ('a','b','c'), (1,2)]:
  try: types.ModuleType(*a)
  except Exception as e: print(type(e).__name__, e)
try: types.ModuleType(name='z')
except Exception as e: print(type(e).__name__, e)
print(types.ModuleType(name='z', doc='d').__doc__)
for a in [(), (1,), (len, None), (1, 2)]:
  try: types.MethodType(*a)
  except Exception as e: print(type(e).__name__, e)
class M(types.ModuleType):
    def hello(self): return "hi " + self.__name__
mm = M("sub")
print(mm.hello(), type(mm).__name__, isinstance(mm, types.ModuleType))
mm.attr = 5
print(mm.attr, sorted(mm.__dict__))
class C:
    def __init__(self): self.v = 3
def getv(self, k=1): return self.v * k
c = C()
bm = types.MethodType(getv, c)
print(bm(), bm(k=4), bm.__self__ is c, bm.__func__ is getv)
import sys
print(sys.get_int_max_str_digits())
for bad in [1, 639, -1, "x"]:
    try:
        sys.set_int_max_str_digits(bad)
        print("set", bad, sys.get_int_max_str_digits())
    except Exception as e:
        print(type(e).__name__ + ":", e)
sys.set_int_max_str_digits(640)
try:
    str(10 ** 700)
except ValueError as e:
    print("ValueError:", e)
try:
    int("1" * 700)
except ValueError as e:
    print("ValueError:", e)
print(len(str(10 ** 639)), sys.flags.int_max_str_digits, sys.int_info.default_max_str_digits, sys.int_info.str_digits_check_threshold)
sys.set_int_max_str_digits(0)
print(len(str(10 ** 5000)), sys.get_int_max_str_digits())
sys.set_int_max_str_digits(maxdigits=4300)
print(sys.get_int_max_str_digits())
print(hex(10 ** 5000)[:10], len(bin(3 ** 9000)))
