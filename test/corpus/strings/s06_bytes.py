# bytes: construction, methods, hex, and the one-byte singletons.
import sys
b = bytes(range(65, 75))
print(b, len(b), b[0], b[-1], b[2:5], b[::3], b[::-1])
print(bytes(3), bytes([1, 2, 255]), bytes("héllo", "utf-8"), bytes(bytearray(b"xy")), b"ab" * 3 + b"!")
print(b.find(b"C"), b.find(67), b.count(b"A"), b.index(b"E"), 68 in b, b"EF" in b)
print(b"a,b,,c".split(b","), b"  x  y ".split(), b"k=v".partition(b"="), b"-".join([b"a", bytearray(b"b")]))
print(b"Hello World".lower(), b"hello".upper(), b"hello world".title(), b"abc".center(9, b"*"), b"5".zfill(3))
print(b"\x00\x01\xfe\xff".hex(), b"abcdef".hex(":", 2), bytes.fromhex("de ad be ef"), b"abc".isalpha(), b"a1".isalnum())
print(b"abc".replace(b"b", b"BB"), b"  pad  ".strip(), b"xxhixx".strip(b"x"), b"abc".translate(None, b"b"))
print(sys.getsizeof(b""), sys.getsizeof(b"a"), sys.getsizeof(b"abcdef"), sys.getsizeof(bytes(100)))
first, empty = b[0:1], b""
print(first is bytes([65]), bytes([7]) is bytes([7]), empty is bytes(), b[5:5] is empty)
print(hash(b"") == 0, hash(b"abc") == hash("abc"), hash(memoryview(b"abc")) == hash(b"abc"))
for bad in [lambda: bytes(-1), lambda: bytes("x"), lambda: bytes([256]), lambda: b"a" + "b", lambda: bytes.fromhex("zz"), lambda: b"a".find("a")]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
