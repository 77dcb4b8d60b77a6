# BytesIO's buffer: shared with the bytes it was given and with getvalue(), grown with
# over-allocation, counted by sys.getsizeof only while owned; getbuffer pins it.
import io
import sys

b = io.BytesIO()
sizes = [sys.getsizeof(b)]
for chunk in [b'x' * 10, b'y', b'z' * 7, b'w' * 200, b'v']:
    b.write(chunk)
    sizes.append(sys.getsizeof(b))
print(sizes)
v = b.getvalue()
print(len(v), sys.getsizeof(b), b.getvalue() is v, sys.getrefcount(v))
del v
print(sys.getsizeof(b))

data = b'payload' * 3
s = io.BytesIO(data)
print(sys.getsizeof(s), s.getvalue() is data, s.read() is data)
s.seek(0)
s.write(b'P')
print(sys.getsizeof(s), s.getvalue(), data[:7])
s.truncate(4)
print(sys.getsizeof(s), s.getvalue())

m = io.BytesIO(b'abcdef')
view = m.getbuffer()
view[0] = ord('A')
print(m.getvalue(), len(view), view.readonly)
for op in [lambda: m.write(b'x'), lambda: m.truncate(1), m.close]:
    try:
        op()
    except BufferError as e:
        print('BufferError:', e)
view.release()
m.write(b'q')
print(m.getvalue())
big = io.BytesIO(b'0' * 1000)
print(sys.getsizeof(big))
big.seek(0, 2)
big.write(b'1')
print(sys.getsizeof(big), len(big.getvalue()))
