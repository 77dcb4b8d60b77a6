# Address reuse in pymalloc: a freed block is the next one handed out for its size class (LIFO),
# and requests over 512 bytes come from malloc's heap instead of the mmapped arenas. The first
# allocations use up the blocks the interpreter's start-up left free in this size class, so that
# what follows happens in fresh pools.
keep = [bytes(400) for _ in range(300)]
a = bytes(400)
b = bytes(400)
c = bytes(400)
ia, ib, ic = id(a), id(b), id(c)
print("consecutive blocks 448 apart:", ib - ia == 448 and ic - ib == 448)
del a
del c
d = bytes(400)
e = bytes(400)
print("last freed comes back first:", id(d) == ic, id(e) == ia)
small = bytes(512 - 33)
big = bytes(513 - 33)
print("512-byte request in an arena:", id(small) > 0x700000000000)
print("513-byte request on the brk heap:", id(big) < 0x700000000000)
