# int and float methods and arithmetic edge cases, exact to CPython.
import sys, math
print((255).bit_length(), (-255).bit_length(), (0).bit_length(), (2**100).bit_count(), (-7).bit_count())
print((1024).to_bytes(2, "big"), (1024).to_bytes(4, "little"), (-1).to_bytes(2, "big", signed=True), int.from_bytes(b"\xff\x00", "little"), int.from_bytes(b"\xff", "big", signed=True))
print((3).as_integer_ratio(), (0.75).as_integer_ratio(), (2.5).is_integer(), (3.0).is_integer(), (10).conjugate(), (7).numerator, (7).denominator, (7).real, (7).imag)
print(int("ff", 16), int("0b101", 0), int("  42  "), int("1_000"), int(3.99), int(-3.99), int("-0o17", 8), int(True))
print(7 // 2, -7 // 2, 7 % -2, -7 % 2, divmod(17, 5), divmod(-17, 5), divmod(7.5, 2), pow(3, 4), pow(3, 4, 5), pow(2, -1, 7), 2 ** -1, (-8) ** (1/3) == (-8) ** (1/3))
print(10 / 4, 10 // 4.0, 1e308 * 10, -1e308 * 10, 0.1 + 0.2, 0.1 + 0.2 == 0.3, round(2.675, 2), round(0.5), round(1.5), round(-2.5), round(1234.5678, -2), round(7, -1))
print(float("1e500"), float("-inf"), float(" 3.5 "), float("nan") == float("nan"), math.isnan(float("nan")), 1.0.hex(), float.fromhex("0x1.8p1"), (0.1).hex())
print(repr(1/3), repr(2/3), repr(1e16), repr(1e-7), repr(123456789012345678.0), str(1e22), repr(5e-324), repr(1.7976931348623157e308), 1e15, 1e16)
print(abs(-3), abs(-3.5), abs(3 + 4j), -0.0, 0.0 == -0.0, math.copysign(1, -0.0), math.fsum([0.1] * 10), sum([0.1] * 10))
print(hash(1), hash(1.0), hash(-1), hash(2**61), hash(2**61 - 1), hash(0.5), hash(-0.5), hash(float("inf")), hash(1e100))
print(sys.getsizeof(0), sys.getsizeof(1), sys.getsizeof(2**30), sys.getsizeof(2**60), sys.getsizeof(2**90), sys.getsizeof(-2**30), sys.getsizeof(1.0), sys.getsizeof(True), sys.getsizeof(3j))
print(True + True, True * 10, False - 1, isinstance(True, int), bool(0.0), bool(-0.0), bool(float("nan")), int.__name__, bool.__mro__)
print(0b1010 & 0b0110, 0b1010 | 0b0110, 0b1010 ^ 0b0110, ~5, 1 << 70, -1 >> 3, 2**64 >> 60, -(2**64) >> 3)
print(math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.5), math.gcd(48, 18), math.lcm(4, 6), math.isqrt(99), math.factorial(20), math.comb(10, 3), math.perm(5, 2))
print(math.sqrt(2), math.pi, math.e, math.tau, math.inf, math.log2(1024), math.log10(0.001), math.log(8, 2), math.hypot(3, 4), math.dist((0, 0), (1, 1)))
print(math.sin(math.pi / 6), math.atan2(1, 1), math.degrees(math.pi), math.radians(180), math.exp(2), math.expm1(1e-10), math.log1p(1e-10), math.prod([1, 2, 3, 4]))
print(12345678901234567890 * 98765432109876543210, 2 ** 200 // 3 ** 50, (10 ** 30) % 997, -(10 ** 25) // 7, str(2 ** 100)[::-1])
print(int.__add__(2, 3), (5).__mul__(2.0), (2.0).__rpow__(3), float.__floordiv__(7.0, 2), complex(1, 2) * complex(3, -1), (1+2j).conjugate(), abs(1j ** 2))
for bad in [lambda: 1 / 0, lambda: 1 % 0, lambda: 1.0 / 0, lambda: int("x1"), lambda: int("9", 8), lambda: math.sqrt(-1), lambda: math.log(0), lambda: float("1e400") * 0 + int(float("inf")), lambda: 10 ** 10.0 ** 10, lambda: (1).to_bytes(0, "big"), lambda: pow(0, -1), lambda: pow(2, 3, 0)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
