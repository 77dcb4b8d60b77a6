import sys
print(sys.int_info)
print(sys.get_int_max_str_digits())
n = 10 ** 4299
print(len(str(n)))
try:
    str(10 ** 4300)
except ValueError as e:
    print('ValueError:', e)
try:
    int('1' * 4301)
except ValueError as e:
    print('ValueError:', e)
print(len(hex(10 ** 5000)))
sys.set_int_max_str_digits(0)
print(len(str(10 ** 5000)))
sys.set_int_max_str_digits(5000)
print(len(str(10 ** 4999)))
