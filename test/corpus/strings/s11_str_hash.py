# Hashes of str and bytes (deterministic under PYTHONHASHSEED=0, which the goldens use).
for s in ["", "a", "ab", "abcdefgh", "abcdefghi", "é", "€uro", "😀x", "hello world, this is long"]:
    print(repr(s), hash(s))
for b in [b"", b"a", b"abcdefghij"]:
    print(b, hash(b))
print(hash("abc") == hash(b"abc"), hash("é") == hash("é".encode("latin-1")))
d = {word: len(word) for word in "the quick brown fox jumps over the lazy dog".split()}
print(list(d))
print(sorted({"pear", "apple", "fig"}), {"b", "a"} == {"a", "b"})
