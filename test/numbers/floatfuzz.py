# Writes floatfuzz.expected: for pseudo-random doubles (random bit patterns, plain decimals,
# rounded values), CPython's repr, a format() under one of several specs, round() to a few
# places, and the hash. One tab-separated line per double, its bits in hex first.
import pathlib, random, struct

random.seed(20261122)
SPECS = ['', '.17g', '.3e', '.10f', '.0f', 'g', '.2%', '.5', '+,.2f', 'z.1f']
values = []
while len(values) < 600:
    x = struct.unpack('<d', struct.pack('<Q', random.getrandbits(64)))[0]
    if x == x:
        values.append(x)
values += [random.uniform(-1e6, 1e6) for _ in range(500)]
values += [round(random.uniform(-100, 100), random.randint(0, 6)) for _ in range(500)]
lines = []
for i, x in enumerate(values):
    spec = SPECS[i % len(SPECS)]
    nd = i % 7 - 2
    try:
        rounded = repr(round(x, nd))
    except Exception as e:
        rounded = type(e).__name__
    bits = struct.unpack('<Q', struct.pack('<d', x))[0]
    lines.append('\t'.join([f'{bits:016x}', repr(x), spec, format(x, spec), str(nd), rounded, str(hash(x))]))
(pathlib.Path(__file__).parent / 'floatfuzz.expected').write_text('\n'.join(lines) + '\n')
