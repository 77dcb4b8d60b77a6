import sys,gc
class A: pass
class I(int): pass
class T(tuple): pass
print(sys.getsizeof(A()), A.__basicsize__, sys.getsizeof(I(7)), I.__basicsize__, sys.getsizeof(T()), T.__basicsize__)
gc.collect()
a=A(); b=A(); a.o=b; b.o=a; del a,b; print(gc.collect())
i=I(3); i.x=1; print(i.x, i.__dict__)
