calls = []

class Key:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        calls.append((self.v, other.v))
        return self.v < other.v
    def __repr__(self):
        return f"K{self.v}"

items = [Key(v) for v in [5, 2, 8, 2, 9, 1, 7, 3, 3, 0, 6, 4]]
items.sort()
print(items)
print(len(calls), calls[:12])

calls.clear()
big = [Key((i * 37) % 101) for i in range(300)]
big.sort()
print(len(calls), [k.v for k in big[:10]])

people = [("bob", 25), ("amy", 30), ("cal", 25), ("dan", 30), ("eve", 20)]
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: p[1], reverse=True))
words = "the quick brown fox jumps over the lazy dog".split()
words.sort(key=len)
print(words)
print(sorted("hello world"), sorted({3: 1, 1: 2}), sorted(range(5), reverse=True))

v = [3, 1, 2]
try:
    v.sort(key=lambda x: v.append(x) or x)
except ValueError as e:
    print("ValueError:", e, v)
