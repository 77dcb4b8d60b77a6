import keyword
print(len(keyword.kwlist), keyword.kwlist[:5], keyword.softkwlist)
for w in ["if", "match", "case", "_", "print", "None", "none", "async", ""]:
    print(repr(w), keyword.iskeyword(w), keyword.issoftkeyword(w))
print(sorted(keyword.__all__))
