# abc: abstract methods block instantiation, register, __subclasshook__, abstract properties.
from abc import ABC, ABCMeta, abstractmethod, abstractproperty
class Shape(ABC):
    @abstractmethod
    def area(self):
        ...
    @property
    @abstractmethod
    def name(self):
        ...
    def describe(self):
        return f"{self.name}: {self.area():.1f}"
class Sq(Shape):
    def __init__(self, s):
        self.s = s
    def area(self):
        return self.s ** 2
    @property
    def name(self):
        return "square"
print(Sq(3).describe(), sorted(Shape.__abstractmethods__), Sq.__abstractmethods__)
for cls in (Shape,):
    try:
        cls()
    except TypeError as e:
        print("TypeError:", e)
class Half(Shape):
    def area(self):
        return 0
try:
    Half()
except TypeError as e:
    print("TypeError:", e)
class Drawable(metaclass=ABCMeta):
    @classmethod
    def __subclasshook__(cls, C):
        if cls is Drawable:
            return any("draw" in B.__dict__ for B in C.__mro__) or NotImplemented
        return NotImplemented
class Canvas:
    def draw(self):
        pass
print(issubclass(Canvas, Drawable), isinstance(Canvas(), Drawable), issubclass(int, Drawable))
class Plugin(ABC):
    pass
@Plugin.register
class External:
    pass
print(issubclass(External, Plugin), isinstance(External(), Plugin), External.__mro__, Plugin.register(int) is int, isinstance(3, Plugin))
class Base(ABC):
    @staticmethod
    @abstractmethod
    def make():
        ...
    @classmethod
    @abstractmethod
    def kind(cls):
        ...
class Impl(Base):
    @staticmethod
    def make():
        return "made"
    @classmethod
    def kind(cls):
        return cls.__name__
print(Impl.make(), Impl.kind(), sorted(Base.__abstractmethods__), type(Shape).__name__, isinstance(Shape, ABCMeta))
