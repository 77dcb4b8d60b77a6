# linecache reads the program's own source; names in angle brackets have no lines.
import linecache
first = linecache.getline(__file__, 1)
print(repr(first))
print(repr(linecache.getline(__file__, 3)))
print(repr(linecache.getline(__file__, 10000)), repr(linecache.getline(__file__, 0)), repr(linecache.getline(__file__, -1)))
lines = linecache.getlines(__file__)
print(len(lines), lines[-1].endswith("\n"), all(l.endswith("\n") for l in lines))
print(linecache.getlines("<string>"), linecache.getline("<stdin>", 1) == "", linecache.getlines("/no/such/file.py"))
print(__file__ in linecache.cache, len(linecache.cache[__file__]), linecache.cache[__file__][2] is lines)
linecache.checkcache(__file__)
print(__file__ in linecache.cache)
linecache.clearcache()
print(len(linecache.cache))
print(repr(linecache.getline(__file__, 2)))
print(linecache.lazycache("<x>", {}), linecache.lazycache(__file__, None))
# the last line
