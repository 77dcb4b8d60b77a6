# a little number-crunching program: exact ints, floats and their mix
def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a

print(fib(10), fib(100), fib(300))
print(sum(i * i for i in range(1000)), sum(1 / i for i in range(1, 100)))
total = 0.0
for i in range(1, 11):
    total += 0.1
print(total, total == 1.0, abs(total - 1.0) < 1e-9)
x = 1
for i in range(1, 30):
    x *= i
print(x, x.bit_length(), x % 1000003, -x // 7, divmod(x, -12345))
print(2 ** 0.5 * 2 ** 0.5, (2 ** 0.5) ** 2 == 2, 10 ** -3, 7 / 2, 7 // 2, -7 / 2, -7 // 2)
print(f'{x:,}', f'{x:_x}', f'{0.1:.30f}', f'{1e100:g}', f'{-1.5:+08.2f}', f'{255:#010b}')
acc = 1
for k in range(50):
    acc = (acc * 6364136223846793005 + 1442695040888963407) % 2**64
print(acc, acc >> 33, acc & 0xFFFF, acc ^ (acc >> 7), ~acc)
