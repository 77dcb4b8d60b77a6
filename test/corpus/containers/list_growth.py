import sys

# append grows by about 1/8 plus a constant, in steps of 4 pointers
sizes = []
lst = []
for i in range(40):
    lst.append(i)
    sizes.append(sys.getsizeof(lst))
print(sorted(set(sizes)))

# a literal of constants is built by extending an empty list: even allocation
print(sys.getsizeof([1, 2, 3]), sys.getsizeof([1, 2, 3, 4, 5]), sys.getsizeof([]))
print(sys.getsizeof(list(range(7))), sys.getsizeof(list("abcdefg")), sys.getsizeof([0] * 10))

# pop never shrinks until the list is below half its allocation
while lst:
    lst.pop()
    if len(lst) in (30, 20, 10, 5, 2, 0):
        print(len(lst), sys.getsizeof(lst))

a = list(range(20))
a[2:5] = []
print(sys.getsizeof(a))
del a[::2]
print(a, sys.getsizeof(a))
a += "xyz"
print(a[-3:], sys.getsizeof(a))
a *= 3
print(len(a), sys.getsizeof(a))
