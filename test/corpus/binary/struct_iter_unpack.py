# iter_unpack walks a buffer record by record and holds the buffer until it is exhausted.
import struct

it = struct.iter_unpack('<h', b'\x01\x00\x02\x00\x03\x00')
print(type(it).__name__, it.__length_hint__(), next(it), it.__length_hint__())
print(list(it), it.__length_hint__(), list(it))
print(list(struct.iter_unpack('<hc', b'\x05\x00x\x06\x00y')))
print(list(struct.Struct('>I').iter_unpack(bytes(range(8)))))
ba = bytearray(b'\x00' * 8)
it = struct.iter_unpack('<i', ba)
try:
    ba.append(1)
except BufferError as e:
    print('BufferError:', e)
print(list(it))
ba.append(1)
print(len(ba))
for fmt, data in (('i', b'abc'), ('', b'abc'), ('x', b'')):
    try:
        struct.iter_unpack(fmt, data)
    except struct.error as e:
        print(repr(fmt), 'error:', e)
try:
    struct.iter_unpack('i', 5)
except TypeError as e:
    print('TypeError:', e)
print(list(struct.iter_unpack('i', b'')))
