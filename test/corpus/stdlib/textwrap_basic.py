import textwrap
text = ("The quick brown fox jumps over the lazy dog. A well-known sentence-case example, "
        "with hyphenated-words and an em--dash here. Supercalifragilisticexpialidocious! "
        "Tabs\tare\there too.  End.")
for width in (10, 20, 33, 50):
    print(textwrap.wrap(text, width))
print(textwrap.fill(text, 30, initial_indent="* ", subsequent_indent="  "))
print(textwrap.wrap(text, 15, break_long_words=False))
print(textwrap.wrap(text, 15, break_on_hyphens=False))
print(textwrap.wrap("Hello there.  How are you? Fine.", 12, fix_sentence_endings=True))
print(textwrap.wrap("  lead and trail  ", 8, drop_whitespace=False))
print(textwrap.wrap("a\tb\tc", 20, expand_tabs=False), textwrap.wrap("a\tb", 20, tabsize=4))
print(textwrap.wrap(text, 20, max_lines=3), textwrap.wrap(text, 20, max_lines=2, placeholder="..."))
for w in (12, 20, 40, 200):
    print(repr(textwrap.shorten("Hello  world!   This is   a test.", w)))
print(textwrap.shorten("Hello world", 8, placeholder="!"))
try:
    textwrap.shorten("Hello world", 3)
except ValueError as e:
    print("ValueError", e)
try:
    textwrap.wrap("x", 0)
except ValueError as e:
    print("ValueError", e)
print(repr(textwrap.dedent("    a\n      b\n    c\n")))
print(repr(textwrap.dedent("  a\n\t b\n")), repr(textwrap.dedent("   \n  x\n    y\n  ")))
print(repr(textwrap.dedent("no indent\n  x")), repr(textwrap.dedent("")))
print(repr(textwrap.indent("a\n\nb\n  \nc", "> ")))
print(repr(textwrap.indent("a\nb\n", "+", lambda line: True)))
w = textwrap.TextWrapper(width=25, max_lines=2)
print(w.wrap("one two three four five six seven eight nine ten"), w.width)
print(textwrap.wrap("x-y-z long-hyphenated-wording-example", 9))
print(textwrap.wrap("", 10), textwrap.fill("word " * 12, 20))
