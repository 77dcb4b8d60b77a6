# repr, str and the format types of tricky values
vals = [0.1, 0.5, 1/3, 2/3, 1e16, 1e15 + 0.3, 1e-4, 9.999999999999999e-05, 1e22, 1e23, 5e-324,
        2.2250738585072014e-308, 1.7976931348623157e308, 0.1 + 0.2, 100.0, 123456789.125, -0.0, 4.35, 2.675]
for v in vals:
    print(repr(v), str(v), format(v, 'e'), format(v, '.3g'), format(v, '.2f'), '%.5f' % v, '%r' % v, f'{v:>12.4}')
for p in range(0, 20, 3):
    print(p, format(2/3, f'.{p}f'), format(2/3, f'.{p}e'), format(2/3, f'.{p}g'), format(1234.5, f'.{p}'))
for v in (0.5, 1.5, 2.5, 3.5, -0.5, -1.5, 0.125, 0.375, 2.675, 1.005):
    print(v, round(v), round(v, 1), round(v, 2), round(-v, 2))
