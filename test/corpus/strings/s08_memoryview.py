# memoryview: zero-copy slices, writes through views, casts, release and context managers.
data = bytearray(b"0123456789")
m = memoryview(data)
print(m.format, m.itemsize, m.ndim, m.shape, m.strides, m.nbytes, m.readonly, m.obj is data, m.contiguous)
part = m[2:6]
print(part.tobytes(), part.tolist(), len(part), part[0], part[-1], part.hex(), part.hex("-"))
part[0] = ord("X")
part[1:3] = b"YZ"
print(data, bytes(m[::2]), m[::-1].tobytes())
print(m == data, m == b"01XYZ56789", part == b"XYZ5", m != b"x")
words = m.cast("H")
print(words.format, words.itemsize, words.shape, words.tolist())
grid = m.cast("B", (2, 5))
print(grid.shape, grid.strides, grid.tolist(), grid[1, 2])
ro = memoryview(b"abc")
print(ro.readonly, hash(ro) == hash(b"abc"), ro.toreadonly().readonly)
with memoryview(data) as v:
    print(v[0], repr(v).startswith("<memory at 0x"))
print(repr(v).startswith("<released memory at 0x"))
for action in [lambda: v[0], lambda: len(v), lambda: v.tobytes()]:
    try:
        action()
    except ValueError as e:
        print("ValueError:", e)
for bad in [lambda: hash(m), lambda: ro.__setitem__(0, 1), lambda: m.__setitem__(0, 300), lambda: m.cast("I"),
            lambda: memoryview("text"), lambda: m[20], lambda: grid[0]]:
    try:
        bad()
    except (ValueError, TypeError, IndexError, NotImplementedError) as e:
        print(type(e).__name__, e)
del part, words, grid
m.release()
data.append(33)
print(data)
