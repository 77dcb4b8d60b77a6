# Sizes of str objects by kind, and which strings are shared objects.
import sys
for s in ["", "a", "ab", "abcdefgh", "é", "éa", "€", "€uro", "😀", "a😀"]:
    print(repr(s), sys.getsizeof(s), len(s))
print(sys.getsizeof("x" * 100), sys.getsizeof("é" * 100), sys.getsizeof("€" * 100), sys.getsizeof("😀" * 100))
s = "hello world"
empty, h, e_acute = "", "h", "é"
print(s[0] is h[0], s[4] is s[7], s[0:0] is empty, str() is empty, "".join([]) is empty, chr(233) is e_acute[0])
print(s[:] is s, s + "" is s, s * 1 is s, str(s) is s, s.strip() is s, s.replace("z", "y") is s)
a = "".join(["spam", "eggs"])
b = "".join(["spam", "eggs"])
print(a == b, a is b, sys.intern(a) is sys.intern(b))
print("abc".__sizeof__(), sys.getsizeof("abc") == "abc".__sizeof__())
