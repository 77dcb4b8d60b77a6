# Protocol 5: PickleBuffer wraps an exporter; buffers go in band or out of band through buffer_callback.
import pickle, sys
b = bytearray(b'abcdef')
pb = pickle.PickleBuffer(b)
m = memoryview(pb)
print(m.obj is b, m.readonly, m.tobytes(), pickle.PickleBuffer, type(pb).__module__)
try:
    b.append(1)
except BufferError as e:
    print('BufferError', e)
m.release()
with pb.raw() as r:
    print(r.format, r.nbytes, r.readonly, r.tobytes())
pb.release()
try:
    pb.raw()
except ValueError as e:
    print('ValueError', e)
b.append(1)
print(b)
for proto in (5,):
    for obj in (pickle.PickleBuffer(b'xyz'), pickle.PickleBuffer(bytearray(b'xyz')), [pickle.PickleBuffer(b'q' * 10)]):
        print(pickle.dumps(obj, proto))
bufs = []
data = pickle.dumps([pickle.PickleBuffer(b'abc'), pickle.PickleBuffer(bytearray(b'de'))], 5, buffer_callback=bufs.append)
print(data, len(bufs), [bytes(x.raw()) for x in bufs])
back = pickle.loads(data, buffers=bufs)
print([type(x).__name__ for x in back], [bytes(x) for x in back])
data = pickle.dumps([pickle.PickleBuffer(b'abc')], 5, buffer_callback=lambda b: False)
print(data)
try:
    pickle.dumps(pickle.PickleBuffer(b'x'), 4)
except pickle.PicklingError as e:
    print('PicklingError', e)
try:
    pickle.loads(data.replace(b'C\x03abc', b'\x97'))
except pickle.UnpicklingError as e:
    print('UnpicklingError', e)
try:
    pickle.dumps(1, 4, buffer_callback=print)
except ValueError as e:
    print('ValueError', e)
print(pickle.loads(pickle.dumps(pickle.PickleBuffer(b'ro'), 5)))
