import re
bad = ["(abc", "abc)", "*a", "a**", r"\q", "[abc", "[z-a]", "(?<x", "(?P<1a>x)", "(?P<a>x)(?P<a>y)",
       "(?P=zz)", r"(a)\2", "(?<=a+)b", "a{3,2}", "(?z)", "a(?i)b", r"(a\1)", "(?(2)a|b)", "x\\",
       "(?#abc", "a|*", "(?<q)", "[\\w-z]", "(?i-:a)", "(?P", "a{1,2}{3}", "(?", ")", "a\nb(", r"\777"]
for p in bad:
    try:
        re.compile(p)
        print(repr(p), "compiled")
    except re.error as e:
        print(repr(p), "error:", e, "|", e.msg, e.pos, e.lineno, e.colno)
for flags in (re.L,):
    try:
        re.compile("a", flags)
    except ValueError as e:
        print("ValueError:", e)
for repl in [r"\3", r"\g<x>", r"\q", r"\g<1", "\\"]:
    try:
        print(re.sub("(a)", repl, "a"))
    except (re.error, IndexError) as e:
        print(type(e).__name__, e)
try:
    re.search("a", b"a")
except TypeError as e:
    print("TypeError:", e)
try:
    re.match("(a)", "a").group(3)
except IndexError as e:
    print("IndexError:", e)
print(isinstance(re.error("x"), Exception), re.error.__name__)
re.compile("(?P<zz>a)\\w+")
re.purge()
print(re.sub(r"a", r"\n\t\\-", "xax"))
