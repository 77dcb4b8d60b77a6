# 'u' arrays: wchar_t items, tounicode/fromunicode and their errors.
import array, sys

u = array.array('u', 'héllo')
print(u, u.itemsize, len(u), sys.getsizeof(u), u.tounicode(), u[1], u[::-1])
u.fromunicode(' wörld\U0001f600')
print(u.tounicode(), len(u), sys.getsizeof(u))
u.append('!')
print(u[-1], u.count('l'), u.index('w'), sys.getsizeof(u))
for call in ((u.fromunicode, 5), (u.append, 5), (u.append, 'ab'), (array.array('i').fromunicode, 'x'),
             (array.array('i').tounicode,)):
    try:
        call[0](*call[1:])
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(repr(array.array('u')), repr(array.array('u', 'a\nb')))
print(array.array('u', 'ab').tobytes())
