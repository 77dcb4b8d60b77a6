# Struct objects: attributes, the size of their code block, subclassing, re-initialisation.
import struct, sys

for fmt in ('', 'i', 'ihq5s', '<2hxq', '5s5p', 'x', '10x', 'c' * 20, '20c', '3i2h'):
    s = struct.Struct(fmt)
    print(repr(fmt), s.size, s.format, sys.getsizeof(s), s.__sizeof__())
s = struct.Struct(b'<i')
print(s.format, type(s.format).__name__, s.pack(7), s.unpack(b'\x07\x00\x00\x00'))
s.__init__('>hh')
print(s.format, s.size, s.pack(1, 2))
try:
    s.size = 3
except AttributeError as e:
    print('AttributeError:', e)

class Record(struct.Struct):
    def __init__(self):
        super().__init__('<ic')

r = Record()
print(type(r).__name__, r.size, r.pack(1, b'a'), isinstance(r, struct.Struct))
print(struct.Struct(format='q').size)
for bad in (5, None):
    try:
        struct.Struct(bad)
    except TypeError as e:
        print('TypeError:', e)
try:
    struct.Struct('i\u00e9')
except UnicodeEncodeError as e:
    print('UnicodeEncodeError:', e)
try:
    s.pack(1)
except struct.error as e:
    print('error:', e)
print(struct.error.__name__, struct.error.__module__, issubclass(struct.error, Exception))
print(struct.Struct.__name__, type(struct.Struct('i')).__module__)
print(sorted(struct.__all__))
struct._clearcache()
print(struct.pack('<h', 1))
