# timeit: the Timer's template, callables, globals, errors; timings are floats that add up.
import timeit

t = timeit.Timer('x = sum(range(10))')
r = t.timeit(number=100)
print(type(r).__name__, r > 0)
rs = t.repeat(repeat=3, number=10)
print(len(rs), all(isinstance(v, float) for v in rs))
print(timeit.timeit('y = a * 2', setup='a = 21', number=5) >= 0)
print(timeit.timeit(lambda: None, number=3) >= 0)
calls = []
print(timeit.timeit(lambda: calls.append(1), setup=lambda: calls.append('setup'), number=4) >= 0, calls)
g = {'d': {'n': 0}}
timeit.timeit("d['n'] += 1", globals=g, number=7)
print(g['d']['n'])
for bad in (1, None):
    try:
        timeit.Timer(bad)
    except ValueError as e:
        print('ValueError', e)
    try:
        timeit.Timer('pass', bad)
    except ValueError as e:
        print('ValueError', e)
for src in ('return 1', 'x ='):
    try:
        timeit.Timer(src)
    except SyntaxError as e:
        print('SyntaxError', e.msg)
print(timeit.default_number, timeit.default_repeat, timeit.default_timer.__name__)
print(timeit.Timer('a\nb', 'a = b = 1\nc = 2').timeit(2) >= 0)
