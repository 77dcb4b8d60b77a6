# Floats: half precision rounding (ties to even), single precision overflow, specials.
import struct, math

for x in (0.0, -0.0, 1.0, -1.0, 1.5, 65504.0, 65519.99, 6.1e-5, 6.103515625e-05, 5.96e-8, 2.9e-8, 3e-8,
          2.0 ** -25, 3 * 2.0 ** -26, 1e-10, 0.1, 1 / 3, 2049.0, 2051.0, 1000.5, float('inf'), float('-inf')):
    data = struct.pack('<e', x)
    print(repr(x), data.hex(), struct.unpack('<e', data)[0])
print(struct.pack('<e', float('nan')).hex(), math.isnan(struct.unpack('<e', b'\x00\x7e')[0]))
for x in (65520.0, 1e10, -1e6):
    try:
        struct.pack('<e', x)
    except OverflowError as e:
        print(repr(x), 'OverflowError:', e)
for x in (0.1, 1 / 3, 3.4028234e38, 1e-45, 1e-46, -2.5):
    data = struct.pack('<f', x)
    print(repr(x), data.hex(), struct.unpack('<f', data)[0])
for fmt in ('<f', '>f'):
    try:
        struct.pack(fmt, 1e300)
    except OverflowError as e:
        print(fmt, 'OverflowError:', e)
print('native f', struct.pack('f', 1e300).hex(), struct.pack('f', -1e300).hex())
for x in (0.1, 1e308, 5e-324, -0.0, float('inf')):
    print(repr(x), struct.pack('>d', x).hex(), struct.unpack('<d', struct.pack('<d', x)))
print(struct.pack('<d', 10), struct.pack('<f', True))
for bad in (10**400, 'x', None):
    try:
        struct.pack('d', bad)
    except struct.error as e:
        print(type(bad).__name__, 'error:', e)
