# Argument errors of native module functions: the functions CPython names with their module
# (METH_O, METH_NOARGS, fastcall: time.sleep(), math.sqrt()) and those it names bare (functions
# parsing a format string: clock_getres(), builtins: len()).
import math, time, gc, sys, binascii, heapq, bisect

calls = [
    (time.sleep, ()), (time.sleep, (1, 2)), (time.time, (1,)), (time.monotonic_ns, (1,)),
    (time.clock_getres, ()), (time.clock_gettime, (1, 2)), (time.clock_gettime_ns, ()), (time.get_clock_info, ()),
    (math.sqrt, ()), (math.floor, (1, 2)), (math.factorial, ()), (math.isnan, ()),
    (gc.isenabled, (1,)), (gc.get_referrers.__self__.collect, ('x', 'y', 'z')),
    (sys.getrefcount, ()), (sys.intern, ()), (sys.getrecursionlimit, (1,)),
    (len, ()), (abs, (1, 2)), (id, ()), (globals, (1,)),
    (binascii.crc_hqx, (b'',)), (heapq.heappop, ()),
]
for f, args in calls:
    try:
        f(*args)
    except TypeError as e:
        print(f.__name__, '->', e)
for f in (time.sleep, math.sqrt, time.clock_getres, len):
    try:
        f(x=1)
    except TypeError as e:
        print(f.__name__, 'kw ->', e)
