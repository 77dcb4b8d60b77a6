# Standard sizes and byte orders: '<', '>', '=', '!' against the native '@'.
import struct

for order in '<>=!@':
    line = []
    for code in 'bBhHiIlLqQ':
        fmt = order + code
        v = 1 if code.isupper() else -2
        data = struct.pack(fmt, v)
        line.append('%s:%d:%s' % (code, struct.calcsize(fmt), data.hex()))
        assert struct.unpack(fmt, data) == (v,)
    print(order, ' '.join(line))

for order in '<>!=':
    print(order, struct.pack(order + 'hid', 1, 2, 3.0).hex(), struct.calcsize(order + 'cqch'))
    print(order, struct.unpack(order + 'HI', bytes(range(1, 7))))
for order in '<>':
    for code in 'efd':
        print(order, code, struct.pack(order + code, -2.5).hex(), struct.unpack(order + code, struct.pack(order + code, 1 / 3)))
print(struct.pack('>q', -2**63).hex(), struct.pack('<Q', 2**64 - 1).hex())
print(struct.unpack('>q', b'\x80' + b'\0' * 7), struct.unpack('<Q', b'\xff' * 8))
print(struct.unpack('>?', b'\x07'), struct.unpack('<2?', b'\x00\x02'))
