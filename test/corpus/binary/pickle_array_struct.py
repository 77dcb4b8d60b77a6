# Arrays pickle through array._array_reconstructor from protocol 3 and as lists before.
import pickle, array, struct

for proto in range(6):
    a = array.array('i', [1, -2, 3])
    data = pickle.dumps(a, proto)
    back = pickle.loads(data)
    print(proto, data, back, back == a)
for code in 'bBhHiIlLqQfdu':
    a = array.array(code, 'ab' if code == 'u' else [1, 2])
    r = a.__reduce_ex__(3)
    print(code, r[1][1:3], r[1][3])
print(array._array_reconstructor(array.array, 'h', 5, b'\x00\x01\x00\x02'))
print(array._array_reconstructor(array.array, 'i', 8, b'\x01\x00\x00\x00'))
for args in ((5, 'i', 8, b''), (array.array, 'z', 8, b''), (array.array, 'i', 99, b''), (array.array, 'i', 8, 'x'), (int, 'i', 8, b'')):
    try:
        array._array_reconstructor(*args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
record = struct.pack('<ihd', 7, -1, 2.5)
print(pickle.dumps(record, 4), pickle.loads(pickle.dumps(record)) == record)
