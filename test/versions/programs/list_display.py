# A list display of constants: 3.9 and later compile it to an empty list extended by a constant
# tuple, earlier compilers to BUILD_LIST of the items (an exact fit), so sizes differ by version.
import sys
size = sys.getsizeof
a = [0, 1, 2]
b = [0, 1, 2, 3, 4]
c = ['x', 'y', 'z', 'w']
print(size(a), size(b), size(c), size([1.5, 2.5, 3.5]))
a.append(3)
b.extend(a)
print(size(a), size(b))
