# Writes intfuzz.expected: for pseudo-random pairs of ints of many sizes and signs, CPython's
# results of / // % & | ^ >> ** (small), hash, the comparison with a nearby float, and
# int(float), one tab-separated line per pair.
import pathlib, random

random.seed(1122)


def rnd():
    bits = random.choice([3, 20, 31, 32, 52, 53, 54, 62, 63, 64, 65, 100, 200, 1030])
    v = random.getrandbits(bits) or 1
    return -v if random.random() < 0.4 else v


def safe(f):
    try:
        return repr(f())
    except Exception as e:
        return type(e).__name__


lines = []
for _ in range(300):
    a, b = rnd(), rnd()
    near = safe(lambda: float(a))
    fa = float(a) if abs(a) < 2**1000 else 1.5
    cols = [hex(a), hex(b), safe(lambda: a / b), repr(a // b), repr(a % b), repr(a & b), repr(a | b), repr(a ^ b),
            repr(a >> (abs(b) % 70)), repr(a << (abs(b) % 70)), safe(lambda: a ** (abs(b) % 3)), str(hash(a)),
            near, repr(a < fa), repr(a == fa), repr(a > fa + 1), safe(lambda: int(fa * 1.5)), safe(lambda: pow(a, abs(b) % 1000, b))]
    lines.append('\t'.join(cols))
(pathlib.Path(__file__).parent / 'intfuzz.expected').write_text('\n'.join(lines) + '\n')
