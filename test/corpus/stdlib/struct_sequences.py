# Struct sequences (time.struct_time, os.stat_result, sys.version_info and sys.flags,
# resource.struct_rusage): visible and hidden fields, the n_* counts, sizes, constructors and
# their errors, pickling through __reduce__.
import time, os, sys, pickle, resource

t = time.gmtime(0)
print(t, t.tm_zone, t.tm_gmtoff, len(t), t.n_fields, t.n_sequence_fields, t.n_unnamed_fields, sys.getsizeof(t))
print(time.struct_time((2020, 1, 2, 3, 4, 5, 6, 7, 0)), time.struct_time((2020,) * 9).tm_zone)
print(time.struct_time((2020,) * 9, {'tm_zone': 'UTC', 'tm_gmtoff': 7}).tm_gmtoff, time.struct_time((1,) * 11).tm_zone)
for bad in (((1, 2),), ((1,) * 12,), ((1,) * 9, 5)):
    try:
        time.struct_time(*bad)
    except TypeError as e:
        print('TypeError', e)
st = os.stat('/tmp')
print(type(st).__name__, len(st), st.n_fields, st.n_sequence_fields, st.n_unnamed_fields, sys.getsizeof(st))
print(st.st_mode == st[0], isinstance(st.st_atime, float), st[7] == int(st.st_atime), st.st_blksize)
print(repr(st).split('(')[0], repr(st).count('='), repr(st).count('st_atime='))
print(sys.version_info[:2], sys.version_info.major, sys.flags.optimize, sys.getsizeof(sys.version_info), sys.float_info.dig)
print(type(sys.version_info).n_fields, type(sys.flags).n_unnamed_fields)
for T in (type(sys.version_info), type(sys.flags)):
    try:
        T((1,))
    except TypeError as e:
        print('TypeError', e)
back = pickle.loads(pickle.dumps(t))
print(back == t, back.tm_zone, back.tm_gmtoff, t.__reduce__())
r = resource.getrusage(resource.RUSAGE_SELF)
print(type(r).__name__, len(r), r.n_fields, isinstance(r.ru_utime, float))
