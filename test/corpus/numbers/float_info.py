import sys
print(sys.float_info)
print(sys.float_info.max, sys.float_info.min, sys.float_info.epsilon, sys.float_info.dig, sys.float_info.mant_dig)
print(sys.hash_info.modulus, sys.hash_info.inf, sys.hash_info.width, sys.hash_info.algorithm)
print(float.__getformat__('double'))
print(1.0 + sys.float_info.epsilon > 1.0, 1.0 + sys.float_info.epsilon / 2 > 1.0)
