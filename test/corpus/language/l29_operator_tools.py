# operator module: itemgetter/attrgetter/methodcaller in sorting, operator functions as values.
import operator as op
from functools import reduce
rows = [{"n": "b", "v": 2}, {"n": "a", "v": 2}, {"n": "c", "v": 1}]
print(sorted(rows, key=op.itemgetter("v", "n")), op.itemgetter(1)("xyz"), op.itemgetter(0, 2)("xyz"), op.itemgetter(slice(1, 3))([1, 2, 3, 4]))
class P:
    def __init__(self, name, age):
        self.name, self.age = name, age
        self.info = type("I", (), {"city": name.upper()})()
    def greet(self, greeting="hi"):
        return f"{greeting} {self.name}"
people = [P("zed", 30), P("amy", 25), P("bob", 30)]
print([p.name for p in sorted(people, key=op.attrgetter("age", "name"))], op.attrgetter("info.city")(people[0]), op.attrgetter("name", "age")(people[1]))
print(list(map(op.methodcaller("greet", "yo"), people)), op.methodcaller("upper")("abc"), op.methodcaller("split", ",", 1)("a,b,c"))
print(reduce(op.add, range(10)), reduce(op.mul, range(1, 6)), reduce(op.or_, [1, 2, 4]), list(map(op.neg, [1, -2])), list(map(op.pow, [2, 3], [3, 2])))
print(op.lt(1, 2), op.eq("a", "a"), op.is_(None, None), op.contains([1], 1), op.not_(0), op.truth([]), op.concat([1], [2]), op.getitem({"k": 5}, "k"), op.index(7))
lst = [1, 2, 3]
op.setitem(lst, 0, 9)
op.delitem(lst, 1)
print(lst, op.countOf([1, 1, 2], 1), op.indexOf("abc", "c"), op.length_hint(iter(range(7))), op.abs(-3), op.floordiv(7, 2), op.mod(-7, 3), op.truediv(1, 4))
x = [1]
y = op.iadd(x, [2])
print(x, y is x, op.iadd(5, 1), op.imul("ab", 2), op.matmul.__name__, op.xor(6, 3), op.invert(0), op.lshift(1, 4), op.rshift(256, 2))
ops = {"+": op.add, "-": op.sub, "*": op.mul, "/": op.truediv}
def rpn(expr):
    st = []
    for tok in expr.split():
        if tok in ops:
            b, a = st.pop(), st.pop()
            st.append(ops[tok](a, b))
        else:
            st.append(float(tok))
    return st[0]
print(rpn("3 4 + 2 *"), rpn("5 1 2 + 4 * + 3 -"), rpn("2 3 /"))
print(op.itemgetter("a")({"a": 1}), repr(op.itemgetter(1)), repr(op.attrgetter("x")), repr(op.methodcaller("f", 1, k=2)))
try:
    op.itemgetter(5)([1])
except IndexError as e:
    print("IndexError:", e)
