import sys
print(sys.getsizeof({}), sys.getsizeof(dict()), sys.getsizeof({'a': 1}), sys.getsizeof(dict(a=1)))
d = {}
d['x'] = 1
print(sys.getsizeof(d))
class A:
    pass
a = A()
print(sys.getsizeof(a.__dict__), sys.getsizeof(A))
a.x = 1
print(sys.getsizeof(a.__dict__))
print(sys.getsizeof(set()), sys.getsizeof([]), sys.getsizeof(()))
