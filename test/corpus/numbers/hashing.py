# hashes of equal numbers agree, whatever their type
values = [0, 1, -1, 2**61 - 1, 2**61, 2**100, -(2**100), 0.5, 1.5, -2.25, 1e300, 1e-300, 3+0j, 1.5+0j, 2**53]
for v in values:
    print(repr(v), hash(v), hash(float(v)) if not isinstance(v, complex) else hash(v.real))
print(hash(1) == hash(1.0) == hash(1+0j) == hash(True))
print(hash(float('inf')), hash(float('-inf')), hash(-1), hash(-1.0))
d = {1: 'int', 1.0: 'float', True: 'bool'}
print(d)
s = {0, 0.0, -0.0, False, 0j}
print(s, len(s))
print({2**64: 'a', 2.0**64: 'b'})
print(sorted([3, 1.5, True, -2, 2**70, -0.5]))
print(max(1, 1.0), min(1.0, 1), max(2, 2.5), min(-1, -1.0))
