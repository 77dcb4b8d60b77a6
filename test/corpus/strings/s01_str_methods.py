# str methods: searching, splitting, joining, stripping, padding and replacing.
text = "  The quick brown fox jumps over the lazy dog  "
words = text.split()
print(words, len(words))
print(text.strip().split(" ", 3))
print(text.rsplit(None, 2))
print("a,b,,c,".split(","), "a,b,,c,".rsplit(",", 1))
print("line1\nline2\r\nline3\rline4".splitlines(), "x\n".splitlines(True))
print("-".join(["a", "b", "c"]), "".join(reversed("stressed")))
print(text.find("o"), text.rfind("o"), text.find("o", 20, 30), text.count("o"), text.count(""))
print(text.index("fox"), "fox" in text, "cat" not in text)
print(text.startswith("  The"), text.endswith(("dog", "dog  ")), text.startswith("quick", 6))
print("key=value=more".partition("="), "key=value=more".rpartition("="), "nokey".partition("="))
print(repr("xxhixx".strip("x")), repr("xxhixx".lstrip("x")), repr("xxhixx".rstrip("x")))
print("[" + "mid".center(11, "*") + "]", "[" + "left".ljust(8) + "]", "[" + "right".rjust(8, ".") + "]")
print("42".zfill(6), "-42".zfill(6), "+7".zfill(4))
print("a\tbc\tdef\tg".expandtabs(), "a\tb".expandtabs(2))
print("banana".replace("a", "o"), "banana".replace("a", "o", 2), "abc".replace("", "-"))
print("prefix_name".removeprefix("prefix_"), "file.tar.gz".removesuffix(".gz"))
table = str.maketrans("abc", "xyz", "d")
print("abcdabcd".translate(table), sorted(table.items()))
try:
    "abc".index("z")
except ValueError as e:
    print("ValueError:", e)
try:
    "a".split("")
except ValueError as e:
    print("ValueError:", e)
try:
    ",".join(["a", 1])
except TypeError as e:
    print("TypeError:", e)
