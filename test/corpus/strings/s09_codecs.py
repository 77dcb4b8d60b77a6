# Encoding and decoding with the built-in codecs and error handlers.
text = "naïve café – 😀"
for enc in ["utf-8", "utf-16", "utf-16-le", "utf-32-be", "latin-1", "ascii"]:
    for errors in ["strict", "replace", "ignore", "backslashreplace", "xmlcharrefreplace"]:
        try:
            data = text.encode(enc, errors)
            print(enc, errors, data, data.decode(enc, "replace" if errors != "strict" else "strict") if enc != "ascii" or errors != "strict" else "")
        except UnicodeEncodeError as e:
            print(enc, errors, "UnicodeEncodeError:", e, e.start, e.end, e.reason, e.encoding)
raw = b"ok \xff\xfe bad \xe4\xbd end \xc3"
for errors in ["replace", "ignore", "backslashreplace", "surrogateescape"]:
    decoded = raw.decode("utf-8", errors)
    print(errors, ascii(decoded))
print(raw.decode("utf-8", "surrogateescape").encode("utf-8", "surrogateescape") == raw)
for data, enc in [(raw, "utf-8"), (b"\xed\xa0\x80", "utf-8"), (b"\xf0\x9f\x98A", "utf-8"), (b"\x80", "ascii"), (b"abc", "utf-32-le"), (b"\x00\xdc", "utf-16-le")]:
    try:
        data.decode(enc)
    except UnicodeDecodeError as e:
        print("UnicodeDecodeError:", e, e.start, e.end)
for bad in [lambda: "x".encode("no-such-codec"), lambda: b"\xff".decode("utf-8", "nope"), lambda: "\ud800".encode()]:
    try:
        bad()
    except (LookupError, UnicodeError) as e:
        print(type(e).__name__, e)
print(str(b"caf\xc3\xa9", "utf-8"), str(b"\xff", "latin-1"), str(b"\xff", errors="replace"), "é".encode("UTF8"), "é".encode("L1"))
