data = [5, 3, 9, 1, 7]
data.insert(0, 42)
data.insert(-1, 8)
data.insert(100, 6)
print(data)
print(data.pop(), data.pop(0), data)
data.remove(9)
print(data, data.index(7), data.count(3))
data.extend(range(3))
data.reverse()
print(data)
print(data[::2], data[1:-1:3], data[::-2], data[100:], data[-100:2])
data[1:3] = "ab"
print(data)
data[::3] = [0] * len(data[::3])
print(data)
copy = data.copy()
copy.clear()
print(copy, data == data[:], data is data[:])
print([1, 2] < [1, 2, 0], [1, 3] > [1, 2, 9], [] == [], [[1]] == [[1]])
a = [1]
a.append(a)
print(a, [a, a])

key = "a"
for expr in ["[].pop()", "[1].pop(5)", "[1].remove(2)", "[1, 2].index(3)", "[1][3]",
             "[1][key]", "[1] + (2,)", "[1, 2, 3].__setitem__(slice(None, None, 2), [1])",
             "[1].sort(1)", "[3, 'a'].sort()", "[].insert(1)", "[1][1:2:0]"]:
    try:
        eval(expr)
    except Exception as e:
        print(type(e).__name__ + ":", e)
