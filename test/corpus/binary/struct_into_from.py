# pack_into and unpack_from work in place on bytearrays and memoryviews, with offsets.
import struct

buf = bytearray(16)
struct.pack_into('<hi', buf, 2, -1, 123456)
print(buf.hex())
struct.pack_into('>H', buf, -2, 0xabcd)
print(buf.hex())
mv = memoryview(buf)
struct.pack_into('<q', mv, 8, -2)
print(buf.hex(), struct.unpack_from('<q', buf, 8), struct.unpack_from('<q', mv[8:]))
print(struct.unpack_from('<hi', buf, offset=2), struct.unpack_from('>H', buf, -2), struct.unpack_from('B', b'abc'))
print(struct.Struct('<i').unpack_from(b'abcdefgh', 4), struct.unpack_from('<2h', buffer=b'\x01\x00\x02\x00'))

def attempt(f, *args, **kw):
    try:
        return f(*args, **kw)
    except (struct.error, TypeError, BufferError, ValueError) as e:
        return '%s: %s' % (type(e).__name__, e)

print(attempt(struct.unpack_from, 'i', b'abcdefg', 5))
print(attempt(struct.unpack_from, 'i', b'abcdefg', -1))
print(attempt(struct.unpack_from, 'i', b'abcdefg', -10))
print(attempt(struct.pack_into, 'i', bytearray(3), 0, 1))
print(attempt(struct.pack_into, 'i', bytearray(8), 6, 1))
print(attempt(struct.pack_into, 'i', bytearray(8), -10, 1))
print(attempt(struct.pack_into, 'i', bytearray(8), -2, 1))
print(attempt(struct.pack_into, 'i', b'12345678', 0, 1))
print(attempt(struct.pack_into, 'i', bytearray(8)))
print(attempt(struct.pack_into, 'i', bytearray(8), 0))
print(attempt(struct.pack_into, 'i'))
print(attempt(struct.pack_into, 'i', bytearray(8), 'a', 1))
print(attempt(struct.pack_into, 'i', memoryview(b'abcd'), 0, 1))
print(attempt(struct.unpack_from, 'i', b'abcd', bad=0))
print(attempt(struct.unpack, 'ii', memoryview(b'12345678')[::2]))
print(attempt(struct.unpack, 'i', 'abcd'))
print(attempt(struct.unpack, 'i', b'abc'))
print(attempt(struct.unpack, 'i'))
print(struct.unpack('i', memoryview(b'1234')), struct.unpack('i', bytearray(b'1234')))
# A bytearray lent to unpack_from can still be resized afterwards.
b = bytearray(b'\x01\x00\x00\x00')
struct.unpack_from('<i', b)
b.append(9)
print(len(b))
