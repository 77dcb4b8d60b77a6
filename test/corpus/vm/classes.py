class Animal:
    kind = "animal"
    count = 0
    def __init__(self, name):
        self.name = name
        Animal.count += 1
    def speak(self):
        return f"{self.name} makes a sound"
    def __repr__(self):
        return f"{type(self).__name__}({self.name!r})"
    @classmethod
    def create(cls, name):
        return cls(name)
    @staticmethod
    def helper(x):
        return x * 2
    @property
    def upper(self):
        return self.name.upper()

class Dog(Animal):
    kind = "dog"
    def speak(self):
        base = super().speak()
        return base + " (woof)"

d = Dog.create("rex")
print(d, d.speak(), d.kind, Animal.kind, d.upper, Dog.helper(21), Animal.count)
print(isinstance(d, Animal), issubclass(Dog, Animal), type(d) is Dog, Dog.__mro__)
print(Dog.__name__, Dog.__qualname__, Dog.speak.__qualname__)

class Vec:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y)
    def __eq__(self, o):
        return (self.x, self.y) == (o.x, o.y)
    def __len__(self):
        return 2
    def __iter__(self):
        yield self.x
        yield self.y
    def __getitem__(self, i):
        return (self.x, self.y)[i]
print(list(Vec(1, 2) + Vec(3, 4)), Vec(1, 1) == Vec(1, 1), len(Vec(0, 0)), Vec(5, 6)[1])
a, b = Vec(7, 8)
print(a, b)

def outer():
    class Local:
        def method(self):
            return __class__.__name__
    return Local().method()
print(outer())

class Meta(type):
    def __new__(mcls, name, bases, ns):
        ns["tag"] = name.lower()
        return super().__new__(mcls, name, bases, ns)
class Tagged(metaclass=Meta):
    pass
print(Tagged.tag, type(Tagged).__name__)
class Counter:
    __slots__ = ("n",)
    def __init__(self):
        self.n = 0
c = Counter()
c.n += 5
print(c.n)
try:
    c.other = 1
except AttributeError as e:
    print("AttributeError", e)
