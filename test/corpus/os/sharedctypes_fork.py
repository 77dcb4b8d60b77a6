# multiprocessing's shared ctypes: Value, Array, RawValue and RawArray live in shared memory,
# so forked children update what the parent reads; the synchronized wrappers take their lock.
import ctypes
import multiprocessing as mp
import os
from multiprocessing import sharedctypes


def attempt(what, f):
    try:
        print(what, repr(f()))
    except Exception as e:
        print(what, type(e).__name__, e)


counter = mp.Value('i', 0)
print(counter, counter.value, counter.get_obj(), counter.get_lock())
total = mp.Value(ctypes.c_double, 1.5)
raw = mp.RawValue('q', 7)
flag = mp.Value('b', lock=False)
print(total, raw, flag, type(flag).__name__)
arr = mp.Array('i', 5)
data = mp.Array('d', [0.5, 1.5, 2.5])
rarr = mp.RawArray(ctypes.c_ushort, [1, 2, 3])
text = mp.Array('c', 8)
print(arr[:], len(arr), data[:], rarr[:], type(rarr).__name__, type(rarr).__module__)
print(repr(arr).split(' object at ')[0])

kids = []
for k in range(4):
    pid = os.fork()
    if pid == 0:
        for _ in range(50):
            with counter.get_lock():
                counter.value += 1
        arr[k] = (k + 1) * 10
        with total.get_lock():
            total.value += k
        with data.get_lock():
            data[k % 3] += 1
            rarr[0] += 1
        os._exit(0)
    kids.append(pid)
for pid in kids:
    os.waitpid(pid, 0)
print('counter', counter.value)
print('array', arr[:], arr[-1], list(arr))
print('total', total.value, 'data', data[:], 'raw', rarr[:])

pid = os.fork()
if pid == 0:
    text.value = b'hi there'
    raw.value = -1
    flag.value = 3
    os._exit(0)
os.waitpid(pid, 0)
print(text.value, text.raw, raw, flag)
text.value = b'ok'
print(text.value, text.raw[:4], text[0], text[:3])

attempt('index', lambda: arr[5])
attempt('slice size', lambda: arr.__setitem__(slice(0, 2), [1]))
attempt('too long', lambda: setattr(text, 'value', b'123456789'))
attempt('lock', lambda: mp.Value('i', lock=42))
attempt('pickle', lambda: __import__('pickle').dumps(counter))
own = mp.Value('i', 3, lock=mp.Lock())
print(own, own.get_lock())
with own:
    print('held', own.get_lock())
c = sharedctypes.copy(raw)
raw.value = 100
print('copy', c, raw)
print(ctypes.sizeof(arr.get_obj()), ctypes.sizeof(text.get_obj()), mp.Value('u', 'z').value)
