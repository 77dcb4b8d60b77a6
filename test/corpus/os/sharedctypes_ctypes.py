# The minimal ctypes behind multiprocessing.sharedctypes: fundamental types wrap as C casts do,
# arrays index and slice, char arrays have value and raw, from_buffer shares a buffer's bytes.
import ctypes as c
def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
t(lambda: c.c_int('x')); t(lambda: c.c_int(2**40)); t(lambda: c.c_ubyte(-1)); t(lambda: c.c_char(b'ab')); t(lambda: c.c_char(65)); t(lambda: c.c_char('a')); t(lambda: c.c_double('x')); t(lambda: c.c_double(3)); t(lambda: c.c_bool(5)); t(lambda: c.c_wchar('ab')); t(lambda: c.c_wchar('z'))
t(lambda: c.c_float(1.1).value); t(lambda: c.c_size_t); t(lambda: c.c_long(1.5))
A = c.c_int*3; t(lambda: A.__name__); t(lambda: A(1,2,3,4)); a=A(1,2); t(lambda: a[:]); t(lambda: a[3]); t(lambda: a.__setitem__(slice(0,2), [1])); t(lambda: a.__setitem__(0, 'x')); t(lambda: len(a)); t(lambda: list(a)); t(lambda: a[-1]); t(lambda: a[::2])
s = (c.c_char*5)(); s.value=b'ab'; t(lambda: (s.value, s.raw, s[0], s[:2])); t(lambda: setattr(s, 'value', b'toolong')); s.raw=b'12345'; t(lambda: s.value)
w = (c.c_wchar*4)('a','b'); t(lambda: (w.value, w[0], w[:]))
t(lambda: c.sizeof(c.c_int)); t(lambda: c.sizeof(A)); t(lambda: c.sizeof(a)); t(lambda: c.sizeof(3))
t(lambda: c.c_int.from_buffer(bytearray(2))); t(lambda: c.c_int.from_buffer(b'1234')); t(lambda: c.c_int.from_buffer(bytearray(8), 4).value)
t(lambda: c.c_int(3) == c.c_int(3)); t(lambda: A*2); t(lambda: (A*2).__name__); t(lambda: c.c_int * -1)
class X(c.c_int): pass
t(lambda: repr(X(3))[:12]); t(lambda: c.c_int.__mro__)
t(lambda: (c.c_double*2)(1.5)[0]); t(lambda: (c.c_bool*2)(1)[0]); t(lambda: (c.c_char*2)(b'a')[0]); t(lambda: (c.c_ubyte*2)(300)[0])
t(lambda: [c.sizeof(x) for x in (c.c_bool, c.c_char, c.c_wchar, c.c_byte, c.c_short, c.c_int, c.c_long, c.c_longlong, c.c_float, c.c_double, c.c_size_t)])
t(lambda: (c.c_short(-2), c.c_uint(-1), c.c_ulonglong(-1), c.c_float(0.5), c.c_longlong(2**63)))
b = bytearray(8); v = c.c_int.from_buffer(b, 4); v.value = 258; t(lambda: bytes(b))
