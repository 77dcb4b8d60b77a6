# readinto fills the caller's own storage: a bytearray, a slice of it through a memoryview, an
# array; read-only targets are refused with CPython's TypeError at every layer.
import array
import io
import os
import sys

p = '/tmp/pml_io_readinto.dat'
with open(p, 'wb') as f:
    f.write(bytes(range(65, 91)))
store = bytearray(10)
before = id(store)
window = memoryview(store)[2:6]
layers = [open(p, 'rb', buffering=0), open(p, 'rb'), io.BytesIO(open(p, 'rb').read())]
for f in layers:
    f.seek(0)
    n1 = f.readinto(store)
    n2 = f.readinto(window)
    print(type(f).__name__, n1, n2, store, id(store) == before, window.tobytes())
    nums = array.array('h', [0, 0])
    print(f.readinto(nums), nums.tobytes())
    for target in [b'xx', 'str', memoryview(b'ro')]:
        try:
            f.readinto(target)
        except TypeError as e:
            print('TypeError:', e)
    f.seek(-2, 2)
    print(f.readinto(store), store[:3], f.readinto(store))
    f.close()
window.release()
print(sys.getrefcount(store), len(store))
os.remove(p)
