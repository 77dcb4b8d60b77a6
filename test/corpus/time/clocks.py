# The clocks: types, monotonicity, sleep's argument checks, get_clock_info.
import time

a, b = time.monotonic(), time.monotonic()
print(type(a).__name__, b >= a, type(time.monotonic_ns()).__name__, type(time.time_ns()).__name__)
p0 = time.perf_counter()
time.sleep(0.25)
print(time.perf_counter() - p0 >= 0.25)
print(time.time() > 1.6e9, time.process_time() >= 0, type(time.process_time_ns()).__name__)
for name in ('time', 'monotonic', 'perf_counter', 'process_time', 'thread_time'):
    info = time.get_clock_info(name)
    print(name, info.implementation, info.monotonic, info.adjustable, info.resolution)
try:
    time.get_clock_info('nope')
except ValueError as e:
    print('ValueError', e)
for bad in ('x', float('nan'), -1, -0.5, 1e300, 10 ** 30, None):
    try:
        time.sleep(bad)
        print('slept')
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__, e)
time.sleep(0)
time.sleep(False)
print(time.CLOCK_REALTIME, time.CLOCK_MONOTONIC, time.CLOCK_PROCESS_CPUTIME_ID, time.clock_getres(time.CLOCK_MONOTONIC))
print(type(time.clock_gettime(time.CLOCK_MONOTONIC)).__name__, type(time.clock_gettime_ns(time.CLOCK_REALTIME)).__name__)
