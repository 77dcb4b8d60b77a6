# Arbitrary-precision integers: factorials, powers, bit tricks, conversions and their limits.
import math, sys
f100 = math.factorial(100)
print(f100, len(str(f100)), f100.bit_length(), sum(map(int, str(f100))), str(f100).count("0"))
print(2 ** 256, hex(2 ** 256 - 1), oct(3 ** 50), bin(7 ** 20).count("1"), (2 ** 521 - 1) % 1000007)
a, b = 10 ** 40 + 7, 10 ** 21 + 3
print(a * b, a // b, a % b, divmod(-a, b), pow(a, b, 10 ** 9 + 7), math.gcd(a * 6, b * 4), math.isqrt(a), a ** 0.5 == math.sqrt(a))
print((-2) ** 101, -(2 ** 101) >> 50, (2 ** 100) & (2 ** 100 - 1), (2 ** 100) | 1, ~(2 ** 70), (2 ** 65) ^ (2 ** 64))
print(int("9" * 50) + 1, int("-" + "1" * 30, 2), int("z" * 10, 36), int("1" * 40, 16) % 97)
print(float(2 ** 1000) == 2.0 ** 1000, int(1e300) == 10 ** 300, int(1e22), 2 ** 1023 * 2.0 if False else "skip", (10 ** 400) // (10 ** 399))
try:
    float(2 ** 1024)
except OverflowError as e:
    print("OverflowError:", e)
try:
    (2 ** 2000) / 3
except OverflowError as e:
    print("OverflowError:", e)
print((2 ** 2000) // 3 % 1000, (10 ** 100).to_bytes(42, "big")[:4], int.from_bytes(b"\xff" * 20, "big") == 2 ** 160 - 1)
fib = [0, 1]
for _ in range(300):
    fib.append(fib[-1] + fib[-2])
print(fib[300], len(str(fib[300])), fib[300] % 1000000007)
def modinv(x, m):
    return pow(x, -1, m)
print(modinv(3, 11), modinv(10 ** 20, 10 ** 9 + 7), math.comb(100, 50), math.perm(30, 10))
print(sys.getsizeof(f100), sys.getsizeof(2 ** 1000), sys.getsizeof(-(2 ** 1000)), sys.int_info.bits_per_digit, sys.int_info.sizeof_digit)
print(hash(2 ** 100), hash(-(2 ** 100)), hash(10 ** 30) == hash(10 ** 30 % (2 ** 61 - 1)), round(2 ** 70, -20), abs(-(10 ** 30)))
print(sorted([2 ** 65, -(2 ** 65), 0, 2 ** 64]), max(10 ** 20, 10.0 ** 20), 10 ** 20 == 10.0 ** 20, 2 ** 53 + 1 == float(2 ** 53 + 1))
