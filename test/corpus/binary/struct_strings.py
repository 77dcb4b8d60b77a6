# 's', 'p', 'c', '?' and 'x': padding, truncation and Pascal length bytes.
import struct

for fmt, v in (('5s', b'ab'), ('5s', b'abcdefg'), ('0s', b'abc'), ('s', b''), ('3s', bytearray(b'xyz')),
               ('5p', b'ab'), ('5p', b'abcdefg'), ('1p', b'abc'), ('300p', b'a' * 300),
               ('c', b'\x00'), ('?', []), ('?', 'x'), ('?', 0.0), ('3x?', 1)):
    data = struct.pack(fmt, v)
    print(fmt, len(data), data[:12], struct.unpack(fmt, data)[0][:12] if fmt.endswith(('s', 'p')) else struct.unpack(fmt, data))
print(struct.unpack('3p', b'\x05ab'), struct.unpack('3p', b'\x01ab'), struct.unpack('0s2x', b'ab'))
print(struct.unpack('2c?x?', b'ab\x02\x00\x00'))
for fmt, v in (('c', b'ab'), ('c', 'a'), ('c', bytearray(b'a')), ('s', 'text'), ('p', 5), ('c', 1)):
    try:
        struct.pack(fmt, v)
    except struct.error as e:
        print(fmt, type(v).__name__, 'error:', e)
print(struct.pack('0p', b'q'), struct.pack('2s3s', b'hello', b'hi'), struct.pack('x'), struct.unpack('x', b'?'))
