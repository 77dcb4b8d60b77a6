# str in every protocol, bytes and bytearray from protocol 3, and the protocol 0 escapes.
import pickle

texts = ['', 'a', 'héllo', '\u20ac\U0001f600', 'x' * 300, 'a\nb\\c\0\r\x1a', 'tab\there \x7f\xff']
for proto in range(6):
    for t in texts:
        data = pickle.dumps(t, proto)
        assert pickle.loads(data) == t
        print(proto, len(t), data if len(data) < 80 else (len(data), data[:50]))
for proto in (3, 4, 5):
    for b in (b'', b'ab', b'\x00\xff' * 200, bytearray(), bytearray(b'xyz')):
        data = pickle.dumps(b, proto)
        back = pickle.loads(data)
        assert back == b and type(back) is type(b)
        print(proto, type(b).__name__, len(b), data if len(data) < 80 else (len(data), data[:30]))
print(pickle.loads(b'\x80\x04\x95\x0c\x00\x00\x00\x00\x00\x00\x00\x8c\x08\xc3\xa9t\xc3\xa9\xe2\x82\xac\x94.'))
print(pickle.loads(b'Vab\\u20acc\np0\n.'))
