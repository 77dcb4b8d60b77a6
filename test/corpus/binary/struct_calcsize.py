# calcsize: repeat counts, alignment padding in native mode, none in standard modes.
import struct

formats = ['', 'x', 'c', 'ci', 'ic', 'cq', 'qc', 'chi', 'c0i', '0i', '5s', '5p', '10x', '3i', 'i3x',
           'bhilqnNP', '?e', 'cd', 'cf', 'ce', '2s2i', 'i 2h', '  q  ', '@ci', '=ci', '<ci', '>ci', '!ci',
           'llll', 'c' * 50, '100000000i', b'ii', b'<5q']
for f in formats:
    print(repr(f), struct.calcsize(f), struct.Struct(f).size)
print(struct.calcsize('99999999999999999i'))
for bad in ('3', '<<', 'i<', 'z', '2 i', '-1i', 'i@', '99999999999999999999i', 'q' * 3 + '9'):
    try:
        struct.calcsize(bad)
    except struct.error as e:
        print(repr(bad), 'error:', e)
for bad in (1, None, ['i']):
    try:
        struct.calcsize(bad)
    except TypeError as e:
        print(type(bad).__name__, 'TypeError:', e)
