# Classes by reference and instances through __reduce_ex__: __dict__, __slots__, state hooks.
import pickle


class Plain:
    def __init__(self):
        self.x = 1
        self.y = [1, 2]


class Slotted:
    __slots__ = ('a', 'b')

    def __init__(self):
        self.a = 1


class Stateful:
    def __init__(self):
        self.v = 3

    def __getstate__(self):
        return {'v': self.v * 2}

    def __setstate__(self, state):
        self.v = state['v'] + 1


class Reduced:
    def __init__(self, n):
        self.n = n

    def __reduce__(self):
        return (Reduced, (self.n + 1,))


class MyInt(int):
    pass


class MyList(list):
    pass


class MyDict(dict):
    pass


for proto in range(6):
    for v in (Plain, Slotted, int, type(None), len, Plain(), Stateful(), Reduced(4), MyInt(5), MyList([1, 2]), MyDict(a=1)):
        data = pickle.dumps(v, proto)
        back = pickle.loads(data)
        print(proto, data)
        if isinstance(v, type) or callable(v) and not isinstance(v, (Plain, Stateful, Reduced)):
            print(' ', back is v)
        elif isinstance(v, (MyInt, MyList, MyDict)):
            print(' ', type(back).__name__, back)
        else:
            print(' ', type(back).__name__, vars(back))
for proto in (2, 3, 4, 5):
    data = pickle.dumps(Slotted(), proto)
    back = pickle.loads(data)
    print(proto, data, back.a, hasattr(back, 'b'))
