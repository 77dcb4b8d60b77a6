# Native '@' packing: every format code, sizes and the padding alignment inserts.
import struct

values = {
    'b': -5, 'B': 200, 'h': -300, 'H': 60000, 'i': -70000, 'I': 4000000000, 'l': -2**40, 'L': 2**63,
    'q': -2**62, 'Q': 2**64 - 1, 'n': -7, 'N': 7, 'P': 0xdeadbeef, '?': True, 'c': b'z',
    'e': 1.5, 'f': 0.1, 'd': 0.1,
}
for code, v in values.items():
    data = struct.pack(code, v)
    print(code, struct.calcsize(code), data.hex(), struct.unpack(code, data))

cases = {
    'ci': (b'a', 5), 'cq': (b'a', 5), 'ch': (b'a', 5), 'cd': (b'a', 0.5), 'bhbi': (1, 2, 3, 4), 'xi': (5,),
    '3ci': (b'a', b'b', b'c', 5), 'c0i': (b'a',), '?l': (True, -1), 'hP': (3, 4), 'e?f': (0.5, False, 2.0),
    'c2hq': (b'a', 1, 2, 3), '@bq': (1, 2), 'i?': (1, True),
}
for fmt, args in cases.items():
    data = struct.pack(fmt, *args)
    print(fmt, struct.calcsize(fmt), data.hex(), struct.unpack(fmt, data))
