# A class whose instances share one keys table counts that table in its own size, however many
# attributes the instances end up with; a class over int has no such table.
import sys


class Plain:
    pass


class Child(Plain):
    pass


class OverInt(int):
    pass


print(sys.getsizeof(Plain), sys.getsizeof(Child), sys.getsizeof(OverInt))
p = Plain()
for i in range(40):
    setattr(p, f"a{i}", i)
print(sys.getsizeof(Plain), type.__sizeof__(Plain) == sys.getsizeof(Plain) - 16)
