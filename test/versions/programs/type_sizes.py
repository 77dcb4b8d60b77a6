# Type objects: a builtin type, classes with and without __slots__, and what type itself reports.
import sys

class Slotted:
    __slots__ = ('a', 'b')

class MoreSlots:
    __slots__ = ('a', 'b', 'c', 'd')

class Plain:
    pass

class Child(Plain):
    def __init__(self):
        self.x = 1

print('builtin int', sys.getsizeof(int), type.__sizeof__(int))
print('builtin object', sys.getsizeof(object), sys.getsizeof(type))
print('slotted', sys.getsizeof(Slotted), sys.getsizeof(MoreSlots), type.__sizeof__(Slotted))
print('plain', sys.getsizeof(Plain), sys.getsizeof(Child))
print('type', type.__basicsize__, type.__itemsize__)
