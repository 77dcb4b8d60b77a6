# The layers open() stacks, their reprs and attributes, and what closing does to them.
import io
import os

p = '/tmp/pml_io_repr.txt'
t = open(p, 'w')
print(t, t.name, t.mode, t.encoding, t.errors, t.line_buffering, t.newlines)
print(t.buffer, t.buffer.raw, t.buffer.raw.mode, t.buffer.raw.closefd, t.buffer.name, t.buffer.mode)
print(type(t).__mro__)
print(type(t.buffer).__name__, type(t.buffer.raw).__name__, isinstance(t.buffer, io.BufferedIOBase),
      isinstance(t.buffer.raw, io.RawIOBase), isinstance(t, io.TextIOBase), isinstance(t, io.IOBase))
t.close()
print(t, t.closed, t.buffer.closed, t.buffer.raw.closed, t.buffer.raw)
for mode in ['rb', 'wb', 'ab', 'r+b', 'w+b', 'a+', 'r+']:
    f = open(p, mode)
    layer = f.buffer if 'b' not in mode else f
    print(mode, f, layer, layer.raw, layer.raw.mode)
    f.close()
raw = io.FileIO(p, 'w')
print(raw, raw.mode, raw.name, raw.writable(), raw.readable(), raw.seekable())
raw.close()
print(raw)
print(io.BufferedReader, io.TextIOWrapper, io.FileIO, io.BytesIO, io.StringIO, io.UnsupportedOperation)
print(io.UnsupportedOperation.__mro__)
print(io.DEFAULT_BUFFER_SIZE, io.SEEK_SET, io.SEEK_CUR, io.SEEK_END, open is io.open)
os.remove(p)
