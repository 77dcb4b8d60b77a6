import sys
class R:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("del", self.n)
def scope():
    a = R(1)
    b = R(2)
    print("leaving")
scope()
lst = [R(3), R(4), R(5)]
del lst
print("list gone")
d = {"x": R(6)}
d["x"] = R(7)
print("replaced")
t = (R(8),)
t = None
class Resurrect:
    saved = []
    def __del__(self):
        print("resurrecting")
        Resurrect.saved.append(self)
Resurrect()
print(len(Resurrect.saved))
Resurrect.saved.clear()
print("cleared")
x = R(9)
print(sys.getrefcount(x))
y = x
print(sys.getrefcount(x))
del y
print("end")
