# Text processing with str methods: parsing, counting, justification, translation, splitting.
text = """The Zen of Python, by Tim Peters
Beautiful is better than ugly.
Explicit is better than implicit.
Simple is better than complex.
Complex is better than complicated.
Flat is better than nested.
Sparse is better than dense.
Readability counts."""
lines = text.splitlines()
print(len(lines), lines[0].split(", "), lines[1].partition(" is "), lines[-1].rpartition("c"))
words = [w.strip(".,").lower() for w in text.split()]
freq = {}
for w in words:
    freq[w] = freq.get(w, 0) + 1
print(sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:6])
for line in lines[1:4]:
    a, _, b = line.rstrip(".").partition(" is better than ")
    print(f"{a:>10} > {b:<12}|", a.center(12, "*"), b.ljust(10, ".") + "|", b.rjust(10) + "|")
print(text.count("better"), text.find("ugly"), text.rfind("is"), text.index("Zen"), text.find("nothing"))
print("  padded  ".strip(), "xxhixx".strip("x"), "abc".zfill(6), "-12".zfill(6), "tab\tsep".expandtabs(4), "a,b,,c".split(","), "a b  c".split(), "a,b,c".rsplit(",", 1))
print("hello world".title(), "HeLLo".swapcase(), "hello".capitalize(), "ß".upper(), "İ".lower().encode(), "straße".casefold())
print("abc123".isalnum(), "abc".isalpha(), "123".isdigit(), "½".isnumeric(), "²".isdecimal(), "  ".isspace(), "Title Case".istitle(), "lower".islower(), "x_1".isidentifier(), "\x00".isprintable())
table = str.maketrans("aeiou", "AEIOU", "xyz")
print("zany oxygen".translate(table), "hello".replace("l", "L", 1), "a-b-c".replace("-", ""), "mississippi".replace("ss", "SS"))
print("prefix_name".removeprefix("prefix_"), "file.tar.gz".removesuffix(".gz"), "x.py".endswith((".py", ".txt")), "http://x".startswith("http"))
csv_data = "name,qty,price\napple,3,0.5\npear,10,0.25\nfig,1,2.0"
header, *rows = [r.split(",") for r in csv_data.split("\n")]
total = sum(int(q) * float(p) for _, q, p in rows)
print(header, rows, f"{total:.2f}")
print("-".join(["2024", "01", "15"]), " ".join(reversed("one two three".split())), "".join(sorted("python")))
print("{:-^30}".format(" report "), "|".join(f"{c:^5}" for c in "abc"))
s = "The quick brown fox"
print(s[::-1], s[4:9], s[-3:], s.split()[::-1], [w[::-1] for w in s.split()], s.lower().count("o"))
print(ord("A"), chr(97), [ord(c) for c in "é€😀"], "😀".encode("utf-8"), len("😀"), "é".encode("latin-1"), b"caf\xc3\xa9".decode())
print(repr("tab\there"), repr("quote'"), repr('both\'"'), repr("\\"), ascii("naïve ☃"), str(b"bytes"), repr("\x7f\x80"))
def caesar(msg, k):
    out = []
    for ch in msg:
        if ch.isalpha():
            base = ord("A") if ch.isupper() else ord("a")
            out.append(chr((ord(ch) - base + k) % 26 + base))
        else:
            out.append(ch)
    return "".join(out)
enc = caesar("Hello, World!", 3)
print(enc, caesar(enc, -3))
print("%-8s|%8.3f|%+05d|%x|%o|%e|%c" % ("left", 3.14159, 42, 255, 8, 12345.678, 65))
import textwrap
print(textwrap.fill(lines[1] + " " + lines[2], width=25))
print(textwrap.dedent("    a\n      b\n    c"), textwrap.shorten("one two three four five", 15))
