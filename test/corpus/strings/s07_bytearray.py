# bytearray: in-place changes, over-allocation, and the BufferError while a view exists.
import sys
ba = bytearray()
sizes = []
for i in range(40):
    sizes.append(sys.getsizeof(ba))
    ba.append(i)
print(sorted(set(sizes)))
ba = bytearray(b"hello world")
ba[0] = ord("H")
ba[6:11] = b"there"
del ba[5]
ba.insert(5, 95)
ba.extend(b"!!")
ba += b"?"
print(ba, len(ba), ba.pop(), ba.pop(0), ba.count(b"e"), ba.find(b"there"))
ba.remove(ord("!"))
ba.reverse()
print(ba, ba.upper(), ba.split(b"_"))
front = bytearray(b"abcdef")
print(sys.getsizeof(front))
del front[:2]
print(sys.getsizeof(front), front)
front.extend(b"xyz")
print(sys.getsizeof(front), front)
view = memoryview(front)
try:
    front.append(1)
except BufferError as e:
    print("BufferError:", e)
view.release()
front.append(1)
print(front, sys.getsizeof(bytearray(10)), bytearray(b"ab") * 3)
try:
    hash(front)
except TypeError as e:
    print("TypeError:", e)
for bad in [lambda: bytearray(b"a").pop(5), lambda: bytearray().pop(), lambda: bytearray(b"a").append(256), lambda: bytearray(b"a").remove(9)]:
    try:
        bad()
    except (IndexError, ValueError) as e:
        print(type(e).__name__, e)
