# bytearray's over-allocation and shrinking, and the sizes of strings and bytes built by join,
# concatenation and formatting.
import sys
size = sys.getsizeof

b = bytearray()
seen = []
for i in range(600):
    b.append(i & 0x7f)
    if not seen or seen[-1][1] != size(b):
        seen.append((i + 1, size(b)))
print('append', seen)
c = bytearray()
grow = []
for n in (1, 3, 10, 30, 100, 300, 1000):
    c.extend(b'x' * n)
    grow.append(size(c))
print('extend', grow)
c = bytearray(b'abc')
c += b'defgh'
d = bytearray(10)
d[2:4] = b'123456'
e = bytearray(b'x' * 100)
del e[10:]
f = bytearray(b'y' * 100)
f[:90] = b''
print('edit', size(c), size(d), size(e), size(f), size(bytearray(b'q') * 7))
for n in (0, 1, 2, 9, 40):
    words = ['ab'] * n
    print('join', n, size(''.join(words)), size(','.join(words)), size(b''.join([b'cd'] * n)),
          size('\u00e9'.join(words)), size('\u20ac'.join(words)), size('-'.join(['\U0001f600'] * n)))
s = ''
lens = []
for i in range(12):
    s += 'z'
    lens.append(size(s))
print('concat', lens)
print('format', size('%d-%s' % (12345, 'abc')), size('{}:{}'.format('k', 'v' * 20)), size(str(10 ** 30)),
      size(repr(1.5)), size(b'%d' % 7), size(bytes(range(5))))
