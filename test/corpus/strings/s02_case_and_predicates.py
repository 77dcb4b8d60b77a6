# Case mapping and character classes, including non-ASCII text.
samples = ["hello World", "ΣΊΣΥΦΟΣ", "straße", "ǆemal", "İstanbul", "they're bill's friends"]
for s in samples:
    print(repr(s), s.upper(), s.lower(), s.casefold(), s.title(), s.capitalize(), s.swapcase())
checks = ["abc", "ABC", "Abc Def", "abc123", "123", "½", "²", "٣", "一", " \t\n", "", "a_1", "1a", "héllo", "\x07"]
for s in checks:
    print(repr(s), s.isalpha(), s.isalnum(), s.isdigit(), s.isdecimal(), s.isnumeric(),
          s.isspace(), s.islower(), s.isupper(), s.istitle(), s.isidentifier(), s.isprintable(), s.isascii())
