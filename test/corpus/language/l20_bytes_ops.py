# bytes and bytearray operations: construction, methods, slicing, mutation, conversions.
b = b"Hello, World"
print(b[0], b[-1], b[:5], b[::-1], b.lower(), b.upper(), b.split(b", "), b.replace(b"l", b"L"), b.find(b"o"), b.count(b"l"))
print(bytes(5), bytes([65, 66, 67]), bytes(range(3)), bytes("é", "utf-8"), b"ab" * 3, b"a" + b"b", b"x" in b"xyz", 120 in b"xyz")
print(b.hex(), b.hex("-"), bytes.fromhex("48 65 6c"), b.startswith(b"Hell"), b.endswith((b"x", b"ld")), b.strip(b"Hd"), b"  pad ".strip())
print(b.decode(), b.decode("ascii"), list(b"abc"), tuple(b"\x00\xff"), b"a,b,,c".split(b","), b"-".join([b"x", b"y"]), b"abc".center(9, b"*"))
ba = bytearray(b"abc")
ba.append(100)
ba.extend(b"ef")
ba[0] = 65
ba[1:3] = b"XYZ"
del ba[-1]
print(ba, len(ba), ba.pop(), ba.pop(0), ba, bytes(ba), ba.upper(), ba.find(b"Z"))
ba.insert(0, 33)
ba.reverse()
ba.remove(ord("X"))
print(ba, ba * 2, ba + b"!", ba == b"dZY!", bytearray(3), bytearray(b"x") < bytearray(b"y"))
print(int.from_bytes(b"\x01\x00", "little"), (513).to_bytes(2, "big"), b"%d-%s-%x" % (5, b"s", 255), b"%5b|" % b"ab", b"%c" % 65)
print(b"abc".translate(bytes.maketrans(b"abc", b"xyz")), b"aXbXc".partition(b"X"), b"a1".isalnum(), b"12".isdigit(), b"AB".isupper(), b"a b".title())
for bad in [lambda: b"a" + "b", lambda: bytes([256]), lambda: b"\xff".decode(), lambda: "é".encode("ascii"), lambda: b"x"[5], lambda: bytearray(b"a").pop(5), lambda: bytes.fromhex("zz"), lambda: b"abc".index(b"q")]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
print(b"\xff\xfe".decode("utf-8", "replace"), b"\xff".decode("latin-1"), "€".encode("utf-16-le"), "a€".encode("utf-32-be"), "x😀".encode("utf-8", "strict"))
print("ü".encode("ascii", "ignore"), "ü".encode("ascii", "replace"), "ü".encode("ascii", "xmlcharrefreplace"), "ü".encode("ascii", "backslashreplace"))
mv = memoryview(b"abcdef")
print(mv[1], mv[1:4].tobytes(), mv.tolist()[:3], len(mv), mv.readonly, mv.format, mv.itemsize, bytes(mv[::2]))
