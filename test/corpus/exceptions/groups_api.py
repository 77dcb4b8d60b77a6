# ExceptionGroup's attributes, str/repr, split, subgroup and derive, as in CPython 3.11.
eg = ExceptionGroup("msg", [ValueError(1), TypeError(2)])
print(eg.exceptions, eg.message)
print(str(eg), repr(eg))
print(type(BaseExceptionGroup("x", [ValueError()])).__name__)
print(type(BaseExceptionGroup("x", [KeyboardInterrupt()])).__name__)
one = ExceptionGroup("one", (KeyError("k"),))
print(str(one), repr(one), one.args)

for bad in [(1, [ValueError()]), ("m", 5), ("m", []), ("m", [1]), ("m", [KeyboardInterrupt()])]:
    try:
        ExceptionGroup(*bad)
    except Exception as e:
        print(type(e).__name__, e)
try:
    ExceptionGroup("m")
except TypeError as e:
    print("TypeError", e)
try:
    eg.message = "x"
except AttributeError as e:
    print("AttributeError", e)

nested = ExceptionGroup("outer", [ValueError("a"), ExceptionGroup("inner", [TypeError("b"), ValueError("c")]), OSError("d")])
m, r = nested.split(ValueError)
print(repr(m))
print(repr(r))
print(repr(nested.subgroup(TypeError)))
print(repr(nested.subgroup((TypeError, OSError))))
print(nested.subgroup(BaseException) is nested)
print(nested.subgroup(KeyError))
print(nested.split(lambda e: isinstance(e, ExceptionGroup) and e.message == "inner"))
print(nested.split(lambda e: not isinstance(e, ExceptionGroup) and str(e) in "ac"))
try:
    nested.split(5)
except TypeError as e:
    print("TypeError", e)
try:
    nested.split((ValueError, 3))
except TypeError as e:
    print("TypeError", e)

nested.add_note("a note")
try:
    raise nested
except ExceptionGroup as e:
    caught = e
m, r = caught.split(ValueError)
print(m.__traceback__ is caught.__traceback__, m.__notes__, m.__notes__ is caught.__notes__)
print(repr(nested.derive([KeyError(1)])))

class MyEG(ExceptionGroup):
    def derive(self, excs):
        return MyEG(self.message + "!", excs)

mine = MyEG("mine", [ValueError(1), TypeError(2)])
print(repr(mine.split(ValueError)))
try:
    MyEG("x", [KeyboardInterrupt()])
except TypeError as e:
    print("TypeError", e)

class Plain(BaseExceptionGroup):
    pass
print(type(Plain("p", [ValueError()])).__name__)

class Bad(ExceptionGroup):
    def derive(self, excs):
        return ValueError("nope")
try:
    Bad("b", [ValueError(1), TypeError(2)]).split(ValueError)
except TypeError as e:
    print("TypeError", e)
