import re
tests = [
    (r"abc", "xxabcxx"), (r"a+b", "caaab"), (r"a*?b", "aab"), (r"(a|b)+", "abba!"),
    (r"(?P<x>\d+)-(?P<y>\d+)", "tel 12-345"), (r"^\w+$", "héllo"), (r"\bfoo\b", "a foo b"),
    (r"(a)(b)?", "a"), (r"x{2,3}", "xxxxx"), (r"x{2,}?", "xxxx"), (r"[a-c]+", "zzcabz"),
    (r"[^a-c]+", "abcxyz"), (r"(?i)straSSe", "STRASSE"), (r"(\w)\1", "hello"),
    (r"(?<=a)b", "ab"), (r"(?<!a)b", "ab cb"), (r"a(?=c)", "ab ac"), (r"a(?!c)", "ac ab"),
    (r"(?>a+)b", "aaab"), (r"a++b", "aaab"), (r"(a)?(?(1)b|c)", "c"), (r"(a)?(?(1)b|c)", "ab"),
    (r"(?s).+", "a\nb"), (r".+", "a\nb"), (r"(?m)^b$", "a\nb\nc"), (r"\d+", "١٢٣ 45"),
    (r"(?a)\w+", "héllo"), (r"(?x) a  b # comment\n c", "abc"), (r"(?i:a)b", "Ab AB"),
    (r"", "abc"), (r"(a*)*", "aaa"), (r"(a|ab)(c|bcd)(d*)", "abcd"), (r"\s+", "a \t\nb"),
    (r"[\d\s]+", "x1 2 3y"), (r"\Aab\Z", "ab"), (r"ab$", "ab\n"), (r"[-a]+", "-a-b"),
    (r"[]a]+", "]]a"), (r"\x41\u00e9\101", "AéA"), (r"(?:ab){2}", "ababab"),
]
for pat, s in tests:
    m = re.search(pat, s)
    print(repr(pat), repr(s), m)
    if m:
        print("  ", m.groups(), m.groupdict(), m.span(), m.lastindex, m.lastgroup, m[0])
print(re.findall(r"\d+", "a1b22c333"), re.findall(r"(\w)(\d)", "a1b2c"), re.findall(r"x*", "axxb"))
print([m.span() for m in re.finditer(r"\w+", "hi there you")])
print(re.sub(r"(\w+) (\w+)", r"\2 \1", "hello world foo bar"))
print(re.sub(r"x*", "-", "abxd"), re.subn(r"a", "b", "aaa", count=2))
print(re.sub(r"(?P<w>\w+)", r"<\g<w>|\g<1>|\g<0>>", "ab cd"))
print(re.sub(r"\d", lambda m: str(int(m[0]) * 2), "a1b2c3"))
print(re.split(r"\W+", "Words, words, words."), re.split(r"(\W+)", "Words, words, words."))
print(re.split(r"\W+", "Words, words, words.", maxsplit=1), re.split(r"x*", "axbc"))
print(re.split(r"[a-f]+", "0a3B9", flags=re.IGNORECASE))
print(re.escape("a.b*c?d (e) [f] {g} ^$ \\ | + - # & ~ é"), re.escape(b"a.b"))
print(re.fullmatch(r"a|ab", "ab"), re.fullmatch(r"a+", "aab"), re.match(r"b", "ab"))
p = re.compile(r"(?P<first>\w+) (?P<last>\w+)", re.I | re.M)
print(p, p.pattern, p.flags, p.groups, p.groupindex)
m = p.match("Jane Doe")
print(m.expand(r"\g<last>, \g<first>"), m.string, m.re, m.pos, m.endpos, m.regs)
print(m.group(1, 2), m.group("first"), m.start(2), m.end(2), m.span("last"))
print(re.compile("a"), re.compile(b"a+", re.I), re.compile("x", re.A), re.I, re.I | re.S, re.NOFLAG)
print(re.search(rb"\w+", b"  hello "), re.findall(rb"[a-z]", b"a1b2"), re.sub(rb"a", b"x", b"banana"))
print(re.compile(r"\d+").search("ab 123 45", 4), re.compile(r"\d+").match("ab 123", 3, 5))
print(re.search(r"^b", "ab", re.M), re.compile("^b").search("ab", 1))
print(re.search(r"(a)|(b)", "b").groups(), re.search(r"(a)|(b)", "b").groups("-"))
print(re.search(r"(?i)[a-z]+", "ABCdef"), re.search(r"(?i)k", "\u212a"))
print(re.match(r"((a)b)", "ab").lastindex, re.match(r"(?:x|(a))*", "aax").lastindex)
