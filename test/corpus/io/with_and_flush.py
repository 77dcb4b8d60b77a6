# Buffering as a program sees it: writes reach the file at flush or close, a with block closes
# the file even when its body raises, and an unreferenced file is closed when it is freed.
import os

p = '/tmp/pml_io_flush.txt'
w = open(p, 'w')
w.write('buffered')
print(os.path.getsize(p))
w.flush()
print(os.path.getsize(p))
w.write(' more')
w.close()
print(os.path.getsize(p), w.closed)
try:
    with open(p, 'a') as f:
        f.write('!')
        raise RuntimeError('inside with')
except RuntimeError as e:
    print(e, f.closed)
print(open(p).read())
open(p, 'w').write('written by a temporary file object')
print(open(p).read())
with open(p, 'w', buffering=1) as lb:
    lb.write('no newline yet')
    print(os.path.getsize(p))
    lb.write('\n')
    print(os.path.getsize(p))
with open(p, 'wb', buffering=0) as raw:
    raw.write(b'raw')
    print(os.path.getsize(p))
os.remove(p)
