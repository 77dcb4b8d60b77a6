# The wording of every integer range error, which differs between native and standard tables.
import struct

def attempt(fmt, v):
    try:
        struct.pack(fmt, v)
        return 'ok'
    except (struct.error, OverflowError) as e:
        return '%s: %s' % (type(e).__name__, e)

for order in ('', '<', '>', '=', '!'):
    for code in 'bBhHiIlLqQ':
        for v in (-1, 300, 70000, 1 << 40, -(1 << 40), 1 << 70, -(1 << 70)):
            r = attempt(order + code, v)
            if r != 'ok':
                print(order + code, v if abs(v) < 10**6 else ('big' if v > 0 else '-big'), r)
for code in 'nNP':
    for v in (-1, 1 << 64, -(1 << 63) - 1):
        print(code, 'big' if abs(v) > 10 else v, attempt(code, v))
for bad in (1.5, 'x', None, [1]):
    print(type(bad).__name__, attempt('i', bad), attempt('>Q', bad), attempt('f', bad))

class Idx:
    def __index__(self):
        return 42

print(struct.pack('<i', Idx()).hex(), struct.pack('d', Idx()).hex(), struct.pack('<i', True).hex())
