import sys
d = {}
print([sys.getsizeof(d) for key in range(0, 80, 2) if d.setdefault(key, key) is not None])
s = {}
for i in range(12):
    s['k%d' % i] = i
print(sys.getsizeof(s), sys.getsizeof(dict.fromkeys('abcdefghij')), sys.getsizeof({1: 2, 'a': 3}))
d.clear()
print(sys.getsizeof(d), sys.getsizeof(dict(d)), sys.getsizeof(d.copy()))
class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y
p = P(1, 2)
q = P(3, 4)
q.z = 5
print(sys.getsizeof(p.__dict__), sys.getsizeof(q.__dict__), sys.getsizeof(P))
for n in range(8):
    setattr(q, 'a%d' % n, n)
print(sys.getsizeof(q.__dict__))
st = set()
ls = []
ssz, lsz = [], []
for i in range(20):
    st.add(i)
    ls.append(i)
    ssz.append(sys.getsizeof(st))
    lsz.append(sys.getsizeof(ls))
print(ssz)
print(lsz)
