# repr() and ascii() of strings: quotes, escapes and non-printable characters.
values = ["plain", "it's", 'say "hi"', "both ' and \"", "tab\there", "new\nline", "back\\slash",
          "\x00\x1f\x7f", "\x80\xa0\xad", "é€😀", "\u2028\u200b\ufeff", "\U000e0001", "\ud800"]
for v in values:
    print(repr(v), ascii(v), len(v))
print(repr(b"bytes \x00\xff 'q'"), repr(b'only "double"'), repr(b"it's"))
print(repr(bytearray(b"it's")), str(b"abc"), ascii(b"\xe9"))
print(chr(65), chr(0x1F600), ord("é"), ord(b"a"), ord(bytearray(b"z")))
for bad in [lambda: chr(-1), lambda: chr(0x110000), lambda: ord("ab"), lambda: ord(5)]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
