# Each typecode's conversion errors, as its setitem routine words them.
import array

def attempt(code, v):
    try:
        array.array(code, [v])
        return 'ok'
    except (OverflowError, TypeError) as e:
        return '%s: %s' % (type(e).__name__, e)

for code in 'bBhHiIlLqQ':
    for v in (-1, 128, 256, 32768, 65536, 1 << 31, 1 << 32, -(1 << 40), 1 << 63, 1 << 64, -(1 << 63) - 1, 1.5, 'x'):
        r = attempt(code, v)
        if r != 'ok':
            label = v if not isinstance(v, int) or abs(v) < 10**6 else ('big' if v > 0 else '-big')
            print(code, label, r)
for code, v in (('f', 'x'), ('d', None), ('u', 1), ('u', 'ab'), ('u', ''), ('d', 10**400)):
    print(code, repr(v)[:10], attempt(code, v))

class Idx:
    def __index__(self):
        return 9

a = array.array('i', [Idx(), True])
a[0] = Idx()
print(a, array.array('d', [1, True, 2.5]), array.array('f', [0.1]))
a = array.array('b', [1, 2, 3])
try:
    a.append(1000)
except OverflowError as e:
    print('OverflowError:', e, a)
try:
    a.insert(0, 'x')
except TypeError as e:
    print('TypeError:', e, a)
try:
    a.fromlist([1, 2, 999])
except OverflowError as e:
    print('OverflowError:', e, a)
try:
    a.extend([4, 5, 'z', 6])
except TypeError as e:
    print('TypeError:', e, a)
