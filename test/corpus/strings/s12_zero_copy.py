# Zero-copy slicing: a memoryview slice shares its buffer, a bytes slice copies it.
import sys
payload = bytes(range(256)) * 40
copied = payload[1024:]
view = memoryview(payload)[1024:]
print(len(payload), len(copied), len(view), sys.getsizeof(copied) > 9000, view.nbytes)
print(view.obj is payload, bytes(view[:4]) == copied[:4])
buf = bytearray(16)
window = memoryview(buf)[4:8]
window[:] = b"DATA"
print(buf)
sent = 0
out = bytearray()
chunk = memoryview(b"0123456789" * 3)
while sent < len(chunk):
    piece = chunk[sent:sent + 7]
    out += piece
    sent += len(piece)
print(out, sent)
