print(hash(None) == hash(None), hash(int) == hash(int), type(hash(None)).__name__)
class E:
    def __eq__(s, o): return True
try: hash(E())
except TypeError as e: print(e)
print(E.__hash__, hash(range(0)) == hash(range(0)))
class F(E):
    pass
try: hash(F())
except TypeError as e: print(e)
