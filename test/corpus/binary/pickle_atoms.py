# None, bools, ints of every width and floats in every protocol.
import pickle

values = [None, True, False, 0, 1, 255, 256, 65535, 65536, -1, -2**31, 2**31 - 1, 2**31, -2**31 - 1,
          2**63, -2**63, 2**64, 2**2000, -(2**2000), 10**100, 0.0, -0.0, 1.5, 0.1, 1e300, -1e-300,
          float('inf'), float('-inf')]
for proto in range(6):
    for v in values:
        data = pickle.dumps(v, proto)
        back = pickle.loads(data)
        assert back == v and type(back) is type(v), (proto, v)
        print(proto, repr(v)[:20], data if len(data) < 60 else (len(data), data[:40]))
print(pickle.dumps(1), pickle.DEFAULT_PROTOCOL, pickle.HIGHEST_PROTOCOL)
print(pickle.dumps(7, -1), pickle.dumps(7, protocol=None))
nan = pickle.loads(pickle.dumps(float('nan')))
print(nan != nan)
print(pickle.encode_long(255), pickle.encode_long(-256), pickle.encode_long(0), pickle.decode_long(b'\xff\x00'))
