# How each initializer sizes the storage: exact for list/tuple/array/str, grown for iterables and bytes.
import array, sys

cases = [
    ('b', None), ('d', None), ('d', [1, 2, 3]), ('h', (1, 2)), ('b', b'abc'), ('b', bytearray(b'abcdef')),
    ('u', 'abc'), ('h', range(10)), ('i', iter([1, 2, 3, 4, 5])), ('i', array.array('i', [1, 2, 3])),
    ('i', []), ('i', ()), ('q', range(17)), ('f', map(float, range(9))), ('B', b''), ('I', [7] * 33),
]
for code, init in cases:
    a = array.array(code) if init is None else array.array(code, init)
    print(code, type(init).__name__, len(a), sys.getsizeof(a), a.buffer_info()[1], a.itemsize)
print(array.array('i', [1, 2]), array.array('u', 'hi'), array.array('d'), array.array('f', [1.5]))
for args in (('z',), (1,), ('ii',), ('i', 'abc'), ('i', array.array('u', 'a')), ('i', [1], 3), (), ('i', 5), ('i', [1.5])):
    try:
        array.array(*args)
    except (TypeError, ValueError) as e:
        print(args[:1], type(e).__name__, e)
try:
    array.array(typecode='i')
except TypeError as e:
    print('TypeError:', e)
print(array.typecodes, array.ArrayType is array.array, array.array.__module__, array.array.__name__)
