# multiprocessing.shared_memory: named segments in /dev/shm shared by forked children and by
# anyone who opens them by name; ShareableList in one segment.
import os
import struct
from multiprocessing import shared_memory


def attempt(what, f):
    try:
        print(what, repr(f()))
    except Exception as e:
        print(what, type(e).__name__, e)


def hide(text, name):
    return text.replace(name, 'NAME')


shm = shared_memory.SharedMemory(create=True, size=10)
print(shm.name.startswith('psm_'), len(shm.name), shm.size, len(shm.buf), hide(repr(shm), shm.name))
st = os.stat('/dev/shm/' + shm.name)
print('file', oct(st.st_mode), st.st_size)
shm.buf[:5] = b'hello'

other = shared_memory.SharedMemory(shm.name)
print('attached', other.size, bytes(other.buf[:5]))
other.buf[5:10] = b'world'
print('first sees', bytes(shm.buf))

pid = os.fork()
if pid == 0:
    struct.pack_into('5s', shm.buf, 0, b'HELLO')
    late = shared_memory.SharedMemory(shm.name)
    late.buf[9] = ord('!')
    late.close()
    os._exit(0)
os.waitpid(pid, 0)
print('after child', bytes(shm.buf), bytes(other.buf))

named = shared_memory.SharedMemory('my_block', create=True, size=4096 + 1)
print(named.name, named.size, repr(named))
attempt('exists', lambda: shared_memory.SharedMemory('my_block', create=True, size=8))
attempt('slash', lambda: shared_memory.SharedMemory('/my_block').size)
named.close()
named.unlink()
attempt('gone', lambda: shared_memory.SharedMemory('my_block'))
attempt('unlink again', named.unlink)
attempt('missing', lambda: shared_memory.SharedMemory('no_such_block'))
attempt('size 0', lambda: shared_memory.SharedMemory(create=True))
attempt('size -1', lambda: shared_memory.SharedMemory(create=True, size=-1))
attempt('no name', lambda: shared_memory.SharedMemory())

other.close()
print('closed', other.buf)
shm.close()
shm.unlink()
print(os.path.exists('/dev/shm/' + shm.name))

sl = shared_memory.ShareableList([1, 2.5, 'abc', b'xy', None, True, -7])
print(hide(repr(sl), sl.shm.name), sl.format, sl.shm.size, len(sl))
sl[0] = 'a string'
sl[2] = 'é'
sl[4] = 3.25
attempt('too long', lambda: sl.__setitem__(3, b'far too long'))
attempt('index', lambda: sl[7])
attempt('assign index', lambda: sl.__setitem__(7, 1))
print(list(sl), sl.format, sl.count(True), sl.index(-7), sl[-1])
pid = os.fork()
if pid == 0:
    sl[6] = 42
    copy = shared_memory.ShareableList(name=sl.shm.name)
    copy[1] = None
    copy.shm.close()
    os._exit(0)
os.waitpid(pid, 0)
print(list(sl))
empty = shared_memory.ShareableList()
print(len(empty), empty.format, empty.shm.size)
for s in (sl, empty):
    s.shm.close()
    s.shm.unlink()
