# Nested payloads survive dumps/loads in every protocol, with the bytes of the default protocol.
import pickle

payload = {
    'ints': list(range(-3, 300, 37)),
    'floats': (0.5, -2.25, 1e-9),
    'text': ['alpha', 'béta', '\u4e2d'],
    'blob': b'\x00\x01\x02',
    'flags': {True, False},
    'nested': [{'k': [1, (2, 3)]}, frozenset({'a'})],
    'empty': ([], {}, (), set(), ''),
}
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    if proto < 3:
        continue
    data = pickle.dumps(payload, proto)
    back = pickle.loads(data)
    print(proto, len(data), back == payload, list(back) == list(payload))
print(pickle.dumps(payload))


class Sink:
    def __init__(self):
        self.parts = []

    def write(self, b):
        self.parts.append(bytes(b))


sink = Sink()
pickle.Pickler(sink, 2).dump([1, 2])
print(sink.parts)
p = pickle.Pickler(sink, 4)
p.dump('x')
p.dump('x')
print(sink.parts[-4:])


class Source:
    def __init__(self, data):
        self.data = data
        self.pos = 0

    def read(self, n):
        chunk = self.data[self.pos:self.pos + n]
        self.pos += len(chunk)
        return chunk

    def readline(self):
        end = self.data.find(b'\n', self.pos)
        end = len(self.data) if end < 0 else end + 1
        chunk = self.data[self.pos:end]
        self.pos = end
        return chunk


src = Source(pickle.dumps([1, 'two'], 0) + pickle.dumps({3: 4}, 4))
u = pickle.Unpickler(src)
print(u.load(), u.load())
print(pickle.load(Source(pickle.dumps((5, 6)))))
