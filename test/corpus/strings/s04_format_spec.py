# The format mini-language on str, int and float through format(), f-strings and str.format.
print(format("ab", "^8"), format("ab", "*>6"), format("abcdef", ".3"), format("x", "05"))
print(f"{'left':<10}|{'right':>10}|{'mid':^10}|")
print(format(1234567, ","), format(1234567, "_"), format(255, "#x"), format(255, "#010b"), format(-42, "+08d"))
print(format(1234, "010,"), format(255, "_x"), format(3.14159, ".2f"), format(0.5, ".0%"), format(12345.678, ",.1f"))
print("{0:>{1}}|{0:<{1}}|".format("x", 6), "{:{}{}}".format(3.14159, ".", 3))
print("{}-{}-{}".format(1, "two", 3.0), "{1}{0}{1}".format("a", "b"), "{name}!".format(name="hi"))
print("{0[1]} {0[0]} {1[k]} {2.real}".format(["a", "b"], {"k": "v"}, 5))
print("{!r} {!s} {!a}".format("é", "é", "é"), "{{literal}} {}".format(7))
print("{k} {v}".format_map({"k": "key", "v": "value"}))
errors = ["{", "}", "{0}{}", "{}{0}", "{1}", "{a}", "{0.x}", "{!x}", "{0!}", "{0:{1:{2}}}", "{0[}", "{0.}"]
for fmt in errors:
    try:
        print(fmt.format(1, 2, 3))
    except (ValueError, IndexError, KeyError, AttributeError) as e:
        print(repr(fmt), type(e).__name__, e)
for spec in ["xx", ",_", ",c", ".", "=5", "+", "#"]:
    try:
        format("s", spec)
    except ValueError as e:
        print(repr(spec), e)
