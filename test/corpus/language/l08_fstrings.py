# f-strings: conversions, format specs, nesting, =, expressions, dates-free formatting.
name, n, pi = "Ada", 42, 3.14159265
print(f"{name!r} {name!s} {name!a} {'é'!a} {n:>6} {n:<6}| {n:^7}| {n:+} {-n:+}")
print(f"{n:08b} {n:o} {n:x} {n:X} {n:#x} {n:#o} {n:#b} {n:,} {10**9:_} {n:e}")
print(f"{pi:.2f} {pi:10.3f}| {pi:<10.1f}| {pi:e} {pi:.3E} {pi:g} {1e20:g} {1e-5:g} {pi:%} {0.25:.1%}")
print(f"{n=} {pi=:.1f} {name.upper()=} {n + 1 = }")
width, prec = 12, 4
print(f"{pi:{width}.{prec}f}| {name:*^{width}}| {name:>{width}}")
print(f"{'nested ' + f'{n * 2}'} {[i for i in range(3)]} {dict(a=1)} {(1, 2)}")
print(f"{{literal braces}} {n!r:>5} {3+4j} {True:d} {None!r}")
print(f"{1234567.891:,.2f} {-0.0} {float('inf')} {float('nan'):>5} {12345:_x}")
print(f"{'left':<8}|{'right':>8}|{'mid':^9}|{'fill':-^10}|")
print(f"{42:c}{65:c}", f"{0xff:#06x}", f"{-42:06d}", f"{42:=+8d}", f"{3.0:.0f}", f"{2.5:.0f}", f"{3.5:.0f}")
class P:
    def __format__(self, spec):
        return f"P<{spec}>"
    def __repr__(self):
        return "P()"
print(f"{P()} {P():abc} {P()!r} {format(P(), 'xyz')}")
multi = f"""line1 {n}
line2 {name}"""
print(multi)
print(f"{'a' if n > 40 else 'b'}", f"{n:{'>' if n else '<'}5}")
items = {"apple": 1.5, "kiwi": 0.25, "banana": 12.0}
for k, v in items.items():
    print(f"{k:<10}{v:>8.2f}")
print("%s is %d years and %.1f%%" % ("x", 30, 99.5), "%(a)s-%(b)03d" % {"a": "k", "b": 7}, "%r %5s %-5s|" % ("q", "ab", "cd"))
print("{} {} {}".format(1, 2, 3), "{1}{0}".format("a", "b"), "{x}-{y[0]}".format(x=1, y=[9]), "{:^9}".format("hi"), "{0.real}".format(3))
print(format(255, "x"), format(1.5, "08.3f"), format("s", ">3"), format(10**20, ","), format(0.1, ".20f"))
try:
    f"{n:z}"
except ValueError as e:
    print("ValueError:", e)
try:
    "{:d}".format("s")
except ValueError as e:
    print("ValueError:", e)
try:
    "{0} {2}".format(1, 2)
except IndexError as e:
    print("IndexError:", e)
