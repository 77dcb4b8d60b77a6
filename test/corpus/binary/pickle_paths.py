# dumps() and a Pickler writing to a file give the same bytes for every protocol, and the
# memo, batching and frames agree between them on larger builtin data.


import pickle


class Sink:
    def __init__(self):
        self.parts = []

    def write(self, b):
        self.parts.append(bytes(b))


shared = ['s', 1.5]
values = [
    None, True, 0, -7, 2**40, -(2**70), 0.25, 'abc', 'é' * 100, 'x' * 70000, b'\x00' * 300, b'y' * 70000,
    (1, (2, (3, (4,)))), [shared, shared, (shared, shared)], {i: [i] * 3 for i in range(1500)},
    {frozenset({1, 2}): {3, 4}}, [[]] * 5, list(range(3000)), {'k': bytearray(b'ab')},
    [str(i) for i in range(5000)],
]
for proto in range(6):
    for v in values:
        if proto < 3 and ('bytes' in repr(type(v)) or (isinstance(v, dict) and 'k' in v)):
            continue
        if proto < 3 and isinstance(v, bytes):
            continue
        if proto < 5 and isinstance(v, dict) and 'k' in v:
            continue
        a = pickle.dumps(v, proto)
        sink = Sink()
        pickle.Pickler(sink, proto).dump(v)
        b = b''.join(sink.parts)
        back = pickle.loads(a)
        print(proto, type(v).__name__, len(a), a == b, back == v, a[:24])
